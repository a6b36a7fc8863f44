package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Multipart;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TestDocs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** XAdES round trips, extension of existing signatures to B-LTA, document time-stamps and seals. */
class XadesAndExtensionIT extends SigningScenario {

    private static final byte[] EVIDENCE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <auditTrail request="r-42"><event seq="1" type="created">Huurovereenkomst aangemaakt — ré</event></auditTrail>
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void envelopedXadesRoundTripValidates() {
        Citizen citizen = citizen("Emma", "Maes", NationalRegisterNumber.withCheck("010101123", true).value());
        JsonNode prepared = prepare("/api/signatures/xades/prepare", "audit.xml", "application/xml", EVIDENCE,
                citizen.chain(), Map.of("level", "B-LTA", "packaging", "ENVELOPED"));
        byte[] signed = complete(prepared, citizen.signatureKey());

        JsonNode signature = signatures(validate(signed, "audit-signed.xml")).get(0);
        assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("level").asString()).isEqualTo("XAdES-BASELINE-LTA");
        assertThat(signature.get("nationalRegisterNumber").asString()).startsWith("010101123");
    }

    @Test
    void detachedXadesNeedsTheOriginalToValidate() {
        Citizen citizen = citizen("Emma", "Maes", NationalRegisterNumber.withCheck("010101123", true).value());
        JsonNode prepared = prepare("/api/signatures/xades/prepare", "audit.xml", "application/xml", EVIDENCE,
                citizen.chain(), Map.of("level", "B-B", "packaging", "DETACHED"));
        byte[] signature = complete(prepared, citizen.signatureKey());

        HttpResponse<byte[]> response = CLIENT.post("/api/validations", new Multipart()
                .file("document", "audit-signature.xml", "application/xml", signature)
                .file("originalDocument", "audit.xml", "application/xml", EVIDENCE));
        assertThat(response.statusCode()).as(body(response)).isBetween(200, 201);
        JsonNode result = signatures(be.paraaf.support.ServiceClient.json(response)).get(0);
        assertThat(result.get("indication").asString()).as(result.toString()).isEqualTo("TOTAL_PASSED");
    }

    @Test
    void basicSignatureIsExtendedToLongTermArchival() {
        Citizen citizen = citizen("Lars", "Peeters", NationalRegisterNumber.withCheck("880808321", false).value());
        byte[] basic = signTwoStep(TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen, Map.of("level", "B-B"));

        HttpResponse<byte[]> response = CLIENT.post("/api/extensions", new Multipart()
                .file("document", "basic.pdf", "application/pdf", basic).field("level", "B-LTA"));
        assertThat(response.statusCode()).as(body(response)).isEqualTo(200);

        JsonNode signature = signatures(validate(response.body(), "extended.pdf")).get(0);
        assertThat(signature.get("level").asString()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        List<PdfSig.Verdict> verdicts = pdfsig().signatures(response.body());
        assertThat(verdicts).hasSize(1).allSatisfy(v -> assertThat(v.signatureValid()).as(v.block()).isTrue());
    }

    @Test
    void xadesSignatureIsExtendedToLongTermArchival() {
        Citizen citizen = citizen("Emma", "Maes", NationalRegisterNumber.withCheck("010101123", true).value());
        byte[] basic = complete(prepare("/api/signatures/xades/prepare", "audit.xml", "application/xml", EVIDENCE,
                citizen.chain(), Map.of("level", "B-B")), citizen.signatureKey());

        HttpResponse<byte[]> response = CLIENT.post("/api/extensions", new Multipart()
                .file("document", "audit-signed.xml", "application/xml", basic).field("level", "B-LTA"));
        assertThat(response.statusCode()).as(body(response)).isEqualTo(200);
        JsonNode signature = signatures(validate(response.body(), "audit-lta.xml")).get(0);
        assertThat(signature.get("level").asString()).isEqualTo("XAdES-BASELINE-LTA");
        assertThat(signature.get("indication").asString()).isEqualTo("TOTAL_PASSED");
    }

    @Test
    void documentTimestampIsAddedAndValid() {
        HttpResponse<byte[]> response = CLIENT.post("/api/timestamps", new Multipart()
                .file("document", "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertThat(response.statusCode()).as(body(response)).isEqualTo(200);

        JsonNode validation = validate(response.body(), "timestamped.pdf");
        assertThat(validation.get("timestamps")).isNotEmpty();
        assertThat(validation.get("timestamps").get(0).get("indication").asString()).isEqualTo("PASSED");
    }

    @Test
    void sealWithTheServiceKeyIsVisibleAndValid() {
        HttpResponse<byte[]> response = CLIENT.post("/api/seals", sealForm(), DemoClients.WOONPUNT_KEY);
        assertThat(response.statusCode()).as(body(response)).isEqualTo(200);

        JsonNode signature = signatures(validate(response.body(), "sealed.pdf")).get(0);
        assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("signerName").asString()).contains("paraaf Seal");
        assertThat(pdfsig().signatures(response.body()).get(0).signatureValid()).isTrue();
    }

    @Test
    void anonymousSealIsRefusedWithAProblem() {
        HttpResponse<byte[]> response = CLIENT.post("/api/seals", sealForm());
        assertThat(response.statusCode()).as(body(response)).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ServiceClient.json(response).get("type").asString())
                .isEqualTo("https://paraaf.be/problems/unauthenticated");
    }

    private static Multipart sealForm() {
        return new Multipart()
                .file("document", "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT))
                .field("level", "B-LT").field("page", "1").field("x", "300").field("y", "700")
                .field("width", "220").field("height", "60").field("consentMethod", "paraaf seal");
    }
}
