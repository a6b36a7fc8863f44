package be.paraaf.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes large, valid PDFs straight to disk without holding them in memory: {@code pages} A4 pages, each showing one
 * uncompressed 8-bit grey image of seeded random noise of {@code imageBytes} bytes — a scan-like document whose size is
 * what its images weigh. Classic cross-reference table, one revision, a document ID.
 */
public final class LargePdfs {

    private LargePdfs() {
    }

    /** A PDF of about {@code megabytes} MB (10^6 bytes) with 2 MiB per page. */
    public static Path write(Path file, int megabytes) {
        int imageBytes = 2 * 1024 * 1024;
        int pages = (int) Math.max(1, (long) megabytes * 1_000_000 / imageBytes);
        return write(file, pages, imageBytes, 20261207L);
    }

    public static Path write(Path file, int pages, int imageBytes, long seed) {
        int width = 1024;
        int height = imageBytes / width;
        Random random = new Random(seed);
        List<Long> offsets = new ArrayList<>();
        try (Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024))) {
            out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(out.count);
            out.ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(out.count);
            StringBuilder kids = new StringBuilder();
            for (int page = 0; page < pages; page++) {
                kids.append(3 + 3 * page).append(" 0 R ");
            }
            out.ascii("2 0 obj\n<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>\nendobj\n");
            byte[] row = new byte[width];
            for (int page = 0; page < pages; page++) {
                int pageObject = 3 + 3 * page;
                offsets.add(out.count);
                out.ascii(pageObject + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                        + "<< /XObject << /Scan " + (pageObject + 1) + " 0 R >> >> /Contents " + (pageObject + 2)
                        + " 0 R >>\nendobj\n");
                offsets.add(out.count);
                out.ascii((pageObject + 1) + " 0 obj\n<< /Type /XObject /Subtype /Image /Width " + width
                        + " /Height " + height + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length "
                        + (long) width * height + " >>\nstream\n");
                for (int y = 0; y < height; y++) {
                    random.nextBytes(row);
                    out.write(row);
                }
                out.ascii("\nendstream\nendobj\n");
                String content = "q 555 0 0 802 20 20 cm /Scan Do Q\n";
                offsets.add(out.count);
                out.ascii((pageObject + 2) + " 0 obj\n<< /Length " + content.length() + " >>\nstream\n" + content
                        + "endstream\nendobj\n");
            }
            long xref = out.count;
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long offset : offsets) {
                table.append(String.format("%010d 00000 n \n", offset));
            }
            String id = String.format("%032x", seed);
            table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R /ID [<").append(id)
                    .append("> <").append(id).append(">] >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            out.ascii(table.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static final class Counting extends OutputStream {
        private final OutputStream out;
        long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        void ascii(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
