package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.PdfA;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Layout: long content flows over pages numbered "pagina X van Y", signature widgets never overlap text
 * (checked against the glyph positions PDFBox extracts, not against the layout's own bookkeeping), and a
 * signature block stays whole on one page.
 */
class TemplateLayoutTest {

    private static final TemplateService SERVICE = TemplateSamples.service();

    @ParameterizedTest
    @EnumSource(Language.class)
    void longClausesFlowOverPagesWithPageNumbers(Language language) throws IOException {
        byte[] pdf = SERVICE.render("lease", language, longLease(7)).content();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).contains(Labels.of(language).text("page.of", page, pages));
            }
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Artikel 40.").contains("Zoë Van den Broeck").contains("€");
        }
        assertThat(PdfA.validate2b(pdf).failures()).isEmpty();
    }

    @Test
    void dutchPageNumbersReadPaginaXVanY() throws IOException {
        try (PDDocument document = Loader.loadPDF(SERVICE.render("lease", Language.NL, longLease(2)).content())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("pagina 1 van " + document.getNumberOfPages())
                    .contains("pagina " + document.getNumberOfPages() + " van " + document.getNumberOfPages());
        }
    }

    @Test
    void signatureWidgetsNeverOverlapTextInAnyTemplateOrLanguage() throws IOException {
        for (String name : TemplateSamples.NAMES) {
            for (Language language : Language.values()) {
                assertWidgetsClearOfText(SERVICE.render(name, language, TemplateSamples.input(name)).content());
            }
        }
        for (int tenants = 1; tenants <= 10; tenants++) { // signature rows land at every height of a page
            assertWidgetsClearOfText(SERVICE.render("lease", Language.FR, longLease(tenants)).content());
        }
    }

    @Test
    void everySignerGetsOneFieldInsideThePageMargins() throws IOException {
        RenderedDocument lease = SERVICE.render("lease", Language.NL, longLease(5));
        assertThat(lease.fieldNames()).containsExactly("tenant-1", "tenant-2", "tenant-3", "tenant-4", "tenant-5",
                "agency");
        try (PDDocument document = Loader.loadPDF(lease.content())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertThat(form.getNeedAppearances()).isFalse();
            assertThat(form.getCOSObject().containsKey("NeedAppearances")).isFalse();
            for (String field : lease.fieldNames()) {
                PDAnnotationWidget widget = form.getField(field).getWidgets().get(0);
                PDRectangle box = widget.getRectangle();
                assertThat(widget.isPrinted()).isTrue();
                assertThat(widget.getNormalAppearanceStream()).isNotNull();
                PDRectangle a4 = PDRectangle.A4;
                assertThat(box.getLowerLeftY()).isGreaterThanOrEqualTo(HtmlPdfRenderer.BOTTOM_MARGIN);
                assertThat(box.getUpperRightY()).isLessThanOrEqualTo(a4.getHeight() - HtmlPdfRenderer.MARGIN);
                assertThat(box.getLowerLeftX()).isGreaterThanOrEqualTo(HtmlPdfRenderer.MARGIN);
                assertThat(box.getUpperRightX()).isLessThanOrEqualTo(a4.getWidth() - HtmlPdfRenderer.MARGIN);
                assertThat(document.getPages().indexOf(widget.getPage())).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws IOException {
        ObjectNode contract = (ObjectNode) TemplateSamples.input("itsme-contract");
        contract.put("name", "Łukasz Wróbel 李");
        byte[] pdf = SERVICE.render("itsme-contract", Language.EN, contract).content();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Łukasz Wróbel ?");
        }
    }

    @Test
    void everyLabelExistsInEveryLanguage() throws IOException {
        Set<String> dutch = keys(Language.NL);
        assertThat(dutch).isNotEmpty();
        for (Language language : Language.values()) {
            assertThat(keys(language)).as(language.tag()).isEqualTo(dutch);
        }
    }

    private static Set<String> keys(Language language) throws IOException {
        Properties properties = new Properties();
        try (var in = Labels.class.getResourceAsStream("labels_" + language.tag() + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new HashSet<>(properties.stringPropertyNames());
    }

    /** A lease with {@code tenants} tenants and 40 articles of special conditions. */
    static ObjectNode longLease(int tenants) {
        ObjectNode lease = (ObjectNode) TemplateSamples.input("lease");
        ArrayNode list = (ArrayNode) lease.get("tenants");
        while (list.size() < tenants) {
            list.add(list.get(list.size() % 2).deepCopy());
        }
        while (list.size() > tenants) {
            list.remove(list.size() - 1);
        }
        StringBuilder clauses = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            clauses.append("Artikel ").append(i).append(". De huurder verbindt zich ertoe de woning, de tuin en de ")
                    .append("gemeenschappelijke delen met zorg te onderhouden, de huisreglementen na te leven en ")
                    .append("elk defect dat onder de verantwoordelijkheid van de verhuurder valt onverwijld te melden.")
                    .append(i % 5 == 0 ? "\nToelichting: zie het huishoudelijk reglement, versie 2026." : "")
                    .append("\n\n");
        }
        lease.put("clauses", clauses.toString());
        return lease;
    }

    /** Fails if any glyph PDFBox extracts on a page intersects a signature widget on that page. */
    private static void assertWidgetsClearOfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int index = 0; index < document.getNumberOfPages(); index++) {
                PDPage page = document.getPage(index);
                List<PDRectangle> widgets = new ArrayList<>();
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationWidget widget) {
                        widgets.add(widget.getRectangle());
                    }
                }
                if (widgets.isEmpty()) {
                    continue;
                }
                float height = page.getMediaBox().getHeight();
                for (float[] glyph : glyphBoxes(document, index + 1)) {
                    for (PDRectangle widget : widgets) {
                        float widgetTop = height - widget.getUpperRightY();
                        float widgetBottom = height - widget.getLowerLeftY();
                        boolean overlaps = glyph[0] < widget.getUpperRightX() && glyph[2] > widget.getLowerLeftX()
                                && glyph[1] < widgetBottom && glyph[3] > widgetTop;
                        assertThat(overlaps).as("glyph at %s overlaps widget %s on page %d",
                                Stream.of(glyph[0], glyph[1], glyph[2], glyph[3]).toList(), widget, index + 1).isFalse();
                    }
                }
            }
        }
    }

    /** Glyph boxes {left, top, right, bottom} in top-down page coordinates. */
    private static List<float[]> glyphBoxes(PDDocument document, int page) throws IOException {
        List<float[]> boxes = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition position : positions) {
                    float baseline = position.getYDirAdj();
                    float top = baseline - position.getFontSizeInPt();
                    float bottom = baseline + position.getFontSizeInPt() * 0.25f; // descenders
                    boxes.add(new float[] {position.getXDirAdj(), top,
                            position.getXDirAdj() + position.getWidthDirAdj(), bottom});
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        assertThat(boxes).as("text found on page %d", page).isNotEmpty();
        return boxes;
    }
}
