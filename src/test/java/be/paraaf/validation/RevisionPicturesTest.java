package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import be.paraaf.validation.ValidationSummary.FindingSummary;
import be.paraaf.validation.ValidationSummary.SignatureSummary;
import be.paraaf.system.ParaafProperties;
import be.paraaf.web.LinkBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which areas of a page the pictures frame: clusters of changed pixels, near ones merged, faint noise ignored. */
class RevisionPicturesTest {

    private static final ReportLinks LINKS = new LinkBuilder(
            new ParaafProperties(Path.of("."), URI.create("http://localhost:8080")));

    @Test
    void identicalPicturesHaveNoChangedArea() {
        assertThat(RevisionPictures.changedAreas(page(), page())).isEmpty();
    }

    @Test
    void eachSeparateChangeGetsItsOwnFrameAroundIt() {
        BufferedImage before = page();
        BufferedImage after = page();
        Graphics2D g = after.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(50, 40, 120, 20); // a new line of text at the top
        g.fillRect(300, 600, 30, 30); // a stamp at the bottom
        g.dispose();

        List<Rectangle> areas = RevisionPictures.changedAreas(before, after);
        assertThat(areas).hasSize(2);
        assertThat(areas).anySatisfy(area -> assertThat(area.contains(new Rectangle(50, 40, 120, 20))).isTrue());
        assertThat(areas).anySatisfy(area -> assertThat(area.contains(new Rectangle(300, 600, 30, 30))).isTrue());
        assertThat(areas).allSatisfy(area -> assertThat(area.width * area.height).isLessThan(200 * 40));
    }

    @Test
    void nearbyChangesShareOneFrameAndFaintNoiseIsIgnored() {
        BufferedImage after = page();
        Graphics2D g = after.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 100, 40, 10);
        g.fillRect(100, 115, 40, 10); // the next line of the same paragraph
        g.setColor(new Color(250, 250, 250)); // anti-aliasing-like noise
        g.fillRect(400, 400, 50, 50);
        g.dispose();

        assertThat(RevisionPictures.changedAreas(page(), after)).singleElement()
                .satisfies(area -> assertThat(area.contains(new Rectangle(100, 100, 40, 25))).isTrue());
    }

    @Test
    void aPageOfAnotherSizeDiffersAsAWhole() {
        BufferedImage landscape = new BufferedImage(702, 496, BufferedImage.TYPE_INT_RGB);
        assertThat(RevisionPictures.changedAreas(page(), landscape)).containsExactly(new Rectangle(0, 0, 702, 496));
    }

    @Test
    void framesAreRedOnACopy() {
        BufferedImage picture = page();
        BufferedImage marked = RevisionPictures.mark(picture, List.of(new Rectangle(50, 50, 100, 40)));
        assertThat(new Color(marked.getRGB(47, 70))).isEqualTo(new Color(0xD0, 0, 0));
        assertThat(picture.getRGB(47, 70)).isEqualTo(Color.WHITE.getRGB());
    }

    @Test
    void atMostThreePagesPerSignatureAndSixPerValidationNotValidSignaturesFirst() {
        List<SignatureSummary> signatures = List.of(
                signature(Verdict.VALID, 1000L, 1, 2, 3, 4),
                signature(Verdict.VALID, 2000L, 2),
                signature(Verdict.CHANGED_AFTER_SIGNING, 3000L, 5, 6, 7, 8),
                signature(Verdict.INDETERMINATE, 4000L, 1),
                signature(Verdict.INVALID, 9000L, 1)); // covers the whole file: nothing after it to show

        Map<Integer, List<Integer>> pages = RevisionPictures.choosePages(signatures, 9000);

        assertThat(pages).containsOnlyKeys(0, 2, 3);
        assertThat(pages.get(2)).containsExactly(5, 6, 7);
        assertThat(pages.get(3)).containsExactly(1);
        assertThat(pages.get(0)).containsExactly(1, 2);
    }

    @Test
    void picturesAreListedWithoutDrawingAndKeepTheDocument() {
        ValidationSummary summary = summary(signature(Verdict.CHANGED_AFTER_SIGNING, 10L, 1));
        byte[] pdf = "%PDF-1.7 this is no PDF at all, only its first bytes".getBytes(StandardCharsets.ISO_8859_1);
        RevisionPictures.Pictured pictured = RevisionPictures.plan(summary, pdf, LINKS);
        assertThat(pictured.files()).containsOnlyKeys(RevisionPictures.DOCUMENT);
        assertThat(pictured.summary().signatures().get(0).pictures()).singleElement().satisfies(picture -> {
            assertThat(picture.page()).isEqualTo(1);
            assertThat(picture.current()).endsWith("/signatures/1/pages/1/current.png");
            assertThat(picture.changedAreas()).isEqualTo(RevisionPictures.UNCOUNTED);
        });
    }

    @Test
    void aRevisionThatCannotBeRenderedDrawsNothing() {
        ValidationSummary summary = summary(signature(Verdict.CHANGED_AFTER_SIGNING, 10L, 1));
        byte[] pdf = "%PDF-1.7 this is no PDF at all, only its first bytes".getBytes(StandardCharsets.ISO_8859_1);
        ValidationSummary listed = RevisionPictures.plan(summary, pdf, LINKS).summary();
        assertThat(RevisionPictures.render(listed, 1, 1, pdf)).isEmpty();
        assertThat(RevisionPictures.render(listed, 2, 1, pdf)).isEmpty();
    }

    @Test
    void whatSigningItselfAddsIsNotPictured() {
        FindingSummary later = new FindingSummary("SIGNED_LATER", ModificationLevel.SIGNATURES, List.of(2), WORDS, "");
        SignatureSummary signature = signature(Verdict.VALID, 1000L, later);
        assertThat(RevisionPictures.choosePages(List.of(signature), 9000)).isEmpty();
    }

    private static ValidationSummary summary(SignatureSummary... signatures) {
        return new ValidationSummary("0123456789abcdef0123456789abcdef", "x.pdf", "PDF", Instant.now(), "policy",
                "default", DocumentVerdict.CHANGED_AFTER_SIGNING, WORDS, WORDS, signatures.length, 0, List.of(),
                List.of(signatures), List.of(), Map.of());
    }

    private static SignatureSummary signature(Verdict verdict, Long signedBytes, Integer... pages) {
        return signature(verdict, signedBytes, new FindingSummary("PAGE_CONTENT_CHANGED", ModificationLevel.OTHER,
                List.of(pages), WORDS, "detail"));
    }

    private static SignatureSummary signature(Verdict verdict, Long signedBytes, FindingSummary finding) {
        return new SignatureSummary("S-1", "field", verdict, WORDS, Verdict.VALID, "TOTAL_PASSED", null, null, WORDS,
                "PAdES-BASELINE-B", null, "Jan Peeters", null, null, null, null, false, signedBytes, null,
                ModificationLevel.OTHER, ModificationLevel.FORM_FILLING, List.of(), List.of(finding), List.of(),
                List.of(), List.of(), List.of());
    }

    private static final PlainWords WORDS = new PlainWords("nl", "fr", "en");

    /** A white A4 page at 60 dpi. */
    private static BufferedImage page() {
        BufferedImage page = new BufferedImage(496, 702, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 496, 702);
        g.dispose();
        return page;
    }
}
