package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.TestDocs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.junit.jupiter.api.Test;

/** The short-cut may skip rendering only when nothing that renders changed; every change must be seen. */
class PageFingerprintsTest {

    private static final byte[] SIGNED_REVISION = TestDocs.read(TestDocs.SAMPLE_CONTRACT);

    @Test
    void samePage_unchangedDocument() throws IOException {
        assertThat(same(SIGNED_REVISION, SIGNED_REVISION, 1)).isTrue();
        assertThat(same(SIGNED_REVISION, SIGNED_REVISION, 2)).isTrue();
    }

    @Test
    void samePage_annotationAddedLaterIsLeftOutAsDssDoes() throws IOException {
        byte[] later = update(SIGNED_REVISION, document -> {
            PDPage page = document.getPage(0);
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(0, 0, 0, 0));
            page.getAnnotations().add(note);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
        assertThat(same(SIGNED_REVISION, later, 1)).isTrue();
    }

    @Test
    void samePage_contentAddedToThePageIsDifferent() throws IOException {
        byte[] later = update(SIGNED_REVISION, document -> {
            PDPage page = document.getPage(0);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 50);
                content.showText("Huur: 1 EUR");
                content.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
        });
        assertThat(same(SIGNED_REVISION, later, 1)).isFalse();
        assertThat(same(SIGNED_REVISION, later, 2)).isTrue();
    }

    @Test
    void samePage_objectReplacedBehindAnUnchangedPageIsDifferent() throws IOException {
        // the "replace" shadow attack: the page dictionary stays, a content stream it points to is rewritten
        byte[] later = update(SIGNED_REVISION, document -> {
            COSStream contents = (COSStream) document.getPage(1).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            try (OutputStream out = contents.createOutputStream()) {
                out.write("BT /F1 12 Tf 50 50 Td (other text) Tj ET".getBytes());
            }
            contents.setNeedToBeUpdated(true);
        });
        assertThat(same(SIGNED_REVISION, later, 2)).isFalse();
    }

    @Test
    void samePage_optionalContentChangeIsDifferent() throws IOException {
        byte[] later = update(SIGNED_REVISION, document -> {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setItem(COSName.OCPROPERTIES, new COSDictionary());
            catalog.setNeedToBeUpdated(true);
        });
        assertThat(same(SIGNED_REVISION, later, 1)).isFalse();
    }

    private interface Change {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] update(byte[] pdf, Change change) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static boolean same(byte[] signed, byte[] last, int page) throws IOException {
        try (PDDocument before = Loader.loadPDF(signed); PDDocument after = Loader.loadPDF(last)) {
            return PageFingerprints.samePage(before, after, page);
        }
    }
}
