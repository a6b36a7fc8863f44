package be.paraaf.support;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Checks a B-LTA seal of a large PDF read from disk, never into the test's heap: the original is the signed file's
 * first revision, and DSS, pdfsig and mutool each find the seal intact, with a signature time-stamp and an archive
 * document time-stamp over the whole file.
 */
public final class LargeSeals {

    private LargeSeals() {
    }

    public static void assertSealedAtLta(Path original, Path signed, X509Certificate root, Path work) {
        assertOriginalIsFirstRevision(original, signed);

        PdfSig pdfsig = PdfSig.trusting(root, work.resolve("nss"));
        List<PdfSig.Verdict> verdicts = pdfsig.verify(signed);
        assertThat(verdicts).filteredOn(PdfSig.Verdict::signature).singleElement()
                .satisfies(verdict -> assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());
        assertThat(verdicts).anyMatch(PdfSig.Verdict::totalDocumentSigned);
        assertThat(MuTool.signatures(signed)).filteredOn(MuTool.Signature::signed).isNotEmpty()
                .allSatisfy(signature -> assertThat(signature.digestValid()).as(signature.block()).isTrue());

        DiagnosticData diagnostic = dssDiagnostic(signed);
        assertThat(diagnostic.getSignatures()).singleElement().satisfies(signature -> {
            assertThat(signature.isSignatureIntact()).isTrue();
            assertThat(signature.isSignatureValid()).isTrue();
        });
        // B-LTA: the signature time-stamp and the archive document time-stamp over everything, both intact
        assertThat(diagnostic.getTimestampList()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(timestamp -> assertThat(timestamp.isSignatureIntact()).isTrue());
    }

    /** DSS's diagnostic data of a PDF on disk (neither pdfsig nor mutool verifies RFC 3161 document time-stamps). */
    public static DiagnosticData dssDiagnostic(Path signed) {
        PDFDocumentValidator validator = new PDFDocumentValidator(new FileDocument(signed.toFile()));
        if (size(signed) > 200_000_000L) { // DSS reads each revision into the heap: past the test JVM's -Xmx2g
            PdfBoxDefaultObjectFactory fromDisk = new PdfBoxDefaultObjectFactory();
            fromDisk.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.fileOnly());
            validator.setPdfObjFactory(fromDisk);
        }
        validator.setCertificateVerifier(new CommonCertificateVerifier());
        return validator.validateDocument().getDiagnosticData();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOriginalIsFirstRevision(Path original, Path signed) {
        try (InputStream a = Files.newInputStream(original); InputStream b = Files.newInputStream(signed)) {
            assertThat(Files.size(signed)).isGreaterThan(Files.size(original));
            byte[] left = new byte[1 << 16];
            byte[] right = new byte[1 << 16];
            long offset = 0;
            for (int read; (read = a.readNBytes(left, 0, left.length)) > 0; offset += read) {
                assertThat(b.readNBytes(right, 0, read)).isEqualTo(read);
                assertThat(java.util.Arrays.mismatch(left, 0, read, right, 0, read))
                        .as("the original is the signed file's first revision (block at %d)", offset).isEqualTo(-1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
