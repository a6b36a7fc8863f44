package be.paraaf.validation;

import be.paraaf.validation.ValidationSummary.FindingSummary;
import be.paraaf.validation.ValidationSummary.PagePicture;
import be.paraaf.validation.ValidationSummary.SignatureSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pictures of what a signer signed next to what the document shows now: for each signature whose findings
 * name pages, that page of the signed revision (the first {@code signedBytes} bytes of the file, a complete
 * PDF by itself) and of the final document, rendered at a modest resolution, with the areas whose pixels
 * differ framed in red on the current picture.
 *
 * <p>Bounded work: at most {@value #PAGES_PER_SIGNATURE} pages per signature and {@value #PAGES_PER_VALIDATION}
 * per validation (signatures that are not valid first), nothing for files over {@value #MAX_DOCUMENT_BYTES}
 * bytes, and a time budget. Pictures are an aid to the reader, never part of the verdict: a page that cannot
 * be rendered is left out and the validation goes on.
 */
final class RevisionPictures {

    static final int DPI = 60;
    static final int PAGES_PER_SIGNATURE = 3;
    static final int PAGES_PER_VALIDATION = 6;
    static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
    /** The document kept with the reports while pictures may still be asked for. */
    static final String DOCUMENT = "document.pdf";
    /** {@link PagePicture#changedAreas()} before the picture is drawn. */
    static final int UNCOUNTED = -1;

    /** Pixels count as changed when their colours differ by more than this (sum over R, G and B). */
    private static final int THRESHOLD = 60;
    /** Changed pixels are gathered in square cells of this size before clustering. */
    private static final int CELL = 6;
    private static final int MAX_AREAS = 12;
    private static final Color MARK = new Color(0xD0, 0x00, 0x00);

    private static final Logger log = LoggerFactory.getLogger(RevisionPictures.class);

    /** The summary with its pictures listed, and the PNG files to keep under the given names. */
    record Pictured(ValidationSummary summary, Map<String, byte[]> files) {
    }

    private RevisionPictures() {
    }

    /**
     * Lists the pictures a PDF validation offers, without drawing any: they are rendered when someone asks for
     * one ({@link #render}), so a validation costs no rendering nobody looks at. The summary is unchanged
     * when there is nothing to show.
     */
    static Pictured plan(ValidationSummary summary, byte[] pdf, ReportLinks links) {
        try {
            if (pdf.length > MAX_DOCUMENT_BYTES || summary.signatures().isEmpty()) {
                return new Pictured(summary, Map.of());
            }
            Map<Integer, List<Integer>> wanted = choosePages(summary.signatures(), pdf.length);
            if (wanted.isEmpty()) {
                return new Pictured(summary, Map.of());
            }
            List<SignatureSummary> signatures = new ArrayList<>(summary.signatures());
            for (Map.Entry<Integer, List<Integer>> entry : wanted.entrySet()) {
                int number = entry.getKey() + 1;
                SignatureSummary signature = signatures.get(entry.getKey());
                Set<Integer> added = addedPages(signature);
                signatures.set(entry.getKey(), signature.withPictures(entry.getValue().stream()
                        .map(page -> new PagePicture(page,
                                added.contains(page) ? null : links.signedPage(summary.id(), number, page),
                                links.currentPage(summary.id(), number, page), UNCOUNTED))
                        .toList()));
            }
            return new Pictured(summary.withSignatures(signatures), Map.of(DOCUMENT, pdf));
        } catch (RuntimeException e) {
            log.warn("no revision pictures for validation {}: {}", summary.id(), e.toString());
            return new Pictured(summary, Map.of());
        }
    }

    /** Pages a signature's findings say were added after it: they have no signed picture. */
    private static Set<Integer> addedPages(SignatureSummary signature) {
        Set<Integer> added = new java.util.HashSet<>();
        signature.findings().stream().filter(finding -> "PAGES_ADDED_OR_REMOVED".equals(finding.code()))
                .forEach(finding -> added.addAll(finding.pages()));
        return added;
    }

    /**
     * Draws one listed page of one signature: as signed, and now with the changed areas framed. The files are
     * named as {@link ValidationService#picture} reads them; an empty map when the page cannot be drawn.
     */
    static Map<String, byte[]> render(ValidationSummary summary, int number, int page, byte[] pdf) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (number < 1 || number > summary.signatures().size()) {
            return files;
        }
        SignatureSummary signature = summary.signatures().get(number - 1);
        if (signature.pictures() == null || signature.pictures().stream().noneMatch(picture -> picture.page() == page)
                || signature.signedBytes() == null || signature.signedBytes() <= 0
                || signature.signedBytes() > pdf.length) {
            return files;
        }
        try (PDDocument current = Loader.loadPDF(new RandomAccessReadBuffer(pdf));
                PDDocument signed = Loader.loadPDF(new RandomAccessReadBuffer(
                        java.nio.ByteBuffer.wrap(pdf, 0, Math.toIntExact(signature.signedBytes())).slice()))) {
            if (page > current.getNumberOfPages()) {
                return files;
            }
            BufferedImage now = render(new PDFRenderer(current), page - 1);
            BufferedImage then = page <= signed.getNumberOfPages() ? render(new PDFRenderer(signed), page - 1) : null;
            List<Rectangle> areas = then == null ? List.of(new Rectangle(0, 0, now.getWidth(), now.getHeight()))
                    : changedAreas(then, now);
            String base = fileName(number, page, "");
            if (then != null) {
                files.put(base + "signed.png", png(then));
            }
            files.put(base + "current.png", png(mark(now, areas)));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            log.warn("no picture of page {} for signature {} of validation {}: {}", page, number, summary.id(),
                    e.toString());
        }
        return files;
    }

    static String fileName(int number, int page, String version) {
        return "signature-" + number + "-page-" + page + "-" + version;
    }

    /** Per signature (index), the pages to picture: not-valid signatures first, within the limits. */
    static Map<Integer, List<Integer>> choosePages(List<SignatureSummary> signatures, long fileLength) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> signatures.get(i).verdict() == Verdict.VALID).thenComparing(i -> i));
        Map<Integer, List<Integer>> wanted = new java.util.TreeMap<>();
        int budget = PAGES_PER_VALIDATION;
        for (int index : order) {
            SignatureSummary signature = signatures.get(index);
            Long signed = signature.signedBytes();
            if (signed == null || signed <= 0 || signed >= fileLength || budget == 0) {
                continue; // nothing was added after this signature (or no revision to picture)
            }
            TreeSet<Integer> pages = new TreeSet<>();
            for (FindingSummary finding : signature.findings()) {
                // what signing itself adds (later signatures, validation data) is not worth a picture
                boolean worthAPicture = finding.level() == null || finding.level().exceeds(ModificationLevel.SIGNATURES);
                if (finding.pages() != null && worthAPicture) {
                    finding.pages().stream().filter(page -> page != null && page > 0).forEach(pages::add);
                }
            }
            List<Integer> chosen = pages.stream().limit(Math.min(PAGES_PER_SIGNATURE, budget)).toList();
            if (!chosen.isEmpty()) {
                wanted.put(index, chosen);
                budget -= chosen.size();
            }
        }
        return wanted;
    }

    private static BufferedImage render(PDFRenderer renderer, int pageIndex) throws IOException {
        return renderer.renderImageWithDPI(pageIndex, DPI, ImageType.RGB);
    }

    /**
     * The areas where two pictures differ, as bounding boxes of clusters of changed pixels: changed pixels mark
     * their cell of a coarse grid, neighbouring cells join one cluster, and boxes that touch are merged. Pictures
     * of different sizes (the page size changed) differ as a whole.
     */
    static List<Rectangle> changedAreas(BufferedImage before, BufferedImage after) {
        if (before.getWidth() != after.getWidth() || before.getHeight() != after.getHeight()) {
            return List.of(new Rectangle(0, 0, after.getWidth(), after.getHeight()));
        }
        int columns = (after.getWidth() + CELL - 1) / CELL;
        int rows = (after.getHeight() + CELL - 1) / CELL;
        boolean[][] changed = new boolean[rows][columns];
        for (int y = 0; y < after.getHeight(); y++) {
            for (int x = 0; x < after.getWidth(); x++) {
                int a = before.getRGB(x, y);
                int b = after.getRGB(x, y);
                if (a != b && Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
                        + Math.abs((a & 0xFF) - (b & 0xFF)) > THRESHOLD) {
                    changed[y / CELL][x / CELL] = true;
                }
            }
        }
        List<Rectangle> areas = new ArrayList<>();
        boolean[][] seen = new boolean[rows][columns];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                if (changed[row][column] && !seen[row][column]) {
                    areas.add(cluster(changed, seen, row, column));
                }
            }
        }
        List<Rectangle> merged = merge(areas);
        if (merged.size() > MAX_AREAS) { // scattered changes: one frame around all of them
            Rectangle all = new Rectangle(merged.get(0));
            merged.forEach(all::add);
            merged = List.of(all);
        }
        return merged.stream().map(cells -> new Rectangle(cells.x * CELL, cells.y * CELL, cells.width * CELL,
                cells.height * CELL).intersection(new Rectangle(0, 0, after.getWidth(), after.getHeight()))).toList();
    }

    /** The bounding box (in cells) of the 8-connected cluster of changed cells that holds (row, column). */
    private static Rectangle cluster(boolean[][] changed, boolean[][] seen, int row, int column) {
        int minRow = row, maxRow = row, minColumn = column, maxColumn = column;
        java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
        todo.push(new int[] {row, column});
        seen[row][column] = true;
        while (!todo.isEmpty()) {
            int[] cell = todo.pop();
            minRow = Math.min(minRow, cell[0]);
            maxRow = Math.max(maxRow, cell[0]);
            minColumn = Math.min(minColumn, cell[1]);
            maxColumn = Math.max(maxColumn, cell[1]);
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int r = cell[0] + dr;
                    int c = cell[1] + dc;
                    if (r >= 0 && c >= 0 && r < changed.length && c < changed[0].length && changed[r][c] && !seen[r][c]) {
                        seen[r][c] = true;
                        todo.push(new int[] {r, c});
                    }
                }
            }
        }
        return new Rectangle(minColumn, minRow, maxColumn - minColumn + 1, maxRow - minRow + 1);
    }

    /** Merges boxes that overlap or nearly touch (within two cells) until none do. */
    private static List<Rectangle> merge(List<Rectangle> areas) {
        List<Rectangle> boxes = new ArrayList<>(areas);
        boolean mergedAny = true;
        while (mergedAny) {
            mergedAny = false;
            outer:
            for (int i = 0; i < boxes.size(); i++) {
                Rectangle grown = new Rectangle(boxes.get(i));
                grown.grow(2, 2);
                for (int j = i + 1; j < boxes.size(); j++) {
                    if (grown.intersects(boxes.get(j))) {
                        Rectangle union = boxes.get(i).union(boxes.get(j));
                        boxes.remove(j);
                        boxes.set(i, union);
                        mergedAny = true;
                        break outer;
                    }
                }
            }
        }
        return boxes;
    }

    /** A copy of the picture with each area framed in red (a little outside it, so the change stays readable). */
    static BufferedImage mark(BufferedImage picture, List<Rectangle> areas) {
        BufferedImage marked = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = marked.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
            g.setColor(MARK);
            g.setStroke(new BasicStroke(3));
            for (Rectangle area : areas) {
                Rectangle frame = new Rectangle(area);
                frame.grow(3, 3);
                frame = frame.intersection(new Rectangle(1, 1, picture.getWidth() - 3, picture.getHeight() - 3));
                g.drawRect(frame.x, frame.y, frame.width, frame.height);
            }
        } finally {
            g.dispose();
        }
        return marked;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
