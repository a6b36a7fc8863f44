package be.paraaf.signing;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESCommonParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.spi.signature.resources.DSSResourcesHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * DSS's PDFBox signature service that finishes a signature or document time-stamp by writing the CMS into the
 * {@code /Contents} hole of the revision DSS already prepared (kept in the parameters' {@code PdfSignatureCache} by
 * {@code getDataToSign}, or restored there from a pending two-step signature) instead of letting PDFBox rebuild the
 * revision, or scanning the document a byte at a time for the hole as DSS's own cache path does.
 * <p>
 * The hole is located by the new revision's {@code /ByteRange} (ISO 32000-1 §12.8.1) and filled as PDFBox fills it:
 * lower-case hex, the rest of the reservation left as {@code 0}s, so the result is byte for byte what DSS's full
 * {@code signDocument} writes. Whatever looks unexpected falls back to DSS's own path.
 */
class PreparedRevisionSignatureService extends PdfBoxSignatureService {

    /** A {@code /ByteRange} is written in the first bytes of the new revision's signature dictionary area. */
    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    /** Where revisions DSS cuts out of a file on disk are spooled to be read by PDFBox; null: in the heap. */
    private final Path spoolDirectory;

    PreparedRevisionSignatureService(PDFServiceMode mode, Path spoolDirectory) {
        super(mode, new PdfBoxNativeSignatureDrawerFactory());
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * DSS's native-drawing PDFBox factory whose four signature services fill the prepared hole; with a work
     * directory, the revisions DSS analyses are read from disk too ({@link #loadPdfDocumentReader}).
     */
    static final class Factory extends PdfBoxNativeObjectFactory {

        private final Path spoolDirectory;

        /** For documents in the heap. */
        Factory() {
            this(null);
        }

        /** For documents on disk: DSS writes its revisions, and reads the earlier ones, in {@code workDirectory}. */
        Factory(Path workDirectory) {
            this.spoolDirectory = workDirectory;
            if (workDirectory != null) {
                setResourcesHandlerBuilder(new WorkDirectoryResources(workDirectory));
                setPdfMemoryUsageSetting(PdfMemoryUsageSetting.fileOnly());
            }
        }

        @Override
        public PDFSignatureService newPAdESSignatureService() {
            return configure(new PreparedRevisionSignatureService(PDFServiceMode.SIGNATURE, spoolDirectory));
        }

        @Override
        public PDFSignatureService newContentTimestampService() {
            return configure(new PreparedRevisionSignatureService(PDFServiceMode.CONTENT_TIMESTAMP, spoolDirectory));
        }

        @Override
        public PDFSignatureService newSignatureTimestampService() {
            return configure(new PreparedRevisionSignatureService(PDFServiceMode.SIGNATURE_TIMESTAMP, spoolDirectory));
        }

        @Override
        public PDFSignatureService newArchiveTimestampService() {
            return configure(new PreparedRevisionSignatureService(PDFServiceMode.ARCHIVE_TIMESTAMP, spoolDirectory));
        }
    }

    /**
     * PDFBox reads a {@link FileDocument} through a small buffer but copies any other document into the heap. When
     * DSS extends a signature (B-T → B-LT → B-LTA) it analyses each signed revision as a byte-range view of the file
     * ({@code PAdESUtils.getRevisionContent}): such a view is spooled to a file in the work directory, read from
     * there, and deleted when DSS closes the reader.
     */
    @Override
    protected PdfDocumentReader loadPdfDocumentReader(DSSDocument document, char[] password) throws IOException {
        if (spoolDirectory == null || document instanceof FileDocument || document instanceof InMemoryDocument) {
            return super.loadPdfDocumentReader(document, password);
        }
        Path spooled = Files.createTempFile(spoolDirectory, "revision-", ".pdf");
        try {
            try (InputStream in = document.openStream()) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            return new SpooledReader(new FileDocument(spooled.toFile()), password, pdfMemoryUsageSetting, spooled);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
    }

    /** A PDFBox reader over a spooled revision, which it deletes when closed. */
    private static final class SpooledReader extends PdfBoxDocumentReader {

        private final Path spooled;

        SpooledReader(FileDocument document, char[] password, PdfMemoryUsageSetting memory, Path spooled)
                throws IOException {
            super(document, password == null ? null : new String(password), memory);
            this.spooled = spooled;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                Files.deleteIfExists(spooled);
            }
        }
    }

    @Override
    public DSSDocument sign(DSSDocument toSignDocument, byte[] cmsSignedData, PAdESCommonParameters parameters) {
        DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
        if (prepared != null && cmsSignedData != null && cmsSignedData.length > 0) {
            Hole hole = Hole.find(prepared, length(toSignDocument));
            if (hole != null && 2L * cmsSignedData.length <= hole.hexLength()) {
                DSSDocument signed = fill(prepared, hole, cmsSignedData);
                parameters.reinit();
                signed.setMimeType(MimeTypeEnum.PDF);
                return signed;
            }
        }
        return super.sign(toSignDocument, cmsSignedData, parameters);
    }

    private DSSDocument fill(DSSDocument prepared, Hole hole, byte[] cms) {
        byte[] hex = HEX.formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        try (DSSResourcesHandler resources = instantiateResourcesHandler()) {
            try (OutputStream out = resources.createOutputStream(); InputStream in = prepared.openStream()) {
                copy(in, out, hole.start() + 1); // up to and including '<'
                out.write(hex);
                in.skipNBytes(hex.length);
                in.transferTo(out); // the rest of the reserved zeros, '>', and the revision's tail
            }
            return resources.writeToDSSDocument();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("prepared revision shorter than its /ByteRange");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    static long length(DSSDocument document) {
        if (document instanceof InMemoryDocument memory) {
            return memory.getBytes().length;
        }
        if (document instanceof FileDocument file) {
            return file.getFile().length();
        }
        try (InputStream in = document.openStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code /Contents} hole of a prepared revision: {@code start} is the offset of its {@code <}, the hex
     * digits sit between it and the {@code >} at {@code end - 1}.
     */
    record Hole(long start, long end) {

        long hexLength() {
            return end - start - 2;
        }

        /**
         * Reads the revision appended after the first {@code originalLength} bytes, finds its {@code /ByteRange}
         * and checks it against the file: null when anything does not add up.
         */
        static Hole find(DSSDocument prepared, long originalLength) {
            try (InputStream in = prepared.openStream()) {
                in.skipNBytes(originalLength);
                byte[] appended = in.readAllBytes();
                long total = originalLength + appended.length;
                int at = indexOf(appended, BYTE_RANGE);
                if (at < 0) {
                    return null;
                }
                long[] range = numbers(appended, at + BYTE_RANGE.length);
                if (range == null || range[0] != 0 || range[2] + range[3] != total || range[1] < originalLength) {
                    return null;
                }
                Hole hole = new Hole(range[1], range[2]);
                int open = (int) (hole.start() - originalLength);
                int close = (int) (hole.end() - 1 - originalLength);
                if (appended[open] != '<' || appended[close] != '>' || appended[open + 1] != '0') {
                    return null;
                }
                return hole;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long[] numbers(byte[] bytes, int from) {
            int i = from;
            while (i < bytes.length && bytes[i] == ' ') {
                i++;
            }
            if (i >= bytes.length || bytes[i] != '[') {
                return null;
            }
            long[] values = new long[4];
            i++;
            for (int n = 0; n < 4; n++) {
                while (i < bytes.length && bytes[i] == ' ') {
                    i++;
                }
                long value = 0;
                int digits = 0;
                while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && digits < 18) {
                    value = value * 10 + (bytes[i++] - '0');
                    digits++;
                }
                if (digits == 0) {
                    return null;
                }
                values[n] = value;
            }
            return values;
        }

        private static int indexOf(byte[] bytes, byte[] pattern) {
            outer:
            for (int i = 0; i <= bytes.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (bytes[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
