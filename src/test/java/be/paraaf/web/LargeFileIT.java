package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.LargePdfs;
import be.paraaf.support.LargeSeals;
import be.paraaf.support.MuTool;
import be.paraaf.support.Multipart;
import be.paraaf.support.OwnJvmService;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.TestDocs;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 100 MB PDF sealed by paraaf in its own JVM at -Xmx256m (the heap is less than three times the file): the upload
 * goes to disk, the seal is made from disk and sent from disk, and the result verifies with DSS, pdfsig and mutool;
 * then a document time-stamp is added to it the same way. (500 MB: {@code LargeFileBenchmark}.)
 * Beyond the limits: 413 problems in words, never a 500; the service keeps serving.
 */
class LargeFileIT {

    private static final String KEY = DemoClients.WOONPUNT_KEY;

    @RegisterExtension
    static final OwnJvmService SERVICE = OwnJvmService.withJvmOptions("-Xmx256m", "-XX:+ExitOnOutOfMemoryError")
            .settings("--paraaf.upload-limit=40MB", "--paraaf.large-file-limit=150MB");

    private final ServiceClient client = SERVICE.client();
    private final Path dir = SERVICE.dir();

    @Test
    void aHundredMegabytePdfIsSealedAtB_LtaWithinASmallHeapAndVerifiesEverywhere() throws IOException {
        Path large = LargePdfs.write(dir.resolve("large.pdf"), 100);
        assertThat(Files.size(large)).isGreaterThan(98_000_000);

        HttpResponse<byte[]> sealed = client.post("/api/seals?level=B-LTA",
                pdf("large.pdf", Files.readAllBytes(large)), KEY);

        assertThat(sealed.statusCode()).as(body(sealed)).isEqualTo(200);
        Path signed = Files.write(dir.resolve("large-signed.pdf"), sealed.body());
        LargeSeals.assertSealedAtLta(large, signed, client.rootCertificate(), dir);

        // over paraaf.upload-limit, yet a document time-stamp is added from disk too, after the seal's revisions
        HttpResponse<byte[]> stamped = client.post("/api/timestamps",
                pdf("large-signed.pdf", Files.readAllBytes(signed)), KEY);
        assertThat(stamped.statusCode()).as(body(stamped)).isEqualTo(200);
        Path stampedFile = Files.write(dir.resolve("large-stamped.pdf"), stamped.body());
        // pdfsig finds the new time-stamp over the whole file but does not verify RFC 3161 document time-stamps
        // ("not yet been verified"), nor does mutool; DSS does
        List<PdfSig.Verdict> verdicts = PdfSig.trusting(client.rootCertificate(), dir.resolve("nss-stamped"))
                .verify(stampedFile);
        assertThat(verdicts).hasSize(3).last().satisfies(verdict -> {
            assertThat(verdict.documentTimestamp()).as(verdict.block()).isTrue();
            assertThat(verdict.totalDocumentSigned()).as(verdict.block()).isTrue();
        });
        assertThat(MuTool.signatures(stampedFile)).filteredOn(MuTool.Signature::signed).singleElement()
                .satisfies(signature -> assertThat(signature.digestValid()).as(signature.block()).isTrue());
        assertThat(LargeSeals.dssDiagnostic(stampedFile).getTimestampList()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(timestamp -> assertThat(timestamp.isSignatureIntact()).isTrue());
        assertThat(SERVICE.isAlive()).isTrue();
    }

    @Test
    void beyondTheLimitsTheAnswerIsA413InWordsAndTheServiceKeepsServing() {
        byte[] fiftyMegabytes = new byte[50_000_000];
        HttpResponse<byte[]> inMemory = client.post("/api/documents", pdf("fifty.pdf", fiftyMegabytes), KEY);
        assertThat(inMemory.statusCode()).as(body(inMemory)).isEqualTo(413);
        assertThat(body(inMemory)).contains("upload-too-large", "40.0 MB").doesNotContain("Exception", "java.");

        HttpResponse<byte[]> overLimit = client.post("/api/seals?level=B-B",
                pdf("huge.pdf", new byte[160 * 1024 * 1024]), KEY);
        assertThat(overLimit.statusCode()).as(body(overLimit)).isEqualTo(413);
        assertThat(body(overLimit)).contains("upload-too-large").doesNotContain("Exception", "java.");

        assertThat(SERVICE.isAlive()).isTrue();
        HttpResponse<byte[]> normal = client.post("/api/validations",
                pdf("contract.pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertThat(normal.statusCode()).as(body(normal)).isBetween(200, 201);
    }

    private static Multipart pdf(String name, byte[] content) {
        return new Multipart().file("document", name, "application/pdf", content);
    }

    private static String body(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        return new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.UTF_8);
    }
}
