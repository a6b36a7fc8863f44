package be.paraaf.prepare;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.persistence.StoredContent;
import be.paraaf.support.BadDocuments;
import be.paraaf.support.HostilePdfs;
import be.paraaf.support.Multipart;
import be.paraaf.support.PdfSig;
import be.paraaf.support.QPdf;
import be.paraaf.support.SampleDocuments;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The documents API over HTTP: ownership, inspection, refusals, active content, signature fields. */
class DocumentsIT extends ServiceIT {

    private static final String WOONPUNT = DemoClients.WOONPUNT_KEY;
    private static final String NOTARIS = DemoClients.NOTARIS_KEY;
    private final byte[] contract = TestDocs.read(TestDocs.SAMPLE_CONTRACT);

    @Test
    void uploadedDocumentIsInspectedAndKeptByteForByte() {
        HttpResponse<byte[]> response = upload(contract, "huurovereenkomst.pdf", WOONPUNT, "");
        assertThat(response.statusCode()).as(body(response)).isEqualTo(201);
        JsonNode created = ServiceClient.json(response);
        String id = created.get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/documents/" + id);

        JsonNode metadata = ServiceClient.json(CLIENT.get("/api/documents/" + id, WOONPUNT));
        assertThat(metadata.get("name").asString()).isEqualTo("huurovereenkomst.pdf");
        assertThat(metadata.get("sha256").asString()).isEqualTo(StoredContent.sha256(contract));
        assertThat(metadata.get("size").asLong()).isEqualTo(contract.length);
        assertThat(metadata.get("pageCount").asInt()).isEqualTo(2);
        assertThat(metadata.get("source").asString()).isEqualTo("upload");
        assertThat(metadata.get("signatureCount").asInt()).isZero();
        assertThat(names(metadata.get("fields"))).containsExactly("tenant-1", "agency");
        assertThat(metadata.get("fields").get(0).get("page").asInt()).isEqualTo(2);
        assertThat(metadata.get("fields").get(0).get("signed").asBoolean()).isFalse();
        assertThat(metadata.get("activeContent")).isEmpty();
        assertThat(metadata.get("createdAt").asString()).isNotBlank();

        HttpResponse<byte[]> content = CLIENT.get("/api/documents/" + id + "/content", WOONPUNT);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(content.body()).isEqualTo(contract);
    }

    @Test
    void uploadedFileNameIsKeptWithoutDirectoryOrBidiControls() {
        // U+202E would make "evil\u202efdp.exe" display as "evilexe.pdf"
        HttpResponse<byte[]> response = upload(contract, "../../tmp/evil\u202efdp.exe", WOONPUNT, "");
        assertThat(response.statusCode()).as(body(response)).isEqualTo(201);
        String id = ServiceClient.json(response).get("id").asString();

        assertThat(ServiceClient.json(CLIENT.get("/api/documents/" + id, WOONPUNT)).get("name").asString())
                .isEqualTo("evilfdp.exe");
        assertThat(CLIENT.get("/api/documents/" + id + "/content", WOONPUNT).headers()
                .firstValue("Content-Disposition").orElseThrow()).doesNotContain("%E2%80%AE", "..", "tmp");
    }

    @Test
    void anotherClientGetsNotFoundForTheSameDocument() {
        String id = uploadedId(contract, WOONPUNT);

        assertProblem(CLIENT.get("/api/documents/" + id, NOTARIS), 404, "document-not-found");
        assertProblem(CLIENT.get("/api/documents/" + id + "/content", NOTARIS), 404, "document-not-found");
        assertProblem(CLIENT.postJson("/api/documents/" + id + "/fields", field("x", 1, 50, 50), NOTARIS), 404,
                "document-not-found");
        assertThat(CLIENT.get("/api/documents/" + id, WOONPUNT).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousOrUnknownKeyGetsUnauthenticatedProblem() {
        String id = uploadedId(contract, WOONPUNT);

        JsonNode anonymous = assertProblem(CLIENT.get("/api/documents/" + id), 401, "unauthenticated");
        assertThat(anonymous.get("detail").asString()).contains("needs an API key");
        assertProblem(CLIENT.post("/api/documents", new Multipart()
                .file("document", "c.pdf", "application/pdf", contract)), 401, "unauthenticated");
        JsonNode wrongKey = assertProblem(CLIENT.get("/api/documents/" + id, "pk_not_a_real_key"), 401,
                "unauthenticated");
        assertThat(wrongKey.get("detail").asString()).contains("not recognised");
        HttpResponse<byte[]> viaHeader = CLIENT.send(HttpRequest.newBuilder(
                URI.create(CLIENT.baseUrl() + "/api/documents/" + id)).header("X-API-Key", WOONPUNT).GET().build());
        assertThat(viaHeader.statusCode()).isEqualTo(200);
    }

    @Test
    void openEndpointsNeedNoKey() {
        assertThat(CLIENT.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(CLIENT.get("/pki/ca/root.crt").statusCode()).isEqualTo(200);
        assertThat(CLIENT.get("/v3/api-docs").statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> badUploads() {
        byte[] sample = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        return Stream.of(
                Arguments.of("empty", new byte[0], 400, "empty-document"),
                Arguments.of("not a PDF", "PK\u0003\u0004 a zip, not a PDF".getBytes(StandardCharsets.ISO_8859_1),
                        415, "not-a-pdf"),
                Arguments.of("truncated", BadDocuments.truncated(sample), 422, "damaged-document"),
                Arguments.of("encrypted", BadDocuments.encrypted(sample), 422, "encrypted-document"),
                Arguments.of("over the page limit", SampleDocuments.blankPages(501), 422, "too-many-pages"),
                // stored (201) before, and failing on seal, time-stamp or prepare later
                Arguments.of("page tree loop", HostilePdfs.pageTreeLoop(), 422, "damaged-document"),
                Arguments.of("page tree node that is its own kid", HostilePdfs.selfKid(), 422, "damaged-document"),
                Arguments.of("two page tree nodes kids of each other", HostilePdfs.twoNodeLoop(), 422,
                        "damaged-document"),
                Arguments.of("page tree 3,000 levels deep", HostilePdfs.deepPageTree(), 422, "damaged-document"),
                Arguments.of("/Count of two thousand million", HostilePdfs.hugeCount(), 422, "damaged-document"),
                Arguments.of("/Count above the pages", HostilePdfs.countTooHigh(), 422, "damaged-document"),
                Arguments.of("kids that are not pages", HostilePdfs.kidsNotPages(), 422, "damaged-document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void badUploadIsRefusedWithItsProblem(String label, byte[] document, int status, String type) {
        assertProblem(upload(document, "bad.pdf", WOONPUNT, ""), status, type);
    }

    @Test
    void uploadOverTheSizeLimitGetsA413Problem() {
        byte[] huge = new byte[51 * 1024 * 1024];
        assertProblem(upload(huge, "huge.pdf", WOONPUNT, ""), 413, "upload-too-large");
    }

    @Test
    void activeContentIsReportedAndRemovedOnRequest() {
        byte[] risky = TestDocs.read(TestDocs.ACTIVE_CONTENT);

        JsonNode reported = ServiceClient.json(upload(risky, "risky.pdf", WOONPUNT, ""));
        assertThat(kinds(reported.get("activeContent")))
                .containsExactlyInAnyOrder("JavaScript", "JavaScript", "URI-JavaScript", "Launch");
        assertThat(CLIENT.get("/api/documents/" + reported.get("id").asString() + "/content", WOONPUNT).body())
                .isEqualTo(risky);

        HttpResponse<byte[]> response = upload(risky, "risky.pdf", WOONPUNT, "?removeActiveContent=true");
        assertThat(response.statusCode()).as(body(response)).isEqualTo(201);
        JsonNode cleaned = ServiceClient.json(response);
        assertThat(cleaned.get("activeContent")).isEmpty();
        assertThat(cleaned.get("version").asInt()).isEqualTo(2);
        assertThat(cleaned.get("versions").get(0).get("sha256").asString()).isEqualTo(StoredContent.sha256(risky));
        assertThat(cleaned.get("versions").get(1).get("reason").asString()).startsWith("active content removed");
        byte[] content = CLIENT.get("/api/documents/" + cleaned.get("id").asString() + "/content", WOONPUNT).body();
        assertThat(StoredContent.sha256(content)).isEqualTo(cleaned.get("sha256").asString());
        assertThat(QPdf.check(content).exitCode()).isZero();
    }

    @Test
    void addedFieldIsFilledByTwoStepSigning() throws IOException {
        String id = uploadedId(contract, WOONPUNT);
        HttpResponse<byte[]> added = CLIENT.postJson("/api/documents/" + id + "/fields",
                field("witness", 1, 300, 650), WOONPUNT);
        assertThat(added.statusCode()).as(body(added)).isEqualTo(201);
        JsonNode metadata = ServiceClient.json(added);
        assertThat(names(metadata.get("fields"))).containsExactly("tenant-1", "agency", "witness");
        JsonNode witness = metadata.get("fields").get(2);
        assertThat(witness.get("page").asInt()).isEqualTo(1);
        assertThat(witness.get("x").floatValue()).isEqualTo(300f);
        assertThat(witness.get("y").floatValue()).isEqualTo(650f);
        assertThat(metadata.get("version").asInt()).isEqualTo(2);

        byte[] prepared = CLIENT.get("/api/documents/" + id + "/content", WOONPUNT).body();
        assertThat(Arrays.copyOf(prepared, contract.length)).as("incremental update").isEqualTo(contract);
        assertThat(QPdf.check(prepared).exitCode()).isZero();

        Citizen citizen = CLIENT.issueCitizen("Mira", "Claes",
                NationalRegisterNumber.withCheck("900412345", false).value());
        byte[] signed = new TwoStepFlow(CLIENT).signPdf(prepared, citizen, Map.of("level", "B-B",
                "fieldName", "witness"));

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField field = (PDSignatureField) document.getDocumentCatalog().getAcroForm().getField("witness");
            assertThat(field.getSignature()).isNotNull();
            assertThat(document.getSignatureDictionaries()).hasSize(1);
        }
        PdfSig pdfsig = PdfSig.trusting(CLIENT.rootCertificate(), DATA_DIR.resolve("nss-documents"));
        List<PdfSig.Verdict> verdicts = pdfsig.signatures(signed);
        assertThat(verdicts).hasSize(1).allSatisfy(v -> assertThat(v.signatureValid()).as(v.block()).isTrue());
        assertThat(pdfsig.wholeFileCovered(signed)).isTrue();
    }

    @Test
    void duplicateOrOverlappingFieldIsAConflict() {
        String id = uploadedId(contract, WOONPUNT);
        assertProblem(CLIENT.postJson("/api/documents/" + id + "/fields", field("agency", 1, 50, 50), WOONPUNT),
                409, "field-exists");
        // tenant-1 sits at x 60..280, y 252..322 (top-left origin) on page 2
        assertProblem(CLIENT.postJson("/api/documents/" + id + "/fields", field("witness", 2, 100, 280), WOONPUNT),
                409, "field-overlap");
        assertProblem(CLIENT.postJson("/api/documents/" + id + "/fields", field("a.b", 1, 50, 50), WOONPUNT),
                422, "invalid-field-name");
        assertProblem(CLIENT.postJson("/api/documents/" + id + "/fields", field("far", 7, 50, 50), WOONPUNT),
                422, "invalid-placement");
    }

    @Test
    void signedDocumentIsStoredUnchangedAndTakesNoNewFields() {
        HttpResponse<byte[]> sealed = CLIENT.post("/api/seals", new Multipart()
                .file("document", "contract.pdf", "application/pdf", contract).field("level", "B-B")
                .field("fieldName", "agency"), WOONPUNT);
        assertThat(sealed.statusCode()).as(body(sealed)).isEqualTo(200);
        byte[] signed = sealed.body();

        JsonNode metadata = ServiceClient.json(upload(signed, "sealed.pdf", WOONPUNT, ""));
        String id = metadata.get("id").asString();
        assertThat(metadata.get("signatureCount").asInt()).isEqualTo(1);
        assertThat(metadata.get("signatures").get(0).get("field").asString()).isEqualTo("agency");
        assertThat(metadata.get("fields").get(1).get("signed").asBoolean()).isTrue();
        assertThat(CLIENT.get("/api/documents/" + id + "/content", WOONPUNT).body()).isEqualTo(signed);

        assertProblem(CLIENT.postJson("/api/documents/" + id + "/fields", field("witness", 1, 50, 50), WOONPUNT),
                409, "document-signed");
    }

    @Test
    void unknownDocumentIsNotFound() {
        assertProblem(CLIENT.get("/api/documents/00000000-0000-0000-0000-000000000000", WOONPUNT), 404,
                "document-not-found");
    }

    private static HttpResponse<byte[]> upload(byte[] pdf, String name, String key, String query) {
        return CLIENT.post("/api/documents" + query,
                new Multipart().file("document", name, "application/pdf", pdf), key);
    }

    private static String uploadedId(byte[] pdf, String key) {
        HttpResponse<byte[]> response = upload(pdf, "contract.pdf", key, "");
        assertThat(response.statusCode()).as(body(response)).isEqualTo(201);
        return ServiceClient.json(response).get("id").asString();
    }

    private static String field(String name, int page, float x, float y) {
        return """
                {"name":"%s","page":%d,"x":%s,"y":%s,"width":200,"height":60}""".formatted(name, page, x, y);
    }

    private static List<String> names(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.forEach(field -> names.add(field.get("name").asString()));
        return names;
    }

    private static List<String> kinds(JsonNode activeContent) {
        List<String> kinds = new ArrayList<>();
        activeContent.forEach(entry -> kinds.add(entry.get("kind").asString()));
        return kinds;
    }

    private static String body(HttpResponse<byte[]> response) {
        return TwoStepFlow.body(response);
    }
}
