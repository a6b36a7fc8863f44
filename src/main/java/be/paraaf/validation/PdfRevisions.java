package be.paraaf.validation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The revisions of a PDF as its bytes lay them out (ISO 32000-1 §7.5.6 incremental updates): each revision
 * ends at a {@code %%EOF} marker and names, through {@code startxref}, the cross-reference section it adds.
 * Read from the raw bytes on purpose, without PDFBox: PDFBox repairs a cross-reference entry whose offset
 * does not hold the object it names, so an update that re-points an object to other bytes (a shadow attack
 * aimed at viewers that follow the table, such as MuPDF) looks harmless through it. Here every entry is
 * taken as written.
 */
final class PdfRevisions {

    /** Above this many revisions the file is not a signing workflow; the rest is reported, not parsed. */
    static final int MAX_REVISIONS = 500;
    /** Cross-reference entries read in all (real documents hold far fewer objects; a hostile table stops here). */
    private static final int MAX_ENTRIES = 1_000_000;

    enum EntryKind { FREE, IN_USE, COMPRESSED }

    /**
     * One cross-reference entry as written: for {@code IN_USE} the byte offset of the object, for
     * {@code COMPRESSED} the number of the object stream holding it.
     */
    record Entry(int number, int generation, EntryKind kind, long offset, int objectStream) {
    }

    /**
     * @param markerEnd offset just after the revision's {@code %%EOF}
     * @param end offset after the end-of-line that may follow it
     * @param startxref the offset its {@code startxref} names, -1 when it has none
     * @param entries the entries its own cross-reference section writes (not merged with earlier ones)
     * @param xrefReadable whether a cross-reference table or stream was found where {@code startxref} points
     */
    record Revision(int index, long start, long markerEnd, long end, long startxref, Map<Integer, Entry> entries,
            boolean xrefReadable) {
    }

    private final byte[] pdf;
    private final List<Revision> revisions;
    private final long trailingDataStart;

    private PdfRevisions(byte[] pdf, List<Revision> revisions, long trailingDataStart) {
        this.pdf = pdf;
        this.revisions = revisions;
        this.trailingDataStart = trailingDataStart;
    }

    static PdfRevisions read(byte[] pdf) {
        List<long[]> ends = eofMarkers(pdf);
        List<Revision> revisions = new ArrayList<>();
        long start = 0;
        int entriesRead = 0;
        for (long[] marker : ends) {
            long end = marker[1];
            if (revisions.size() == MAX_REVISIONS) {
                break;
            }
            long startxref = startxref(pdf, start, end);
            Map<Integer, Entry> entries = new LinkedHashMap<>();
            boolean readable = startxref >= 0 && startxref < pdf.length && entriesRead < MAX_ENTRIES
                    && readXref(pdf, (int) startxref, entries, MAX_ENTRIES - entriesRead);
            entriesRead += entries.size();
            revisions.add(new Revision(revisions.size(), start, marker[0], end, startxref, Map.copyOf(entries), readable));
            start = end;
        }
        long trailing = revisions.isEmpty() ? 0 : revisions.get(revisions.size() - 1).end();
        return new PdfRevisions(pdf, List.copyOf(revisions), trailing);
    }

    List<Revision> revisions() {
        return revisions;
    }

    /** The revision whose end is {@code end} (give or take the end-of-line after {@code %%EOF}), if any. */
    Optional<Revision> endingAt(long end) {
        return revisions.stream().filter(revision -> end >= revision.markerEnd() && end <= revision.end())
                .findFirst();
    }

    /** Bytes after the last {@code %%EOF} that are not white space: data no revision accounts for. */
    boolean hasTrailingData() {
        for (long i = trailingDataStart; i < pdf.length; i++) {
            if (!isWhite(pdf[(int) i])) {
                return true;
            }
        }
        return false;
    }

    long trailingDataStart() {
        return trailingDataStart;
    }

    /** Revision entries merged from the first up to and including {@code lastIndex}; later ones win. */
    Map<Integer, Entry> mergedUpTo(int lastIndex) {
        Map<Integer, Entry> merged = new HashMap<>();
        for (int i = 0; i <= lastIndex && i < revisions.size(); i++) {
            merged.putAll(revisions.get(i).entries());
        }
        return merged;
    }

    /** Whether the bytes at {@code offset} begin the object {@code number generation obj}. */
    boolean objectHeaderAt(long offset, int number, int generation) {
        if (offset < 0 || offset >= pdf.length) {
            return false;
        }
        Cursor cursor = new Cursor(pdf, (int) offset);
        cursor.skipWhite();
        Long n = cursor.integer();
        cursor.skipWhite();
        Long g = cursor.integer();
        cursor.skipWhite();
        return n != null && g != null && n == number && g == generation && cursor.keyword("obj");
    }

    private static List<long[]> eofMarkers(byte[] pdf) {
        List<long[]> ends = new ArrayList<>();
        byte[] marker = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i <= pdf.length - marker.length; i++) {
            if (pdf[i] == '%' && matches(pdf, i, marker)) {
                int end = i + marker.length;
                if (end < pdf.length && pdf[end] == '\r') {
                    end++;
                }
                if (end < pdf.length && pdf[end] == '\n') {
                    end++;
                }
                ends.add(new long[] {i + marker.length, end});
                i = end - 1;
            }
        }
        return ends;
    }

    /** The number after the last {@code startxref} keyword between {@code from} and {@code to}. */
    private static long startxref(byte[] pdf, long from, long to) {
        byte[] keyword = "startxref".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = (int) to - keyword.length; i >= from; i--) {
            if (pdf[i] == 's' && matches(pdf, i, keyword)) {
                Cursor cursor = new Cursor(pdf, i + keyword.length);
                cursor.skipWhite();
                Long value = cursor.integer();
                return value == null ? -1 : value;
            }
        }
        return -1;
    }

    private static boolean readXref(byte[] pdf, int offset, Map<Integer, Entry> entries, int limit) {
        Cursor cursor = new Cursor(pdf, offset);
        cursor.skipWhite();
        if (cursor.keyword("xref")) {
            return readTable(cursor, entries, limit);
        }
        return readStream(cursor, entries, limit);
    }

    private static boolean readTable(Cursor cursor, Map<Integer, Entry> entries, int limit) {
        while (true) {
            cursor.skipWhite();
            if (cursor.keyword("trailer") || cursor.atEnd()) {
                return true;
            }
            Long first = cursor.integer();
            cursor.skipWhite();
            Long count = cursor.integer();
            if (first == null || count == null || first < 0 || count < 0 || entries.size() + count > limit) {
                return false;
            }
            for (long i = 0; i < count; i++) {
                cursor.skipWhite();
                Long offset = cursor.integer();
                cursor.skipWhite();
                Long generation = cursor.integer();
                cursor.skipWhite();
                int type = cursor.next();
                if (offset == null || generation == null || type != 'n' && type != 'f') {
                    return false;
                }
                int number = (int) (first + i);
                entries.put(number, new Entry(number, generation.intValue(),
                        type == 'n' ? EntryKind.IN_USE : EntryKind.FREE, offset, -1));
            }
        }
    }

    /** A cross-reference stream (ISO 32000-1 §7.5.8): /W, /Index, /Size, flate with an optional PNG predictor. */
    private static boolean readStream(Cursor cursor, Map<Integer, Entry> entries, int limit) {
        Long number = cursor.integer();
        cursor.skipWhite();
        Long generation = cursor.integer();
        cursor.skipWhite();
        if (number == null || generation == null || !cursor.keyword("obj")) {
            return false;
        }
        int dictionaryStart = cursor.position();
        int streamKeyword = cursor.find("stream");
        if (streamKeyword < 0) {
            return false;
        }
        String dictionary = new String(cursor.bytes(), dictionaryStart, streamKeyword - dictionaryStart,
                StandardCharsets.ISO_8859_1);
        if (!dictionary.matches("(?s).*/Type\\s*/XRef\\b.*")) {
            return false;
        }
        long[] widths = numbers(dictionary, "W");
        long[] size = numbers(dictionary, "Size");
        long[] index = numbers(dictionary, "Index");
        if (widths == null || widths.length != 3 || size == null || size.length != 1) {
            return false;
        }
        if (index == null) {
            index = new long[] {0, size[0]};
        }
        int dataStart = streamKeyword + "stream".length();
        if (dataStart < cursor.bytes().length && cursor.bytes()[dataStart] == '\r') {
            dataStart++;
        }
        if (dataStart < cursor.bytes().length && cursor.bytes()[dataStart] == '\n') {
            dataStart++;
        }
        int dataEnd = new Cursor(cursor.bytes(), dataStart).find("endstream");
        long[] length = numbers(dictionary, "Length");
        if (length != null && length.length == 1 && !dictionary.matches("(?s).*/Length\\s+\\d+\\s+\\d+\\s+R.*")
                && dataStart + length[0] <= cursor.bytes().length && length[0] >= 0) {
            dataEnd = (int) (dataStart + length[0]);
        }
        if (dataEnd < dataStart) {
            return false;
        }
        byte[] data = java.util.Arrays.copyOfRange(cursor.bytes(), dataStart, dataEnd);
        if (dictionary.contains("/FlateDecode")) {
            data = inflate(data);
            if (data == null) {
                return false;
            }
        } else if (dictionary.contains("/Filter")) {
            return false;
        }
        long[] predictor = numbers(dictionary, "Predictor");
        int rowLength = (int) (widths[0] + widths[1] + widths[2]);
        if (rowLength <= 0 || rowLength > 32) {
            return false;
        }
        if (predictor != null && predictor.length == 1 && predictor[0] >= 10) {
            data = unpredict(data, rowLength);
            if (data == null) {
                return false;
            }
        }
        int row = 0;
        for (int pair = 0; pair + 1 < index.length; pair += 2) {
            long first = index[pair];
            long count = index[pair + 1];
            if (first < 0 || count < 0 || entries.size() + count > limit) {
                return false;
            }
            for (long i = 0; i < count; i++, row++) {
                int at = row * rowLength;
                if (at + rowLength > data.length) {
                    return false;
                }
                long type = widths[0] == 0 ? 1 : field(data, at, (int) widths[0]);
                long second = field(data, at + (int) widths[0], (int) widths[1]);
                long third = field(data, at + (int) (widths[0] + widths[1]), (int) widths[2]);
                int objectNumber = (int) (first + i);
                Entry entry = switch ((int) type) {
                    case 0 -> new Entry(objectNumber, (int) third, EntryKind.FREE, second, -1);
                    case 1 -> new Entry(objectNumber, (int) third, EntryKind.IN_USE, second, -1);
                    case 2 -> new Entry(objectNumber, 0, EntryKind.COMPRESSED, third, (int) second);
                    default -> null; // reserved types are ignored by readers (ISO 32000-1 table 18)
                };
                if (entry != null) {
                    entries.put(objectNumber, entry);
                }
            }
        }
        return true;
    }

    private static long field(byte[] data, int at, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | (data[at + i] & 0xff);
        }
        return value;
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, read);
                if (out.size() > MAX_ENTRIES * 32L) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    /** PNG predictors (one filter byte per row), as cross-reference streams use them. */
    private static byte[] unpredict(byte[] data, int columns) {
        int stride = columns + 1;
        int rows = data.length / stride;
        byte[] out = new byte[rows * columns];
        byte[] previous = new byte[columns];
        for (int r = 0; r < rows; r++) {
            int filter = data[r * stride] & 0xff;
            byte[] current = new byte[columns];
            for (int c = 0; c < columns; c++) {
                int raw = data[r * stride + 1 + c] & 0xff;
                int left = c > 0 ? current[c - 1] & 0xff : 0;
                int up = previous[c] & 0xff;
                int upLeft = c > 0 ? previous[c - 1] & 0xff : 0;
                int value = switch (filter) {
                    case 0 -> raw;
                    case 1 -> raw + left;
                    case 2 -> raw + up;
                    case 3 -> raw + (left + up) / 2;
                    case 4 -> raw + paeth(left, up, upLeft);
                    default -> -1;
                };
                if (value < 0) {
                    return null;
                }
                current[c] = (byte) value;
            }
            System.arraycopy(current, 0, out, r * columns, columns);
            previous = current;
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** The numbers of a direct entry {@code /key n} or {@code /key [n n …]} in a dictionary's text. */
    private static long[] numbers(String dictionary, String key) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("/" + key + "(?![A-Za-z0-9])\\s*(\\[[^\\]]*\\]|[+-]?\\d+)").matcher(dictionary);
        if (!matcher.find()) {
            return null;
        }
        String value = matcher.group(1).replace("[", " ").replace("]", " ").strip();
        if (value.isEmpty()) {
            return new long[0];
        }
        String[] parts = value.split("\\s+");
        long[] result = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                result[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return result;
    }

    private static boolean matches(byte[] bytes, int at, byte[] pattern) {
        if (at < 0 || at + pattern.length > bytes.length) {
            return false;
        }
        for (int j = 0; j < pattern.length; j++) {
            if (bytes[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhite(byte b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    /** A forward reader over the raw bytes; every method stops at the end instead of throwing. */
    private static final class Cursor {

        private final byte[] bytes;
        private int position;

        Cursor(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        byte[] bytes() {
            return bytes;
        }

        int position() {
            return position;
        }

        boolean atEnd() {
            return position >= bytes.length;
        }

        int next() {
            return atEnd() ? -1 : bytes[position++];
        }

        void skipWhite() {
            while (!atEnd()) {
                byte b = bytes[position];
                if (isWhite(b)) {
                    position++;
                } else if (b == '%') { // a comment runs to the end of the line
                    while (!atEnd() && bytes[position] != '\n' && bytes[position] != '\r') {
                        position++;
                    }
                } else {
                    return;
                }
            }
        }

        Long integer() {
            int start = position;
            long value = 0;
            int digits = 0;
            while (!atEnd() && bytes[position] >= '0' && bytes[position] <= '9' && digits < 18) {
                value = value * 10 + (bytes[position++] - '0');
                digits++;
            }
            if (digits == 0) {
                position = start;
                return null;
            }
            return value;
        }

        boolean keyword(String word) {
            byte[] expected = word.getBytes(StandardCharsets.ISO_8859_1);
            if (matches(bytes, position, expected)) {
                position += expected.length;
                return true;
            }
            return false;
        }

        /** Offset of the next occurrence of {@code word} from here, or -1. */
        int find(String word) {
            byte[] expected = word.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = position; i <= bytes.length - expected.length; i++) {
                if (matches(bytes, i, expected)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
