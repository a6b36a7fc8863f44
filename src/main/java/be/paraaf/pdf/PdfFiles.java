package be.paraaf.pdf;

import be.paraaf.system.InvalidInputException;
import be.paraaf.system.ParaafException;
import be.paraaf.system.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
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

    /** HTTP status of refusing a file that is a PDF but cannot be used: damaged, truncated, encrypted. */
    public static final int UNUSABLE = 422;

    /**
     * Opens {@code content}, runs {@code work} and closes the document. An empty upload is 400, not a PDF
     * 415, a damaged, truncated or encrypted PDF 422. paraaf's own exceptions thrown by {@code work} pass
     * through unchanged.
     */
    public static <T> T read(byte[] content, PdfWork<T> work) {
        requireCompletePdf(content);
        return read(() -> new RandomAccessReadBuffer(content), work);
    }

    /**
     * As {@link #read(byte[], PdfWork)} for a PDF on disk of any size: PDFBox reads it through a small buffer, so the
     * heap holds the objects {@code work} touches, not the file.
     */
    public static <T> T read(Path file, PdfWork<T> work) {
        requireCompletePdf(file);
        return read(() -> new RandomAccessReadBufferedFile(file), work);
    }

    private interface Source {
        RandomAccessRead open() throws IOException;
    }

    private static <T> T read(Source source, PdfWork<T> work) {
        try (PDDocument document = Loader.loadPDF(source.open(), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw encrypted(null);
            }
            PageTree.check(document);
            return work.apply(document);
        } catch (InvalidPasswordException e) {
            throw encrypted(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ParaafException paraaf) {
                throw paraaf;
            }
            // PDFBox's message names parser internals (offsets, COS classes); the client gets words
            throw refusal(ProblemType.DAMAGED_DOCUMENT, "The PDF is damaged and cannot be read: its "
                    + "cross-reference table, trailer or objects are broken. Repair or re-export it and upload it again.", e);
        } catch (StackOverflowError e) {
            throw refusal(ProblemType.DOCUMENT_TOO_COMPLEX,
                    "The PDF nests its objects too deeply to be read safely.", null);
        }
    }

    /** Refuses what is not a whole PDF before any parser sees it: empty, not a PDF, no final %%EOF. */
    public static void requireCompletePdf(byte[] content) {
        if (content.length == 0) {
            throw refusal(ProblemType.EMPTY_DOCUMENT, "The document is empty.", null);
        }
        if (!looksLikePdf(content)) {
            throw refusal(ProblemType.NOT_A_PDF, "The document is not a PDF (it does not start with %PDF-).", null);
        }
        if (!endsWithEofMarker(content)) {
            throw refusal(ProblemType.DAMAGED_DOCUMENT,
                    "The PDF is truncated or damaged: it has no %%EOF marker at its end.", null);
        }
    }

    /** As {@link #requireCompletePdf(byte[])} for a file: reads its first and last 1024 bytes only. */
    public static void requireCompletePdf(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size == 0) {
                requireCompletePdf(new byte[0]);
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 1024));
            channel.read(head);
            if (!looksLikePdf(head.array())) {
                throw refusal(ProblemType.NOT_A_PDF, "The document is not a PDF (it does not start with %PDF-).", null);
            }
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, 1024));
            channel.position(size - tail.capacity());
            channel.read(tail);
            if (!endsWithEofMarker(tail.array())) {
                throw refusal(ProblemType.DAMAGED_DOCUMENT,
                        "The PDF is truncated or damaged: it has no %%EOF marker at its end.", null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header within the first 1024 bytes, as ISO 32000 allows. */
    public static boolean looksLikePdf(byte[] content) {
        int limit = Math.min(content.length, 1024);
        String head = new String(content, 0, limit, StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static InvalidInputException encrypted(Throwable cause) {
        return refusal(ProblemType.ENCRYPTED_DOCUMENT,
                "The PDF is encrypted. Remove the password protection and upload it again.", cause);
    }

    private static InvalidInputException refusal(ProblemType type, String detail, Throwable cause) {
        return new InvalidInputException(type, detail, Map.of(), cause);
    }

    private static boolean endsWithEofMarker(byte[] content) {
        int from = Math.max(0, content.length - 1024);
        String tail = new String(content, from, content.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }
}
