package be.paraaf.signing;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.BadDocuments;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TestDocs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every refusal is an RFC 9457 problem with a stable type and a 4xx status — never a 500. */
class SigningBadInputIT extends SigningScenario {

    private static Citizen citizen;

    /** Once per class, after Spring has started the service (a static @BeforeAll would run before it). */
    @BeforeEach
    void issueCitizen() {
        if (citizen != null) {
            return;
        }
        citizen = citizen("Noor", "Jacobs", NationalRegisterNumber.withCheck("950315222", false).value());
    }

    static Stream<Arguments> badDocuments() {
        byte[] sample = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        return Stream.of(
                Arguments.of("empty", new byte[0], 400, "empty-document"),
                Arguments.of("not a PDF", "just some text, no PDF".getBytes(StandardCharsets.UTF_8), 415, "not-a-pdf"),
                Arguments.of("truncated", BadDocuments.truncated(sample), 422, "damaged-document"),
                Arguments.of("encrypted", BadDocuments.encrypted(sample), 422, "encrypted-document"),
                Arguments.of("garbage after header", BadDocuments.garbageWithHeader(), 422, "damaged-document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void badDocumentIsRefusedWithItsProblem(String label, byte[] document, int status, String type) {
        HttpResponse<byte[]> response = prepareRaw(document, pem(citizen.chain()), Map.of("level", "B-B"));
        assertProblem(response, status, type);
    }

    @Test
    void certificateChainThatIsNotACertificateIsRefused() {
        assertProblem(prepareRaw(TestDocs.read(TestDocs.SAMPLE_CONTRACT),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII),
                Map.of()), 400, "invalid-certificate");
    }

    @Test
    void unknownLevelIsRefused() {
        assertProblem(prepareRaw(TestDocs.read(TestDocs.SAMPLE_CONTRACT), pem(citizen.chain()),
                Map.of("level", "B-XL")), 400, "invalid-signature-options");
    }

    @Test
    void unknownSignatureFieldIsRefused() {
        HttpResponse<byte[]> response = prepareRaw(TestDocs.read(TestDocs.SAMPLE_CONTRACT), pem(citizen.chain()),
                Map.of("level", "B-B", "fieldName", "no-such-field"));
        assertProblem(response, 422, "invalid-signature-field");
    }

    @Test
    void placementOnAMissingPageIsRefused() {
        assertProblem(prepareRaw(TestDocs.read(TestDocs.SAMPLE_CONTRACT), pem(citizen.chain()), Map.of("level", "B-B",
                "page", "9", "x", "10", "y", "10", "width", "200", "height", "50")), 422, "invalid-placement");
    }

    @Test
    void wrongSignatureValueIsRefusedAndTheHandleStaysUsable() {
        JsonNode prepared = prepare("/api/signatures/pades/prepare", "c.pdf", "application/pdf",
                TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen.chain(), Map.of("level", "B-B"));
        byte[] wrong = sign("not the data to sign".getBytes(StandardCharsets.UTF_8), "SHA256withRSA",
                citizen.signatureKey());
        HttpResponse<byte[]> response = CLIENT.postJson(prepared.get("completeUrl").asString(),
                "{\"signatureValue\":\"" + Base64.getEncoder().encodeToString(wrong) + "\"}", KEY);
        assertProblem(response, 422, "signature-value-mismatch");

        byte[] signed = complete(prepared, citizen.signatureKey());
        assertThat(new String(signed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void completedHandleCannotBeUsedTwice() {
        JsonNode prepared = prepare("/api/signatures/pades/prepare", "c.pdf", "application/pdf",
                TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen.chain(), Map.of("level", "B-B"));
        complete(prepared, citizen.signatureKey());
        HttpResponse<byte[]> again = CLIENT.postJson(prepared.get("completeUrl").asString(),
                "{\"signatureValue\":\"AAAA\"}", KEY);
        assertProblem(again, 404, "pending-signature-not-found");
    }

    @Test
    void signatureValueThatIsNotBase64IsRefused() {
        assertProblem(CLIENT.postJson("/api/signatures/abcdefghijklmnopqrstuvwx/complete",
                "{\"signatureValue\":\"%%%\"}", KEY), 400, "invalid-signature-value");
    }

    @Test
    void missingDocumentPartIsRefused() {
        HttpResponse<byte[]> response = CLIENT.post("/api/signatures/pades/prepare",
                new Multipart().field("level", "B-B"), KEY);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(response).get("type").asString()).startsWith("https://paraaf.be/problems/");
    }

    @Test
    void extendingAnUnsignedPdfIsRefused() {
        HttpResponse<byte[]> response = CLIENT.post("/api/extensions", new Multipart()
                .file("document", "c.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertProblem(response, 422, "not-signed");
    }

    @Test
    void uploadOverTheLimitGetsA413Problem() {
        byte[] huge = new byte[51 * 1024 * 1024];
        HttpResponse<byte[]> response = CLIENT.post("/api/timestamps",
                new Multipart().file("document", "huge.pdf", "application/pdf", huge));
        assertProblem(response, 413, "upload-too-large");
    }

    private static HttpResponse<byte[]> prepareRaw(byte[] document, byte[] chain, Map<String, String> options) {
        Multipart form = new Multipart().file("document", "doc.pdf", "application/pdf", document)
                .file("certificateChain", "chain.pem", "application/x-pem-file", chain);
        options.forEach(form::field);
        return CLIENT.post("/api/signatures/pades/prepare", form, KEY);
    }

}
