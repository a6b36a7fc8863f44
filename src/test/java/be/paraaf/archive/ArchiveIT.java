package be.paraaf.archive;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.ContentLocks;
import be.paraaf.persistence.JobLocks;
import be.paraaf.persistence.StoredContent;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.EvidenceRecordValidation;
import be.paraaf.validation.ValidationService;
import be.paraaf.validation.ValidationSummary;
import be.paraaf.validation.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/** Archive end to end over HTTP: archive, fetch, evidence package, tenant isolation, integrity, retention. */
class ArchiveIT extends ServiceIT {

    static final String WOONPUNT = DemoClients.WOONPUNT_KEY;
    static final String NOTARIS = DemoClients.NOTARIS_KEY;
    static final String JAN_NN = "85073003328";
    static byte[] signedAtBt;

    @Autowired
    ValidationService validation;
    @Autowired
    EvidenceRecordValidation evidenceRecords;
    @Autowired
    ArchiveService archive;
    @Autowired
    ArchiveRepository repository;
    @Autowired
    DocumentStore store;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JobLocks locks;
    @Autowired
    ContentLocks contentLocks;
    @Autowired
    ArchiveProperties properties;

    /** A lease signed by a demo citizen at B-T, made once (the server runs only once the context is up). */
    static synchronized byte[] signedAtBt() {
        if (signedAtBt == null) {
            Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", JAN_NN);
            signedAtBt = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                    Map.of("level", "B-T", "fieldName", "tenant-1"));
        }
        return signedAtBt;
    }

    static String metadata(String type, String requestId) {
        return "{\"documentType\":\"" + type + "\",\"requestId\":" + (requestId == null ? "null" : "\"" + requestId
                + "\"") + ",\"parties\":[{\"name\":\"Jan Peeters\",\"nationalNumber\":\"" + JAN_NN
                + "\",\"role\":\"tenant\"},{\"name\":\"Woonpunt\",\"role\":\"landlord\"}]}";
    }

    static JsonNode archiveOverHttp(String key, String type, byte[] audit) {
        Multipart form = new Multipart().file("document", "lease.pdf", "application/pdf", signedAtBt())
                .file("metadata", "metadata.json", "application/json",
                        metadata(type, null).getBytes(StandardCharsets.UTF_8));
        if (audit != null) {
            form.file("auditTrail", "audit.json", "application/json", audit);
        }
        HttpResponse<byte[]> response = CLIENT.post("/api/archive", form, key);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(201);
        return ServiceClient.json(response);
    }

    @Test
    void archivedEntryComesBackAsAnEvidencePackageThatValidates() throws IOException {
        byte[] audit = "{\"events\":[{\"type\":\"signed\",\"by\":\"85073003328\"}]}".getBytes(StandardCharsets.UTF_8);
        JsonNode created = archiveOverHttp(WOONPUNT, "lease", audit);
        String id = created.get("id").asString();
        assertThat(created.get("verdict").asString()).isEqualTo("VALID");
        assertThat(created.get("timestampsValidUntil").isNull()).isFalse();

        JsonNode entry = ServiceClient.json(CLIENT.get("/api/archive/" + id, WOONPUNT));
        // the preservation fields follow the entry's evidence record, sealed moments after POST answered
        assertThat(withoutPreservationState(entry)).as("what POST returned is what is stored")
                .isEqualTo(withoutPreservationState(created));
        assertThat(entry.get("ownerClientId").asString()).isEqualTo("woonpunt-demo");
        assertThat(entry.get("parties").get(0).get("nationalNumber").asString()).isEqualTo(JAN_NN);

        HttpResponse<byte[]> document = CLIENT.get("/api/archive/" + id + "/document", WOONPUNT);
        assertThat(document.statusCode()).isEqualTo(200);
        ValidationSummary pdf = validation.validate(new DocumentToValidate("document.pdf", document.body()));
        assertThat(pdf.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.indication()).isEqualTo("TOTAL_PASSED");
            assertThat(signature.level()).isEqualTo("PAdES-BASELINE-LTA");
        });

        HttpResponse<byte[]> container = CLIENT.get("/api/archive/" + id + "/evidence", WOONPUNT);
        assertThat(container.statusCode()).isEqualTo(200);
        assertThat(container.headers().firstValue("Content-Type")).hasValue("application/vnd.etsi.asic-e+zip");
        Map<String, byte[]> files = unzip(container.body());
        assertThat(files.keySet()).contains("mimetype", ArchivePart.DOCUMENT, ArchivePart.RECEIVED,
                ArchivePart.VALIDATION_SUMMARY, ArchivePart.VALIDATION_REPORT, ArchivePart.EVIDENCE,
                "META-INF/signatures001.xml", "META-INF/evidencerecord.ers",
                "META-INF/ASiCEvidenceRecordManifest001.xml");
        assertThat(new String(files.get("mimetype"), StandardCharsets.US_ASCII))
                .isEqualTo("application/vnd.etsi.asic-e+zip");
        assertThat(files.get(ArchivePart.DOCUMENT)).isEqualTo(document.body());
        JsonNode sealedView = ServiceClient.json(CLIENT.get("/api/archive/" + id, WOONPUNT));
        assertThat(sealedView.get("timestampDigest").asString()).as("its evidence-record batch's digest")
                .isEqualTo("SHA256");
        assertThat(sealedView.get("renewals").asInt()).isZero();
        assertThat(sealedView.get("timestampsValidUntil").isNull()).isFalse();
        assertThat(files.get(ArchivePart.RECEIVED)).isEqualTo(signedAtBt);
        // DSS checks the package as a whole: the service's seal over every file and the RFC 4998 record over them
        EvidenceRecordValidation.ContainerResult checked = evidenceRecords.validateContainer(container.body(), null);
        assertThat(checked.verifies()).as(checked.toString()).isTrue();
        assertThat(checked.containerType()).isEqualTo("ASiC-E");
        assertThat(checked.signatureIndications()).containsExactly("TOTAL_PASSED");
        assertThat(checked.evidenceRecordIndications()).singleElement().isIn("PASSED", "TOTAL_PASSED");
        assertThat(new String(files.get(ArchivePart.VALIDATION_REPORT), StandardCharsets.UTF_8))
                .contains("ValidationReport").contains("mainindication:total-passed");

        // the evidence XML is sealed by the package (not at archiving): the service's XAdES signature covers it
        assertThat(new String(files.get("META-INF/signatures001.xml"), StandardCharsets.UTF_8))
                .contains("URI=\"" + ArchivePart.EVIDENCE + "\"");

        // made once per state of the record: the second download is the same container, seal and all
        HttpResponse<byte[]> again = CLIENT.get("/api/archive/" + id + "/evidence", WOONPUNT);
        assertThat(again.body()).as("cached evidence package").isEqualTo(container.body());
        String evidence = new String(files.get(ArchivePart.EVIDENCE), StandardCharsets.UTF_8);
        assertThat(evidence).contains(id).contains(StoredContent.sha256(audit))
                .contains(StoredContent.sha256(files.get(ArchivePart.DOCUMENT)));
    }

    private static JsonNode withoutPreservationState(JsonNode entry) {
        tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) entry).deepCopy();
        copy.remove(List.of("timestampsValidUntil", "timestampDigest", "renewals", "lastRenewedAt"));
        return copy;
    }

    @Test
    void anEntryNamesOnlyASigningRequestOfItsOwnAgency() {
        String own = signingRequestOf(WOONPUNT);
        String notarisRequest = signingRequestOf(NOTARIS);

        HttpResponse<byte[]> others = archiveNaming(WOONPUNT, notarisRequest);
        HttpResponse<byte[]> unknown = archiveNaming(WOONPUNT, "00000000-0000-0000-0000-000000000000");
        assertProblem(others, 404, "request-not-found");
        assertProblem(unknown, 404, "request-not-found");
        assertThat(TwoStepFlow.body(others).replace(notarisRequest, "?"))
                .as("another agency's request reads as one that does not exist")
                .isEqualTo(TwoStepFlow.body(unknown).replace("00000000-0000-0000-0000-000000000000", "?"));

        HttpResponse<byte[]> archived = archiveNaming(WOONPUNT, own);
        assertThat(archived.statusCode()).as(TwoStepFlow.body(archived)).isEqualTo(201);
        assertThat(ServiceClient.json(archived).get("requestId").asString()).isEqualTo(own);

        // found by its request, by its owner only; an id that is not a request's is refused in words
        JsonNode byRequest = ServiceClient.json(CLIENT.get("/api/archive?requestId=" + own, WOONPUNT));
        assertThat(byRequest.get("items").findValuesAsString("id"))
                .containsExactly(ServiceClient.json(archived).get("id").asString());
        assertThat(byRequest.get("total").asLong()).isEqualTo(1);
        assertThat(ServiceClient.json(CLIENT.get("/api/archive?requestId=" + own, NOTARIS)).get("total").asLong())
                .isZero();
        assertThat(ServiceClient.json(CLIENT.get("/api/archive?requestId=" + notarisRequest, WOONPUNT))
                .get("total").asLong()).isZero();
        JsonNode malformed = assertProblem(CLIENT.get("/api/archive?requestId=abc'%20or%201=1", WOONPUNT), 400,
                "invalid-search");
        assertThat(malformed.get("detail").asString()).contains("requestId");
    }

    private static HttpResponse<byte[]> archiveNaming(String key, String requestId) {
        return CLIENT.post("/api/archive", new Multipart().file("document", "lease.pdf", "application/pdf", signedAtBt())
                .file("metadata", "metadata.json", "application/json",
                        metadata("lease", requestId).getBytes(StandardCharsets.UTF_8)), key);
    }

    /** A draft signing request of this agency on the sample contract; its id. */
    private static String signingRequestOf(String key) {
        HttpResponse<byte[]> document = CLIENT.post("/api/documents", new Multipart().file("document", "contract.pdf",
                "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)), key);
        assertThat(document.statusCode()).as(TwoStepFlow.body(document)).isEqualTo(201);
        HttpResponse<byte[]> request = CLIENT.postJson("/api/requests", """
                {"documentId":"%s","title":"Huurovereenkomst","signers":[{"role":"tenant","name":"Jan Peeters",
                 "nationalRegisterNumber":"%s","consentMethods":"EITHER","fieldName":"tenant-1","step":1}]}"""
                .formatted(ServiceClient.json(document).get("id").asString(), JAN_NN), key);
        assertThat(request.statusCode()).as(TwoStepFlow.body(request)).isEqualTo(201);
        return ServiceClient.json(request).get("id").asString();
    }

    @Test
    void agenciesSeeOnlyTheirOwnEntries() {
        String id = archiveOverHttp(NOTARIS, "itsme-contract", null).get("id").asString();

        assertThat(CLIENT.get("/api/archive/" + id, NOTARIS).statusCode()).isEqualTo(200);
        for (String path : List.of("", "/document", "/evidence")) {
            HttpResponse<byte[]> other = CLIENT.get("/api/archive/" + id + path, WOONPUNT);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(TwoStepFlow.body(other)).contains("archive-entry-not-found");
        }
        assertThat(CLIENT.get("/api/archive/" + id).statusCode()).isEqualTo(401);
        JsonNode woonpunt = ServiceClient.json(CLIENT.get("/api/archive?documentType=itsme-contract", WOONPUNT));
        assertThat(woonpunt.get("items").findValuesAsString("id")).doesNotContain(id);
        JsonNode notaris = ServiceClient.json(CLIENT.get("/api/archive?nationalNumber=" + JAN_NN
                + "&documentType=itsme-contract&size=1&page=0", NOTARIS));
        assertThat(notaris.get("items").findValuesAsString("id")).contains(id);
        assertThat(notaris.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(CLIENT.get("/api/archive?nationalNumber=12345678901", NOTARIS).statusCode()).isEqualTo(400);
        assertThat(CLIENT.get("/api/archive?size=1000", NOTARIS).statusCode()).isEqualTo(400);
    }

    @Test
    void integrityCheckReportsAModifiedBlob() throws IOException {
        String id = archiveOverHttp(WOONPUNT, "upload", null).get("id").asString();
        ArchiveEntry entry = repository.find(id).orElseThrow();
        // the JSON summary carries a fresh validation id, so no other entry shares this blob
        String sha256 = entry.current(ArchivePart.VALIDATION_SUMMARY).sha256();
        Path blob = DATA_DIR.resolve("documents").resolve(sha256.substring(0, 2)).resolve(sha256);
        byte[] original = Files.readAllBytes(blob);
        Files.write(blob, "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode report = ServiceClient.json(CLIENT.postJson("/api/archive/integrity-check", "", WOONPUNT));
            assertThat(report.get("ok").asBoolean()).isFalse();
            assertThat(report.get("findings")).anySatisfy(finding -> {
                assertThat(finding.get("entryId").asString()).isEqualTo(id);
                assertThat(finding.get("part").asString()).isEqualTo(ArchivePart.VALIDATION_SUMMARY);
                assertThat(finding.get("problem").asString()).startsWith("modified");
            });
            JsonNode other = ServiceClient.json(CLIENT.postJson("/api/archive/integrity-check", "", NOTARIS));
            assertThat(other.get("findings").findValuesAsString("entryId")).doesNotContain(id);
            assertThat(CLIENT.get("/api/archive/" + id + "/evidence", WOONPUNT).statusCode()).isEqualTo(500);
        } finally {
            Files.write(blob, original);
        }
        JsonNode repaired = ServiceClient.json(CLIENT.postJson("/api/archive/integrity-check", "", WOONPUNT));
        assertThat(repaired.get("findings").findValuesAsString("entryId")).doesNotContain(id);
    }

    @Test
    void retentionDeletesExpiredEntriesButNotThoseOnLegalHoldAndLeavesTombstones() {
        Instant now = Instant.now();
        byte[] shared = ("shared " + now).getBytes(StandardCharsets.UTF_8);
        String expired = insertEntry("expired", now.minus(Duration.ofDays(1)), false, shared);
        String held = insertEntry("held", now.minus(Duration.ofDays(1)), true, null);
        String current = insertEntry("current", now.plus(Duration.ofDays(1)), false, shared);
        ArchiveEntry before = repository.find(expired).orElseThrow();

        RetentionJob.Result result = new RetentionJob(repository, store, transactions, properties,
                Clock.systemUTC(), new SimpleMeterRegistry(), locks, contentLocks).run();

        assertThat(result.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(repository.find(expired)).isEmpty();
        assertThat(repository.find(held)).isPresent();
        assertThat(repository.find(current)).isPresent();
        ArchiveRepository.Tombstone tombstone = repository.tombstone(expired).orElseThrow();
        assertThat(tombstone.blobsPurgedAt()).isNotNull();
        assertThat(tombstone.archivedAt()).isEqualTo(before.archivedAt());
        for (ArchivePart part : before.parts()) {
            assertThat(tombstone.partHashes()).contains(part.name() + " v" + part.version() + " " + part.sha256());
        }
        ArchivePart own = before.parts().stream().filter(part -> part.name().equals("own.bin")).findFirst()
                .orElseThrow();
        assertThat(store.exists(own.sha256())).as("unreferenced blob deleted").isFalse();
        assertThat(store.exists(StoredContent.sha256(shared))).as("blob still used by another entry").isTrue();
        assertThat(CLIENT.get("/api/archive/" + expired, WOONPUNT).statusCode()).isEqualTo(404);

        // releasing the hold lets the next run delete it
        archive.legalHold(new ArchiveViewer.Agency("woonpunt-demo"), held, false);
        new RetentionJob(repository, store, transactions, properties, Clock.systemUTC(), new SimpleMeterRegistry(), locks,
                contentLocks)
                .run();
        assertThat(repository.find(held)).isEmpty();
        assertThat(repository.tombstone(held)).isPresent();
    }

    /** Metadata straight into the repository, with small blobs: retention needs no signed PDF. */
    private String insertEntry(String label, Instant retainUntil, boolean hold, byte[] shared) {
        String id = java.util.UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<ArchivePart> parts = new java.util.ArrayList<>();
        StoredContent own = store.put((label + " " + id).getBytes(StandardCharsets.UTF_8));
        parts.add(new ArchivePart("own.bin", 1, "application/octet-stream", own.sha256(), own.size(), now));
        if (shared != null) {
            StoredContent stored = store.put(shared);
            parts.add(new ArchivePart("shared.bin", 1, "application/octet-stream", stored.sha256(), stored.size(),
                    now));
        }
        ArchiveEntry entry = new ArchiveEntry(id, "woonpunt-demo", "retention-test", null,
                List.of(new Party("Jan Peeters", JAN_NN, "tenant")), now, now, retainUntil, hold, "VALID", null, null,
                0, null, parts);
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> repository.insert(entry));
        return id;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
