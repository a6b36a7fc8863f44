package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.demo.DemoClients;
import be.paraaf.persistence.StoredContent;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.ServiceProcess;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Crash consistency, with real crashes: the service runs in a separate JVM ({@link HaltingParaaf}) that halts
 * ({@code Runtime.halt}, no shutdown hooks, no flush, no commit) at a chosen point of archiving — after the blobs are written,
 * inside the metadata transaction just before commit, right after commit. A fresh JVM on the same data
 * directory then sees exactly the entries whose transaction committed, each complete and verifiable, and
 * none of the others.
 */
class ArchiveCrashIT {

    static final int PORT = ServiceIT.freePort();
    static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-crash-it-");
    static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);
    static final String KEY = DemoClients.WOONPUNT_KEY;

    @Test
    void aCrashAtAnyPointLeavesACompleteEntryOrNone() throws Exception {
        byte[] signed;
        Process first = start("after-blobs");
        try {
            Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", ArchiveIT.JAN_NN);
            signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                    Map.of("level", "B-T", "fieldName", "tenant-1"));
            archiveUntilHalt(first, signed, "after-blobs");
        } finally {
            first.destroyForcibly();
        }
        long blobsAfterFirstCrash = countBlobs();
        assertThat(blobsAfterFirstCrash).as("the blobs were written before the crash").isGreaterThan(0);

        for (String point : List.of("before-commit", "after-commit")) {
            Process process = start(point);
            try {
                archiveUntilHalt(process, signed, point);
            } finally {
                process.destroyForcibly();
            }
        }

        Process restarted = start(null);
        try {
            JsonNode page = ServiceClient.json(CLIENT.get("/api/archive?size=100", KEY));
            assertThat(page.get("total").asLong()).as("only the committed entry exists").isEqualTo(1);
            JsonNode entry = page.get("items").get(0);
            assertThat(entry.get("documentType").asString()).isEqualTo("after-commit");
            String id = entry.get("id").asString();

            JsonNode full = ServiceClient.json(CLIENT.get("/api/archive/" + id, KEY));
            // received, document (extended to B-LTA), validation summary and report, evidence.xml
            assertThat(full.get("parts")).hasSize(5);
            // halted right after its commit, before any evidence-record sealing: the download seals what waits
            HttpResponse<byte[]> zip = CLIENT.get("/api/archive/" + id + "/evidence", KEY);
            assertThat(zip.statusCode()).isEqualTo(200);
            Map<String, byte[]> files = ArchiveIT.unzip(zip.body());
            // the ASiC-E evidence container holds each archived part exactly as stored
            for (JsonNode part : full.get("parts")) {
                String name = part.get("name").asString();
                assertThat(files.get(name)).as(name + " in the evidence container").isNotNull();
                assertThat(StoredContent.sha256(files.get(name))).isEqualTo(part.get("sha256").asString());
            }
            JsonNode validation = new TwoStepFlow(CLIENT).validate(files.get(ArchivePart.DOCUMENT), "document.pdf");
            assertThat(validation.get("signatures").get(0).get("indication").asString()).isEqualTo("TOTAL_PASSED");

            JsonNode integrity = ServiceClient.json(CLIENT.postJson("/api/archive/integrity-check", "", KEY));
            assertThat(integrity.get("ok").asBoolean()).as(integrity.toString()).isTrue();
            assertThat(integrity.get("entries").asLong()).isEqualTo(1);
        } finally {
            stop(restarted);
        }
    }

    private static void archiveUntilHalt(Process process, byte[] signed, String point) throws InterruptedException {
        Multipart form = new Multipart().file("document", "lease.pdf", "application/pdf", signed)
                .file("metadata", "metadata.json", "application/json", ("{\"documentType\":\"" + point + "\","
                        + "\"parties\":[{\"name\":\"Jan Peeters\","
                        + "\"nationalNumber\":\"" + ArchiveIT.JAN_NN + "\",\"role\":\"tenant\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CLIENT.post("/api/archive", form, KEY)).as("the service halts mid-request")
                .isInstanceOf(UncheckedIOException.class);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("halted by the test hook at " + point).isEqualTo(HaltingParaaf.EXIT_CODE);
    }

    private static Process start(String haltAt) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ServiceProcess.java(), "-Xmx768m",
                "-Dorg.bouncycastle.rsa.max_mr_tests=0", "-Dparaaf.test.halt-at=" + (haltAt == null ? "" : haltAt),
                "-cp", System.getProperty("java.class.path"),
                haltAt == null ? "be.paraaf.ParaafApplication" : HaltingParaaf.class.getName(),
                "--server.port=" + PORT,
                "--paraaf.data-dir=" + DATA_DIR,
                "--paraaf.public-base-url=http://localhost:" + PORT,
                "--paraaf.trust.revocation-cache-max-age=0s"));
        Path log = DATA_DIR.resolve("service-" + (haltAt == null ? "restart" : haltAt) + ".log");
        return ServiceProcess.start(command, log, CLIENT.baseUrl());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static long countBlobs() throws IOException {
        Path documents = DATA_DIR.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(documents)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .count();
        }
    }
}
