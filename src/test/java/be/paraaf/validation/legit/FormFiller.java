package be.paraaf.validation.legit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * What a form author and a form filler do to a PDF with PDFBox, each as an incremental update: add a text
 * field before anyone signs, fill it in after a certification that allows form filling (PDFBox regenerates the
 * field's appearance, as a viewer would), and add a comment (a sticky note) where annotations are allowed.
 */
public final class FormFiller {

    private FormFiller() {
    }

    /** Adds an empty text field {@code name} on page {@code page} (1-based) at a rectangle in PDF user space. */
    public static byte[] addTextField(byte[] pdf, int page, String name, PDRectangle rectangle) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                form = new PDAcroForm(document);
                document.getDocumentCatalog().setAcroForm(form);
            }
            PDResources resources = form.getDefaultResources();
            if (resources == null) {
                resources = new PDResources();
                form.setDefaultResources(resources);
            }
            resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultAppearance("/Helv 0 Tf 0 g");
            PDPage target = document.getPage(page - 1);
            PDTextField field = new PDTextField(form);
            field.setPartialName(name);
            field.setDefaultAppearance("/Helv 10 Tf 0 g");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(rectangle);
            widget.setPage(target);
            widget.setPrinted(true);
            target.getAnnotations().add(widget);
            form.getFields().add(field);
            field.setValue("");
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            target.getCOSObject().setNeedToBeUpdated(true);
            return saveIncremental(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills text field {@code name} with {@code value}; PDFBox regenerates its appearance stream. */
    public static byte[] fill(byte[] pdf, String name, String value) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            PDTextField field = (PDTextField) form.getField(name);
            field.setValue(value);
            field.getCOSObject().setNeedToBeUpdated(true);
            for (PDAnnotationWidget widget : field.getWidgets()) {
                widget.getCOSObject().setNeedToBeUpdated(true);
                if (widget.getAppearance() != null) {
                    widget.getAppearance().getCOSObject().setNeedToBeUpdated(true);
                }
            }
            return saveIncremental(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a sticky note with {@code text} at the top-left of page {@code page} (1-based). */
    public static byte[] comment(byte[] pdf, int page, String author, String text) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage target = document.getPage(page - 1);
            PDAnnotationText note = new PDAnnotationText();
            PDRectangle box = target.getMediaBox();
            note.setRectangle(new PDRectangle(box.getLowerLeftX() + 20, box.getUpperRightY() - 44, 20, 20));
            note.setContents(text);
            note.setTitlePopup(author);
            note.setModifiedDate(Calendar.getInstance());
            note.setPrinted(true);
            note.setPage(target);
            note.constructAppearances(document);
            target.getAnnotations().add(note);
            target.getCOSObject().setNeedToBeUpdated(true);
            if (target.getCOSObject().getItem(COSName.ANNOTS) != null) {
                target.getCOSObject().getCOSArray(COSName.ANNOTS).setNeedToBeUpdated(true);
            }
            return saveIncremental(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] saveIncremental(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.saveIncremental(out);
        return out.toByteArray();
    }
}
