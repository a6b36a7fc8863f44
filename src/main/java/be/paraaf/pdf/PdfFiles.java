package be.paraaf.pdf;

import be.paraaf.InvalidInputException;
import be.paraaf.ParaafException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens PDFs from outside (ISO 32000-1/-2) safely, for every capability that reads one: refuses empty
 * files, non-PDFs, truncated, damaged and encrypted files with a problem, and parses with PDFBox's
 * temp-file-only stream cache so decoded streams go to scratch files instead of the heap.
 * PDFBox's parser is lenient and would "repair" a truncated file; adding an incremental update to a
 * repaired file yields a document no verifier can trust, so a file without a final {@code %%EOF} is refused.
 */
public final class PdfFiles {

    /** Work on an opened document; may throw {@link IOException}, which becomes a damaged-document problem. */
    @FunctionalInterface
    public interface PdfWork<T> {
        T apply(PDDocument document) throws IOException;
    }

    private PdfFiles() {
    }

    /**
     * Opens {@code content}, runs {@code work} and closes the document. Refusals of the file itself
     * (empty, damaged, encrypted) carry {@code refusalStatus}; not-a-PDF is always 415. paraaf's own
     * exceptions thrown by {@code work} pass through unchanged.
     */
    public static <T> T read(byte[] content, int refusalStatus, PdfWork<T> work) {
        if (content.length == 0) {
            throw refusal("empty-document", refusalStatus, "The document is empty.", null);
        }
        if (!startsWithPdfHeader(content)) {
            throw refusal("not-a-pdf", 415, "The document is not a PDF (it does not start with %PDF-).", null);
        }
        if (!endsWithEofMarker(content)) {
            throw refusal("damaged-document", refusalStatus,
                    "The PDF is truncated or damaged: it has no %%EOF marker at its end.", null);
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw encrypted(refusalStatus, null);
            }
            return work.apply(document);
        } catch (InvalidPasswordException e) {
            throw encrypted(refusalStatus, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ParaafException paraaf) {
                throw paraaf;
            }
            throw refusal("damaged-document", refusalStatus,
                    "The PDF is damaged and cannot be read: " + e.getMessage(), e);
        }
    }

    private static InvalidInputException encrypted(int status, Throwable cause) {
        return refusal("encrypted-document", status,
                "The PDF is encrypted. Remove the password protection and upload it again.", cause);
    }

    private static InvalidInputException refusal(String type, int status, String detail, Throwable cause) {
        return new InvalidInputException(type, status, detail, Map.of(), cause);
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
