package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.validation.PdfRevisions.Entry;
import be.paraaf.validation.PdfRevisions.EntryKind;
import be.paraaf.validation.PdfRevisions.Revision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** The raw reading of revisions: classic tables, compressed cross-reference streams, updates, stray bytes. */
class PdfRevisionsTest {

    @Test
    void classicTableAndIncrementalUpdate_entriesAsWritten() throws IOException {
        byte[] original = pdf(CompressParameters.NO_COMPRESSION);
        byte[] updated = addPage(original);

        PdfRevisions revisions = PdfRevisions.read(updated);
        assertThat(revisions.revisions()).hasSize(2);
        Revision first = revisions.revisions().get(0);
        Revision update = revisions.revisions().get(1);
        assertThat(first.xrefReadable()).isTrue();
        assertThat(update.xrefReadable()).isTrue();
        assertThat(first.end()).isEqualTo(original.length);
        assertThat(update.start()).isEqualTo(original.length);
        // every object the update writes lies in the update's own bytes, under its own header
        for (Entry entry : update.entries().values()) {
            if (entry.kind() == EntryKind.IN_USE) {
                assertThat(entry.offset()).isGreaterThanOrEqualTo(update.start());
                assertThat(revisions.objectHeaderAt(entry.offset(), entry.number(), entry.generation())).isTrue();
            }
        }
        assertThat(revisions.endingAt(original.length)).contains(first);
        assertThat(revisions.endingAt(original.length - 20)).isEmpty();
        assertThat(revisions.hasTrailingData()).isFalse();
    }

    @Test
    void compressedCrossReferenceStream_isDecodedWithItsPredictor() throws IOException {
        byte[] compressed = pdf(CompressParameters.DEFAULT_COMPRESSION);
        assertThat(new String(compressed, StandardCharsets.ISO_8859_1)).contains("/XRef");

        PdfRevisions revisions = PdfRevisions.read(compressed);
        Revision only = revisions.revisions().get(0);
        assertThat(only.xrefReadable()).isTrue();
        Map<Integer, Entry> entries = only.entries();
        assertThat(entries.values()).anyMatch(entry -> entry.kind() == EntryKind.COMPRESSED);
        for (Entry entry : entries.values()) {
            if (entry.kind() == EntryKind.IN_USE) {
                assertThat(revisions.objectHeaderAt(entry.offset(), entry.number(), entry.generation()))
                        .as("object %d at %d", entry.number(), entry.offset()).isTrue();
            }
        }
    }

    @Test
    void bytesAfterTheLastEofAreTrailingData_whiteSpaceIsNot() throws IOException {
        byte[] original = pdf(CompressParameters.NO_COMPRESSION);
        assertThat(PdfRevisions.read(concat(original, "\r\n\0 ")).hasTrailingData()).isFalse();
        assertThat(PdfRevisions.read(concat(original, "\n99 0 obj\n(forged)\nendobj\n")).hasTrailingData()).isTrue();
    }

    @Test
    void anUpdateWithoutCrossReference_hasNoStartxref() throws IOException {
        byte[] original = pdf(CompressParameters.NO_COMPRESSION);
        byte[] update = concat(original, "99 0 obj\n(forged)\nendobj\ntrailer\n<</Size 100>>\n%%EOF\n");
        Revision last = PdfRevisions.read(update).revisions().get(1);
        assertThat(last.startxref()).isEqualTo(-1);
        assertThat(last.xrefReadable()).isFalse();
    }

    @Test
    void startxrefIntoNowhere_isAnUnreadableRevision() throws IOException {
        byte[] original = pdf(CompressParameters.NO_COMPRESSION);
        byte[] update = concat(original, "trailer\n<</Size 3>>\nstartxref\n12\n%%EOF\n");
        assertThat(PdfRevisions.read(update).revisions().get(1).xrefReadable()).isFalse();
    }

    private static byte[] pdf(CompressParameters compression) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, compression);
            return out.toByteArray();
        }
    }

    private static byte[] addPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = new PDPage();
            document.addPage(page);
            page.getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] pdf, String tail) {
        byte[] more = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] result = Arrays.copyOf(pdf, pdf.length + more.length);
        System.arraycopy(more, 0, result, pdf.length, more.length);
        return result;
    }
}
