package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.BoundedWork;
import be.paraaf.system.ParaafException;
import be.paraaf.system.ParaafProperties;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * PNG previews of PDF pages for the signer pages, cached on disk by document digest, page and resolution
 * ({@code <data-dir>/previews}). Rendering is bounded: resolution capped, pixel count capped (a huge page
 * is scaled down), a time limit per page and a fixed number of renders at once, so a hostile PDF costs at
 * most one render slot for the time limit and never the heap.
 */
@Service
public class PagePreviewService implements DisposableBean {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final Path cache;
    private final PreviewProperties properties;
    private final BoundedWork renders;

    PagePreviewService(ParaafProperties paraaf, PreviewProperties properties) {
        this.cache = paraaf.dataDir().resolve("previews");
        this.properties = properties;
        this.renders = new BoundedWork("previews", properties.concurrentRenders(), properties.timeout());
    }

    /**
     * The PNG of page {@code pageNumber} (1-based) of a PDF whose SHA-256 is {@code sha256}, at
     * {@code dpi} (null: the default).
     */
    public byte[] png(String sha256, byte[] pdf, int pageNumber, Integer dpi) {
        if (!DIGEST.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        int resolution = dpi == null ? properties.defaultDpi() : dpi;
        if (resolution < 18 || resolution > properties.maxDpi()) {
            throw new InvalidInputException(ProblemType.INVALID_RESOLUTION,
                    "The resolution must be between 18 and " + properties.maxDpi() + " dpi.", Map.of(), null);
        }
        Path cached = cache.resolve(sha256).resolve(pageNumber + "-" + resolution + ".png");
        try {
            if (Files.isRegularFile(cached)) {
                return Files.readAllBytes(cached);
            }
            byte[] png = renderBounded(pdf, pageNumber, resolution);
            store(cached, png);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] renderBounded(byte[] pdf, int pageNumber, int dpi) {
        return renders.run(() -> render(pdf, pageNumber, dpi), new BoundedWork.Refusals("preview-too-slow",
                "Page " + pageNumber + " takes longer than " + properties.timeout().toSeconds()
                        + " s to render; no preview is available for it.",
                "All preview renderers are busy; try again in a moment."));
    }

    private byte[] render(byte[] pdf, int pageNumber, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (pageNumber < 1 || pageNumber > document.getNumberOfPages()) {
                throw new PreviewException(ProblemType.PAGE_NOT_FOUND, "The document has " + document.getNumberOfPages()
                        + " page(s); there is no page " + pageNumber + ".");
            }
            PDRectangle box = document.getPage(pageNumber - 1).getCropBox();
            float scale = dpi / 72f;
            double pixels = (double) box.getWidth() * scale * box.getHeight() * scale;
            if (pixels > properties.maxPixels()) {
                scale *= (float) Math.sqrt(properties.maxPixels() / pixels);
            }
            BufferedImage image = new PDFRenderer(document).renderImage(pageNumber - 1, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }

    private static void store(Path target, byte[] png) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".preview-", ".tmp");
        Files.write(temporary, png);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void destroy() {
        renders.close();
    }

    /** A preview that cannot be produced; the document itself is fine. */
    static final class PreviewException extends ParaafException {

        /** A problem of the catalogue, with its status. */
        PreviewException(ProblemType type, String detail) {
            super(type, detail);
        }

        PreviewException(String problemType, int status, String detail) {
            super(problemType, status, detail);
        }
    }
}
