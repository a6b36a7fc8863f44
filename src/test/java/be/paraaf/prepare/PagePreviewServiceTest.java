package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.ParaafException;
import be.paraaf.system.ParaafProperties;
import be.paraaf.support.TestDocs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagePreviewServiceTest {

    private static final byte[] CONTRACT = TestDocs.read(TestDocs.SAMPLE_CONTRACT);

    @TempDir
    Path dataDir;

    @Test
    void png_ofARequestedPageAtTheRequestedResolution() throws IOException {
        byte[] png = previews(Duration.ofSeconds(10), 12_000_000).png(sha256(CONTRACT), CONTRACT, 2, 36);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(295, 300); // A4 is 595 pt wide: half at 36 dpi
    }

    @Test
    void png_isServedFromTheCacheTheSecondTime() {
        PagePreviewService previews = previews(Duration.ofSeconds(10), 12_000_000);
        byte[] first = previews.png(sha256(CONTRACT), CONTRACT, 1, 48);
        byte[] second = previews.png(sha256(CONTRACT), new byte[0], 1, 48); // no PDF needed: cached
        assertThat(second).isEqualTo(first);
    }

    @Test
    void png_hugePageIsScaledDownToThePixelLimit() throws IOException {
        byte[] huge = pdfWithPage(new PDRectangle(14_400, 14_400)); // the largest page PDF allows: 5 m × 5 m
        byte[] png = previews(Duration.ofSeconds(30), 1_000_000).png(sha256(huge), huge, 1, 200);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(1_000_000);
    }

    @Test
    void png_refusesMissingPagesBadResolutionsAndSlowRenders() {
        PagePreviewService previews = previews(Duration.ofSeconds(10), 12_000_000);
        assertThatThrownBy(() -> previews.png(sha256(CONTRACT), CONTRACT, 3, 72))
                .isInstanceOfSatisfying(ParaafException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> previews.png(sha256(CONTRACT), CONTRACT, 1, 5000))
                .isInstanceOfSatisfying(ParaafException.class, e -> assertThat(e.problemType())
                        .isEqualTo("invalid-resolution"));
        PagePreviewService impatient = previews(Duration.ofMillis(1), 12_000_000);
        assertThatThrownBy(() -> impatient.png(sha256(CONTRACT), CONTRACT, 1, 150))
                .isInstanceOfSatisfying(ParaafException.class, e -> assertThat(e.problemType())
                        .isEqualTo("preview-too-slow"));
    }

    private PagePreviewService previews(Duration timeout, long maxPixels) {
        return new PagePreviewService(new ParaafProperties(dataDir, java.net.URI.create("http://localhost")),
                new PreviewProperties(96, 200, maxPixels, timeout, 2));
    }

    private static byte[] pdfWithPage(PDRectangle size) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(size));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
