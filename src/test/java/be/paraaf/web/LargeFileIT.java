package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.LargePdfs;
import be.paraaf.support.MuTool;
import be.paraaf.support.Multipart;
import be.paraaf.support.OwnJvmService;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.TestDocs;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
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
 * goes to disk, the seal is made from disk and sent from disk, and the result verifies with DSS, pdfsig and mutool.
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
        byte[] large = Files.readAllBytes(LargePdfs.write(dir.resolve("large.pdf"), 100));
        assertThat(large.length).isGreaterThan(98_000_000);

        HttpResponse<byte[]> sealed = client.post("/api/seals?level=B-LTA", pdf("large.pdf", large), KEY);

        assertThat(sealed.statusCode()).as(body(sealed)).isEqualTo(200);
        byte[] signed = sealed.body();
        assertThat(signed.length).isGreaterThan(large.length);
        assertThat(java.util.Arrays.mismatch(signed, large)).as("the original is the signed file's first revision")
                .isEqualTo(large.length);
        Path signedFile = Files.write(dir.resolve("large-signed.pdf"), signed);

        PdfSig pdfsig = PdfSig.trusting(client.rootCertificate(), dir.resolve("nss"));
        List<PdfSig.Verdict> verdicts = pdfsig.verify(signed);
        assertThat(verdicts).filteredOn(PdfSig.Verdict::signature).singleElement()
                .satisfies(verdict -> assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());
        assertThat(pdfsig.wholeFileCovered(signed)).isTrue();
        assertThat(MuTool.signatures(signed)).filteredOn(MuTool.Signature::signed).isNotEmpty()
                .allSatisfy(signature -> assertThat(signature.digestValid()).as(signature.block()).isTrue());

        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(signedFile.toFile()));
        validator.setCertificateVerifier(new CommonCertificateVerifier());
        eu.europa.esig.dss.diagnostic.DiagnosticData diagnostic = validator.validateDocument().getDiagnosticData();
        List<SignatureWrapper> signatures = diagnostic.getSignatures();
        assertThat(signatures).singleElement().satisfies(signature -> {
            assertThat(signature.isSignatureIntact()).isTrue();
            assertThat(signature.isSignatureValid()).isTrue();
        });
        // B-LTA: the signature time-stamp and the archive document time-stamp over everything, both intact
        assertThat(diagnostic.getTimestampList()).hasSizeGreaterThanOrEqualTo(2)
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
