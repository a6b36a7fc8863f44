package be.paraaf.prepare;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The normal appearance of an empty signature field: an empty form XObject the size of the widget (PDF/A
 * wants every annotation to have one). It carries every entry the signer's appearance will have with the same
 * value — {@code /Type /XObject /Subtype /Form /FormType 1 /BBox [0 0 w h]} — so that signing the field later only
 * fills the stream and its resources, which DSS's modification detection counts as filling an empty
 * signature field. Without {@code /FormType} DSS sees that entry appear on signing and reports an undefined
 * object modification (modification level OTHER) for every signature made before.
 */
final class EmptyFieldAppearance {

    private EmptyFieldAppearance() {
    }

    static PDAppearanceDictionary of(PDDocument document, PDRectangle widgetRectangle) {
        PDAppearanceStream empty = new PDAppearanceStream(document);
        empty.getCOSObject().setInt(COSName.FORMTYPE, 1);
        empty.setBBox(new PDRectangle(widgetRectangle.getWidth(), widgetRectangle.getHeight()));
        empty.setResources(new PDResources());
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(empty);
        return appearance;
    }
}
