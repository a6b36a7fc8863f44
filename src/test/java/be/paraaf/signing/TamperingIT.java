package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TestDocs;
import be.paraaf.support.Multipart;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What must fail: a flipped byte inside the signed range, a certificate revoked before validation, and one revoked
 * before signing (paraaf.signing.check-revocation-before-signing).
 */
class TamperingIT extends SigningScenario {

    @Test
    void oneFlippedByteInTheSignedRangeInvalidatesTheSignature() {
        Citizen citizen = citizen("Marie", "Dubois", NationalRegisterNumber.withCheck("900201997", false).value());
        byte[] signed = signTwoStep(TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen, Map.of("level", "B-B"));
        byte[] tampered = signed.clone();
        // the binary comment on the second line: inside the first signed byte range, irrelevant to parsing
        int offset = indexOf(tampered, "\n%".getBytes(StandardCharsets.ISO_8859_1)) + 2;
        assertThat(offset).isBetween(2, 40);
        tampered[offset] ^= 0x01;

        JsonNode signature = signatures(validate(tampered, "tampered.pdf")).get(0);
        assertThat(signature.get("indication").asString()).isEqualTo("TOTAL_FAILED");
        assertThat(signature.get("subIndication").asString()).isIn("HASH_FAILURE", "SIG_CRYPTO_FAILURE");

        PdfSig.Verdict verdict = pdfsig().signatures(tampered).get(0);
        assertThat(verdict.signatureValid()).as(verdict.block()).isFalse();
    }

    @Test
    void revokedSignerIsReportedRevoked() {
        Citizen citizen = citizen("Pieter", "Janssens", NationalRegisterNumber.withCheck("710328123", false).value());
        byte[] signed = signTwoStep(TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen, Map.of("level", "B-B"));
        CLIENT.revoke(citizen.serialHex());

        JsonNode validation = validate(signed, "revoked.pdf");
        JsonNode signature = signatures(validation).get(0);
        // revoked after a B-B signature, which proves no time before the revocation (ETSI EN 319 102-1 5.6.2.4)
        assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("INDETERMINATE");
        assertThat(signature.get("subIndication").asString()).isEqualTo("REVOKED_NO_POE");
        assertThat(signature.get("verdict").asString()).isEqualTo("INDETERMINATE");
        assertThat(validation.get("verdict").asString()).isEqualTo("INDETERMINATE");
    }

    @Test
    void aRevokedSignerCannotPrepareASignature() {
        byte[] contract = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        Citizen revoked = citizen("Lotte", "Peeters", NationalRegisterNumber.withCheck("880412124", false).value());
        CLIENT.revoke(revoked.serialHex());

        HttpResponse<byte[]> refused = CLIENT.post("/api/signatures/pades/prepare", new Multipart()
                .file("document", "contract.pdf", "application/pdf", contract)
                .file("certificateChain", "chain.pem", "application/x-pem-file", pem(revoked.chain()))
                .field("level", "B-B"), KEY);

        assertThat(refused.statusCode()).as(body(refused)).isBetween(400, 499);
        assertThat(body(refused)).contains("revoked").doesNotContain("Exception");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
