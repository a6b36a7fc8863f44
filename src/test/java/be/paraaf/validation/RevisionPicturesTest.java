package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which areas of a page the pictures frame: clusters of changed pixels, near ones merged, faint noise ignored. */
class RevisionPicturesTest {

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
