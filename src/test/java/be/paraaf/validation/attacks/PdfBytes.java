package be.paraaf.validation.attacks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Byte-level reading and editing of a PDF the way an attacker with a hex editor works: find strings, patch
 * bytes in place without moving anything, read the last trailer, and find object numbers (through PDFBox).
 */
final class PdfBytes {

    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF");
    private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*]");

    private PdfBytes() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, String needle, int from) {
        return latin1(haystack).indexOf(needle, from);
    }

    static int lastIndexOf(byte[] haystack, String needle) {
        return latin1(haystack).lastIndexOf(needle);
    }

    /** Offset of the last startxref's value (where the last cross-reference section starts). */
    static long lastStartXref(byte[] pdf) {
        Matcher matcher = STARTXREF.matcher(latin1(pdf));
        long last = -1;
        while (matcher.find()) {
            last = Long.parseLong(matcher.group(1));
        }
        if (last < 0) {
            throw new IllegalArgumentException("no startxref");
        }
        return last;
    }

    /** Replaces bytes at {@code offset} with {@code replacement}, same length: no offset moves. */
    static byte[] patch(byte[] pdf, int offset, byte[] replacement) {
        byte[] copy = pdf.clone();
        System.arraycopy(replacement, 0, copy, offset, replacement.length);
        return copy;
    }

    /** {@code text} padded with spaces to {@code length} (or an error when it does not fit). */
    static byte[] padded(String text, int length) {
        if (text.length() > length) {
            throw new IllegalArgumentException("'" + text + "' does not fit in " + length + " bytes");
        }
        return ascii(text + " ".repeat(length - text.length()));
    }

    /** A signature's byte range as found in the file, with where its text sits. */
    record ByteRange(long[] values, int textStart, int textEnd) {

        long gapStart() {
            return values[1];
        }

        long gapEnd() {
            return values[2];
        }

        long end() {
            return values[2] + values[3];
        }
    }

    /** The signature byte ranges in file order (each /ByteRange [a b c d] text). */
    static List<ByteRange> byteRanges(byte[] pdf) {
        List<ByteRange> ranges = new ArrayList<>();
        Matcher matcher = BYTE_RANGE.matcher(latin1(pdf));
        while (matcher.find()) {
            long[] values = new long[4];
            for (int i = 0; i < 4; i++) {
                values[i] = Long.parseLong(matcher.group(i + 1));
            }
            ranges.add(new ByteRange(values, matcher.start(), matcher.end()));
        }
        return ranges;
    }

    static ByteRange lastByteRange(byte[] pdf) {
        List<ByteRange> ranges = byteRanges(pdf);
        return ranges.get(ranges.size() - 1);
    }

    /** The bytes a byte range covers. */
    static byte[] signedBytes(byte[] pdf, long[] range) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < range.length; i += 2) {
            out.write(pdf, (int) range[i], (int) range[i + 1]);
        }
        return out.toByteArray();
    }

    /** What the attacks need to know about a document's objects, read once with PDFBox. */
    record Layout(int size, COSObjectKey root, COSObjectKey info, String id, List<COSObjectKey> pages,
            List<COSObjectKey> contents, List<COSObjectKey> signatures, List<String> signatureFields,
            COSObjectKey acroForm) {

        int nextObject() {
            return size;
        }

        COSObjectKey page(int index) {
            return pages.get(index);
        }
    }

    static Layout layout(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary trailer = document.getDocument().getTrailer();
            int size = trailer.getInt(COSName.SIZE);
            COSObjectKey root = keyOf(trailer.getItem(COSName.ROOT));
            COSObjectKey info = keyOf(trailer.getItem(COSName.INFO));
            String id = null;
            Matcher idMatcher = Pattern.compile("/ID\\s*(\\[\\s*<[0-9A-Fa-f]*>\\s*<[0-9A-Fa-f]*>\\s*])")
                    .matcher(latin1(pdf));
            while (idMatcher.find()) {
                id = idMatcher.group(1);
            }
            List<COSObjectKey> pages = new ArrayList<>();
            List<COSObjectKey> contents = new ArrayList<>();
            document.getPages().forEach(page -> {
                pages.add(page.getCOSObject().getKey());
                COSBase content = page.getCOSObject().getItem(COSName.CONTENTS);
                contents.add(keyOf(content));
            });
            List<COSObjectKey> signatures = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                signatures.add(signature.getCOSObject().getKey());
            }
            var form = document.getDocumentCatalog().getAcroForm(null);
            COSObjectKey acroForm = null;
            if (form != null) {
                acroForm = keyOf(document.getDocumentCatalog().getCOSObject().getItem(COSName.ACRO_FORM));
                form.getFieldTree().forEach(field -> fields.add(field.getFullyQualifiedName()));
            }
            return new Layout(size, root, info, id, pages, contents, signatures, fields, acroForm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static COSObjectKey keyOf(COSBase item) {
        if (item instanceof org.apache.pdfbox.cos.COSObject object) {
            return object.getKey();
        }
        return item == null ? null : item.getKey();
    }

    static String ref(COSObjectKey key) {
        return key.getNumber() + " " + key.getGeneration() + " R";
    }

    static byte[] range(byte[] pdf, long from, long to) {
        return Arrays.copyOfRange(pdf, (int) from, (int) to);
    }
}
