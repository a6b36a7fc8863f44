package be.paraaf.signing;

import be.paraaf.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Refuses PDFs paraaf must not sign before DSS sees them: empty, not a PDF, truncated, damaged or
 * encrypted. PDFBox's parser is lenient and would "repair" a truncated file; signing an incremental
 * update onto a repaired file yields a document no verifier can trust, so truncation is refused.
 */
final class PdfInputs {

    /** What signing needs to know about a PDF before it starts. */
    record PdfFacts(int pageCount, int signatureCount) {
    }

    private PdfInputs() {
    }

    static PdfFacts inspect(byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("empty-document", "The document is empty.");
        }
        if (!startsWithPdfHeader(content)) {
            throw new InvalidInputException("not-a-pdf", 415,
                    "The document is not a PDF (it does not start with %PDF-).", java.util.Map.of(), null);
        }
        if (!endsWithEofMarker(content)) {
            throw new InvalidInputException("damaged-document",
                    "The PDF is truncated or damaged: it has no %%EOF marker at its end.");
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw encrypted(null);
            }
            return new PdfFacts(document.getNumberOfPages(), document.getSignatureDictionaries().size());
        } catch (InvalidPasswordException e) {
            throw encrypted(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("damaged-document",
                    "The PDF is damaged and cannot be read: " + e.getMessage(), e);
        }
    }

    private static InvalidInputException encrypted(Throwable cause) {
        return new InvalidInputException("encrypted-document",
                "The PDF is encrypted. Remove the password protection and upload it again.", cause);
    }

    private static boolean startsWithPdfHeader(byte[] content) {
        // ISO 32000 allows the header within the first 1024 bytes
        int limit = Math.min(content.length, 1024);
        String head = new String(content, 0, limit, StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static boolean endsWithEofMarker(byte[] content) {
        int from = Math.max(0, content.length - 1024);
        String tail = new String(content, from, content.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }
}
