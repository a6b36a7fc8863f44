package be.paraaf.validation.attacks;

import static be.paraaf.validation.attacks.PdfBytes.ascii;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An incremental update written by hand, as an attacker's script would: new or redefined objects, a classic
 * cross-reference section for them (optionally entries re-pointed at offsets anywhere in the file, signed
 * bytes included), and a trailer whose /Prev chains to the previous section. {@link #withoutXref()} and
 * {@link #trailerOnly()} leave parts out, for the parsers that repair what is missing.
 */
final class Revision {

    private final byte[] base;
    private final PdfBytes.Layout layout;
    private final Map<Integer, byte[]> objects = new LinkedHashMap<>();
    private final Map<Integer, Long> repointed = new TreeMap<>();
    private int size;
    private String root;
    private final List<String> trailerExtras = new ArrayList<>();
    private final List<byte[]> unlisted = new ArrayList<>();
    private final List<Integer> unlistedNumbers = new ArrayList<>();
    private final Map<Integer, Long> unlistedOffsets = new LinkedHashMap<>();

    Revision(byte[] base) {
        this.base = base;
        this.layout = PdfBytes.layout(base);
        this.size = layout.size();
        this.root = PdfBytes.ref(layout.root());
    }

    /**
     * Redefines existing dictionary object {@code number} as it reads in the file's last revision, with
     * {@code changes}: a value in PDF syntax replaces or adds the entry, a null value removes it.
     */
    Revision redefine(int number, Map<String, String> changes) {
        return object(number, dictionary(number, changes));
    }

    /** The PDF text of dictionary object {@code number} with {@code changes} applied (see {@link #redefine}). */
    String dictionary(int number, Map<String, String> changes) {
        try (PDDocument document = Loader.loadPDF(base)) {
            COSBase object = document.getDocument().getObjectFromPool(new COSObjectKey(number, 0)).getObject();
            if (!(object instanceof COSDictionary dictionary) || object instanceof COSStream) {
                throw new IllegalArgumentException(number + " 0 obj is not a plain dictionary");
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                entries.put(entry.getKey().getName(), syntax(entry.getValue()));
            }
            changes.forEach((key, value) -> {
                if (value == null) {
                    entries.remove(key);
                } else {
                    entries.put(key, value);
                }
            });
            StringBuilder text = new StringBuilder("<<");
            entries.forEach((key, value) -> text.append(" /").append(key).append(' ').append(value));
            return text.append(" >>").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PDF syntax of a parsed value; indirect objects as references. */
    static String syntax(COSBase value) {
        if (value instanceof COSObject object) {
            return PdfBytes.ref(object.getKey());
        }
        if (value != null && value.getKey() != null && !(value instanceof COSName)) {
            return PdfBytes.ref(value.getKey());
        }
        if (value instanceof COSName name) {
            return "/" + name.getName();
        }
        if (value instanceof COSInteger integer) {
            return Long.toString(integer.longValue());
        }
        if (value instanceof COSFloat number) {
            return new java.math.BigDecimal(Float.toString(number.floatValue())).toPlainString();
        }
        if (value instanceof COSBoolean bool) {
            return Boolean.toString(bool.getValue());
        }
        if (value instanceof COSString string) {
            return "<" + HexFormat.of().formatHex(string.getBytes()) + ">";
        }
        if (value instanceof COSArray array) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < array.size(); i++) {
                text.append(i == 0 ? "" : " ").append(syntax(array.get(i)));
            }
            return text.append(']').toString();
        }
        if (value instanceof COSDictionary dictionary && !(value instanceof COSStream)) {
            StringBuilder text = new StringBuilder("<<");
            dictionary.entrySet().forEach(entry ->
                    text.append(" /").append(entry.getKey().getName()).append(' ').append(syntax(entry.getValue())));
            return text.append(" >>").toString();
        }
        if (value == null || value instanceof COSNull) {
            return "null";
        }
        throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " inline");
    }

    PdfBytes.Layout layout() {
        return layout;
    }

    int allocate() {
        return size++;
    }

    Revision object(int number, String body) {
        objects.put(number, ascii(number + " 0 obj\n" + body + "\nendobj\n"));
        size = Math.max(size, number + 1);
        return this;
    }

    Revision stream(int number, String dictionaryEntries, byte[] data) {
        byte[] head = ascii(number + " 0 obj\n<<" + dictionaryEntries + " /Length " + data.length + ">>\nstream\n");
        objects.put(number, PdfBytes.concat(head, data, ascii("\nendstream\nendobj\n")));
        size = Math.max(size, number + 1);
        return this;
    }

    Revision stream(int number, String dictionaryEntries, String data) {
        return stream(number, dictionaryEntries, ascii(data));
    }

    /** Writes {@code number 0 obj} into the file but leaves it out of the cross-reference section: dead bytes. */
    Revision unlisted(int number, String dictionaryEntries, String data) {
        byte[] bytes = ascii(data);
        unlisted.add(PdfBytes.concat(ascii(number + " 0 obj\n<<" + dictionaryEntries + " /Length " + bytes.length
                + ">>\nstream\n"), bytes, ascii("\nendstream\nendobj\n")));
        unlistedNumbers.add(number);
        return this;
    }

    /** Like {@link #unlisted(int, String, String)} for a plain object. */
    Revision unlisted(int number, String body) {
        unlisted.add(ascii(number + " 0 obj\n" + body + "\nendobj\n"));
        unlistedNumbers.add(number);
        return this;
    }

    /** Where the unlisted objects were written, by number, once a build method has run. */
    Map<Integer, Long> unlistedOffsets() {
        return unlistedOffsets;
    }

    /** An xref entry for {@code number} at an offset chosen by the attacker (no object written). */
    Revision repoint(int number, long offset) {
        repointed.put(number, offset);
        return this;
    }

    Revision root(String reference) {
        this.root = reference;
        return this;
    }

    Revision trailerEntry(String entry) {
        trailerExtras.add(entry);
        return this;
    }

    /** Objects, a cross-reference section, trailer, startxref and %%EOF. */
    byte[] withXref() {
        ByteArrayOutputStream out = start();
        Map<Integer, Long> offsets = writeObjects(out);
        offsets.putAll(repointed);
        long xref = out.size();
        // the free head of the list first, as PDFBox writes it: never an empty section
        StringBuilder table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        offsets.remove(0);
        List<Integer> numbers = new ArrayList<>(new TreeMap<>(offsets).keySet());
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            table.append(numbers.get(i)).append(' ').append(j - i + 1).append('\n');
            for (int k = i; k <= j; k++) {
                table.append(String.format("%010d 00000 n \n", offsets.get(numbers.get(k))));
            }
            i = j + 1;
        }
        out.writeBytes(ascii(table.toString()));
        out.writeBytes(ascii(trailer(true) + "startxref\n" + xref + "\n%%EOF\n"));
        return out.toByteArray();
    }

    /** Objects appended after %%EOF, with no cross-reference section, trailer or startxref. */
    byte[] withoutXref() {
        ByteArrayOutputStream out = start();
        writeObjects(out);
        return out.toByteArray();
    }

    /** Objects and a trailer whose startxref names the trailer itself: no cross-reference section. */
    byte[] trailerOnly() {
        ByteArrayOutputStream out = start();
        writeObjects(out);
        long trailerOffset = out.size();
        out.writeBytes(ascii(trailer(true) + "startxref\n" + trailerOffset + "\n%%EOF\n"));
        return out.toByteArray();
    }

    private ByteArrayOutputStream start() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        if (base[base.length - 1] != '\n') {
            out.write('\n');
        }
        return out;
    }

    private Map<Integer, Long> writeObjects(ByteArrayOutputStream out) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (int i = 0; i < unlisted.size(); i++) {
            unlistedOffsets.put(unlistedNumbers.get(i), (long) out.size());
            out.writeBytes(unlisted.get(i));
        }
        objects.forEach((number, bytes) -> {
            offsets.put(number, (long) out.size());
            out.writeBytes(bytes);
        });
        return offsets;
    }

    private String trailer(boolean prev) {
        StringBuilder trailer = new StringBuilder("trailer\n<< /Size ").append(size).append(" /Root ").append(root);
        if (layout.info() != null) {
            trailer.append(" /Info ").append(PdfBytes.ref(layout.info()));
        }
        if (layout.id() != null) {
            trailer.append(" /ID ").append(layout.id());
        }
        if (prev) {
            trailer.append(" /Prev ").append(PdfBytes.lastStartXref(base));
        }
        trailerExtras.forEach(extra -> trailer.append(' ').append(extra));
        return trailer.append(" >>\n").toString();
    }
}
