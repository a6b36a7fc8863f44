package be.paraaf.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * PDFs built to break readers: page-tree loops, a missing /Root, a huge /Count, broken cross-references, deep
 * nesting, a deflate bomb, plus random mutations of a good file. Small hand-written files (ISO 32000-1 §7.5) with a
 * correct cross-reference table unless the damage is the point.
 */
public final class HostilePdfs {

    private static final String PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

    private HostilePdfs() {
    }

    /** Pages whose /Kids contain the page tree itself: every naive page walk loops forever. */
    public static byte[] pageTreeLoop() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", PAGE);
    }

    /** A page tree node whose only kid is itself. */
    public static byte[] selfKid() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
    }

    /** Two intermediate nodes that are each other's kid. */
    public static byte[] twoNodeLoop() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");
    }

    /** One page, a /Count of two thousand million. */
    public static byte[] hugeCount() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>", PAGE);
    }

    /** One page, /Count says more pages than there are. */
    public static byte[] countTooHigh() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 5 >>", PAGE);
    }

    public static byte[] negativeCount() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count -3 >>", PAGE);
    }

    /** Kids that are not dictionaries. */
    public static byte[] kidsNotPages() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [(text) 42 /Name null 9 0 R] "
                + "/Count 5 >>");
    }

    /** A trailer without /Root. */
    public static byte[] missingRoot() {
        return new String(pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE),
                StandardCharsets.ISO_8859_1).replace("/Root 1 0 R", "").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** /Root is a number, /Pages missing. */
    public static byte[] rootNotADictionary() {
        return pdf("42", "<< /Type /Pages /Kids [] /Count 0 >>");
    }

    public static byte[] catalogWithoutPages() {
        return pdf("<< /Type /Catalog >>");
    }

    /** Page tree 3,000 levels deep. */
    public static byte[] deepPageTree() {
        int depth = 3000;
        String[] objects = new String[depth + 2];
        objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
        for (int i = 1; i <= depth; i++) {
            int number = i + 1;
            objects[i] = "<< /Type /Pages " + (i > 1 ? "/Parent " + (number - 1) + " 0 R " : "") + "/Kids ["
                    + (number + 1) + " 0 R] /Count 1 >>";
        }
        objects[depth + 1] = "<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 595 842] >>";
        return pdf(objects);
    }

    /** A page whose dictionary holds arrays nested 20,000 deep. */
    public static byte[] deepNesting() {
        int depth = 20_000;
        return pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /X " + "[".repeat(depth) + "]".repeat(depth)
                        + " >>");
    }

    /** The cross-reference table's offsets point nowhere and startxref is garbage. */
    public static byte[] brokenXref() {
        String text = new String(pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                PAGE), StandardCharsets.ISO_8859_1);
        text = text.replaceAll("\\d{10} 00000 n", "9999999999 00000 n").replaceAll("startxref\\n\\d+",
                "startxref\n77777777");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A content stream that inflates 1,000 times: 256 MB from 250 KB. */
    public static byte[] deflateBomb(int megabytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1024 * 1024];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < megabytes; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        byte[] stream = compressed.toByteArray();
        return pdfWithStream("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", stream);
    }

    /** The fixed hostile set; {@code good} adds damaged variants of a real document. */
    public static List<byte[]> crafted(byte[] good) {
        List<byte[]> all = new ArrayList<>(List.of(pageTreeLoop(), selfKid(), twoNodeLoop(), hugeCount(),
                countTooHigh(), negativeCount(), kidsNotPages(), missingRoot(), rootNotADictionary(),
                catalogWithoutPages(), deepPageTree(), deepNesting(), brokenXref(), deflateBomb(16)));
        all.add(BadDocuments.encrypted(good));
        all.add(BadDocuments.garbageWithHeader());
        String text = new String(good, StandardCharsets.ISO_8859_1);
        all.add(text.replaceAll("startxref\\s+\\d+", "startxref\n1").getBytes(StandardCharsets.ISO_8859_1));
        all.add(text.replace("/Root", "/Rooz").getBytes(StandardCharsets.ISO_8859_1));
        all.add(text.replace("/Kids", "/Kidz").getBytes(StandardCharsets.ISO_8859_1));
        all.add(text.replaceAll("/Count \\d+", "/Count 999999999").getBytes(StandardCharsets.ISO_8859_1));
        all.add(text.replaceAll("/Length \\d+", "/Length 99999999").getBytes(StandardCharsets.ISO_8859_1));
        return all;
    }

    /** One random damage to {@code good}: flipped bytes, a cut (with %%EOF re-appended), damaged numbers or keys. */
    public static byte[] mutate(byte[] good, Random random) {
        byte[] copy = good.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(16); i < n; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 1 -> {
                byte[] cut = new byte[random.nextInt(copy.length)];
                System.arraycopy(copy, 0, cut, 0, cut.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(cut);
                out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
                return out.toByteArray();
            }
            case 2 -> {
                String text = new String(copy, StandardCharsets.ISO_8859_1);
                StringBuilder damaged = new StringBuilder(text);
                for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                    int at = random.nextInt(damaged.length());
                    while (at < damaged.length() && !Character.isDigit(damaged.charAt(at))) {
                        at++;
                    }
                    if (at < damaged.length()) {
                        damaged.setCharAt(at, (char) ('0' + random.nextInt(10)));
                    }
                }
                return damaged.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            case 3 -> {
                String text = new String(copy, StandardCharsets.ISO_8859_1);
                String[] keys = {"/Kids", "/Count", "/Root", "/Pages", "/Parent", "/Length", "/Filter", "/Size",
                        "/Prev", "/AcroForm", "/Fields", "/Annots", "/Type", "/ByteRange", "/Contents"};
                String[] values = {" [1 0 R 1 0 R]", " null", " -1", " 2147483648", " (x)", " <<>>", " [[[[[[", " /X"};
                String key = keys[random.nextInt(keys.length)];
                int at = text.indexOf(key, random.nextInt(text.length()));
                if (at < 0) {
                    at = text.indexOf(key);
                }
                if (at < 0) {
                    return copy;
                }
                int end = at + key.length();
                return (text.substring(0, end) + values[random.nextInt(values.length)] + text.substring(end))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                int at = random.nextInt(copy.length);
                byte[] noise = new byte[1 + random.nextInt(256)];
                random.nextBytes(noise);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(copy, 0, at);
                out.writeBytes(noise);
                out.write(copy, at, copy.length - at);
                return out.toByteArray();
            }
        }
    }

    /** Objects 1…n in order, a classic cross-reference table and a trailer naming object 1 as /Root. */
    public static byte[] pdf(String... objects) {
        return build(objects, null);
    }

    private static byte[] pdfWithStream(String catalog, String pages, String page, byte[] stream) {
        return build(new String[] {catalog, pages, page}, stream);
    }

    private static byte[] build(String[] objects, byte[] flateStream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        if (flateStream != null) {
            offsets.add(out.size());
            write(out, (objects.length + 1) + " 0 obj\n<< /Length " + flateStream.length
                    + " /Filter /FlateDecode >>\nstream\n");
            out.writeBytes(flateStream);
            write(out, "\nendstream\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
