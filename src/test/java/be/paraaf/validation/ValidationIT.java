package be.paraaf.validation;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.BadDocuments;
import be.paraaf.support.ForeignSigner;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The verifier's side of the API: anyone uploads a PDF or XML and gets a verdict per signature, the XML
 * reports to download, and a clear problem for anything that is not a readable document.
 */
class ValidationIT extends ServiceIT {

    @Test
    void unsignedPdfValidatesWithNoSignatures() {
        JsonNode summary = validate(TestDocs.read(TestDocs.SAMPLE_CONTRACT), "contract.pdf");
        assertThat(summary.get("signatureCount").asInt()).isZero();
        assertThat(summary.get("signatures")).isEmpty();
        assertThat(summary.get("documentType").asString()).isEqualTo("PDF");
    }

    @Test
    void foreignSignatureByAnUntrustedSignerIsIndeterminateNotInvalid() {
        byte[] signed = new ForeignSigner().sign(TestDocs.read(TestDocs.SAMPLE_CONTRACT));

        JsonNode signature = validate(signed, "foreign.pdf").get("signatures").get(0);
        assertThat(signature.get("verdict").asString()).as(signature.toString()).isEqualTo("INDETERMINATE");
        assertThat(signature.get("subIndication").asString()).startsWith("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(signature.get("signerName").asString()).isEqualTo("Anna de Vries");
        assertThat(signature.get("nationalRegisterNumber").isNull()).isTrue();
        assertThat(signature.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(signature.get("modificationLevel").asString()).isEqualTo("NONE");
        assertThat(signature.get("reason").asString()).contains("trusted");
        assertThat(signature.get("chain").get(0).get("trusted").asBoolean()).isFalse();
    }

    @Test
    void foreignSignatureOverAChangedByteFails() {
        byte[] signed = new ForeignSigner().sign(TestDocs.read(TestDocs.SAMPLE_CONTRACT));
        signed[12] ^= 0x01; // inside the binary comment of the first signed range

        JsonNode signature = validate(signed, "foreign-tampered.pdf").get("signatures").get(0);
        assertThat(signature.get("verdict").asString()).as(signature.toString()).isEqualTo("INVALID");
    }

    @Test
    void bytesAppendedAfterTheLastEofAreAFindingNotARefusal() {
        byte[] signed = new ForeignSigner().sign(TestDocs.read(TestDocs.SAMPLE_CONTRACT));
        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 20_000);
        java.util.Arrays.fill(appended, signed.length, appended.length, (byte) 'x');

        JsonNode summary = validate(appended, "appended.pdf");
        assertThat(summary.get("verdict").asString()).isEqualTo("CHANGED_AFTER_SIGNING");
        assertThat(summary.get("findings").toString()).contains("DATA_AFTER_LAST_REVISION");
        assertThat(summary.get("signatures").get(0).get("coversWholeDocument").asBoolean()).isFalse();
    }

    @Test
    void everyXmlReportIsDownloadable() {
        byte[] signed = new ForeignSigner().sign(TestDocs.read(TestDocs.SAMPLE_CONTRACT));
        JsonNode summary = validate(signed, "foreign.pdf");

        assertReport(summary, "simple", "SimpleReport");
        assertReport(summary, "detailed", "DetailedReport");
        assertReport(summary, "diagnostic", "DiagnosticData");
        assertReport(summary, "etsi", "ValidationReport");
    }

    @Test
    void validationsAreCountedAndTimedInTheMetrics() {
        validate(TestDocs.read(TestDocs.SAMPLE_CONTRACT), "contract.pdf");
        assertThat(CLIENT.get("/actuator/metrics/paraaf.validation").statusCode()).as("metrics need an API key")
                .isEqualTo(401);
        HttpResponse<byte[]> response = CLIENT.get("/actuator/metrics/paraaf.validation", DemoClients.WOONPUNT_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode count = ServiceClient.json(response).get("measurements").get(0);
        assertThat(count.get("statistic").asString()).isEqualTo("COUNT");
        assertThat(count.get("value").asDouble()).isPositive();
    }

    @Test
    void unknownReportsAreNotFound() {
        assertProblem(CLIENT.get("/api/validations/0123456789abcdef0123456789abcdef/reports/simple"), 404,
                "validation-report-not-found");
        assertProblem(CLIENT.get("/api/validations/not-an-id/reports/simple"), 404, "validation-report-not-found");
        // Tomcat itself refuses encoded slashes; the answer is still a problem, not an HTML page
        assertProblem(CLIENT.get("/api/validations/..%2F..%2Fdata/reports/simple"), 400, "bad-request");
        JsonNode summary = validate(TestDocs.read(TestDocs.SAMPLE_CONTRACT), "contract.pdf");
        assertProblem(CLIENT.get("/api/validations/" + summary.get("id").asString() + "/reports/pretty"), 404,
                "unknown-report");
    }

    static Stream<Arguments> badDocuments() {
        byte[] sample = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        return Stream.of(
                Arguments.of("empty", new byte[0], 400, "empty-document"),
                Arguments.of("plain text", "no signature here".getBytes(StandardCharsets.UTF_8), 415,
                        "unsupported-document"),
                Arguments.of("truncated PDF", BadDocuments.truncated(sample), 422, "damaged-document"),
                Arguments.of("encrypted PDF", BadDocuments.encrypted(sample), 422, "encrypted-document"),
                Arguments.of("garbage after a PDF header", BadDocuments.garbageWithHeader(), 422, "damaged-document"),
                Arguments.of("malformed XML", "<a><b></a>".getBytes(StandardCharsets.UTF_8), 422,
                        "unreadable-document"),
                Arguments.of("XML entity expansion (billion laughs)", billionLaughs(), 422, "unreadable-document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void badDocumentIsRefusedWithItsProblem(String label, byte[] document, int status, String type) {
        HttpResponse<byte[]> response = CLIENT.post("/api/validations",
                new Multipart().file("document", "upload.bin", "application/octet-stream", document));
        assertProblem(response, status, type);
    }

    @Test
    void deeplyNestedObjectsAreRefusedNotAServerError() {
        String nested = "[".repeat(200_000) + "]".repeat(200_000);
        byte[] hostile = ("%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/Nest " + nested + ">>\nendobj\n"
                + "2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<byte[]> response = CLIENT.post("/api/validations",
                new Multipart().file("document", "nested.pdf", "application/pdf", hostile));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isBetween(200, 499);
        assertThat(response.statusCode()).isNotIn(500, 503);
    }

    private static JsonNode validate(byte[] document, String name) {
        HttpResponse<byte[]> response = CLIENT.post("/api/validations",
                new Multipart().file("document", name, "application/pdf", document));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return ServiceClient.json(response);
    }

    private static void assertReport(JsonNode summary, String kind, String rootElement) {
        HttpResponse<byte[]> response = CLIENT.get(summary.get("reports").get(kind).asString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("xml");
        String xml = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(xml).containsPattern("<([a-zA-Z0-9]+:)?" + rootElement + "[ >]");
    }

    private static byte[] billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
