package be.paraaf.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Writes the unsigned sample documents in test-docs/. Regenerate with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=be.paraaf.support.SampleDocuments}
 * (or run this class from an IDE). The files are committed so tests and benchmarks read stable bytes.
 */
public final class SampleDocuments {

    /** A two-page contract with empty signature fields "tenant-1" and "agency" on page 2. */
    public static byte[] contract() {
        try (PDDocument document = new PDDocument();
                InputStream fontStream = SampleDocuments.class.getResourceAsStream(
                        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDType0Font font = PDType0Font.load(document, fontStream);
            PDPage first = new PDPage(PDRectangle.A4);
            PDPage second = new PDPage(PDRectangle.A4);
            document.addPage(first);
            document.addPage(second);
            write(document, first, font, List.of("Huurovereenkomst — voorbeeld",
                    "Verhuurder: Sociaal Verhuurkantoor Gent-Zuid",
                    "Huurder: Jan Peeters, rijksregisternummer 85.07.30-033.28",
                    "Adres: Rue de l'Église 12, 1000 Bruxelles — Maître Françoise Lefèvre",
                    "Basishuurprijs: € 612,50 per maand; lasten € 45,00; waarborg € 1.225,00"));
            write(document, second, font, List.of("Handtekeningen / Signatures",
                    "Huurder (tenant-1) en verhuurder (agency) ondertekenen hieronder."));

            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            addSignatureField(document, form, second, "tenant-1", new PDRectangle(60, 520, 220, 70));
            addSignatureField(document, form, second, "agency", new PDRectangle(320, 520, 220, 70));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One page with every kind of active content paraaf reports: a JavaScript OpenAction, a document-level
     * JavaScript name tree entry, a link to a javascript: URI, a Launch action in a page's additional actions,
     * and a harmless https link that must be left alone.
     */
    public static byte[] activeContent() {
        try (PDDocument document = new PDDocument();
                InputStream fontStream = SampleDocuments.class.getResourceAsStream(
                        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDType0Font font = PDType0Font.load(document, fontStream);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            write(document, page, font, List.of("Formulier met actieve inhoud (test)",
                    "Dit document bevat JavaScript en een Launch-actie."));

            PDActionJavaScript open = new PDActionJavaScript("app.alert('paraaf test: OpenAction');");
            document.getDocumentCatalog().setOpenAction(open);

            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(java.util.Map.of("init", new PDActionJavaScript("var paraafTest = 1;")));
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);

            PDAnnotationLink script = new PDAnnotationLink();
            script.setRectangle(new PDRectangle(60, 600, 200, 20));
            PDActionURI javascriptUri = new PDActionURI();
            javascriptUri.setURI("JavaScript:app.alert('paraaf test: link')");
            script.setAction(javascriptUri);
            PDAnnotationLink web = new PDAnnotationLink();
            web.setRectangle(new PDRectangle(60, 560, 200, 20));
            PDActionURI https = new PDActionURI();
            https.setURI("https://www.vlaanderen.be/");
            web.setAction(https);
            page.getAnnotations().add(script);
            page.getAnnotations().add(web);

            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new COSString("calc.exe")));
            PDPageAdditionalActions pageActions = new PDPageAdditionalActions();
            pageActions.setO(launch);
            page.setActions(pageActions);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} blank A4 pages, nothing else. */
    public static byte[] blankPages(int count) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pdf} protected with a user password (AES-128), as a bank statement might be. */
    private static void write(PDDocument document, PDPage page, PDType0Font font, List<String> lines)
            throws IOException {
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(font, 12);
            content.newLineAtOffset(60, 780);
            for (String line : lines) {
                content.showText(line);
                content.newLineAtOffset(0, -20);
            }
            content.endText();
        }
    }

    private static void addSignatureField(PDDocument document, PDAcroForm form, PDPage page, String name,
            PDRectangle rectangle) throws IOException {
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName(name);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(rectangle);
        widget.setPage(page);
        widget.setPrinted(true);
        page.getAnnotations().add(widget);
        form.getFields().add(field);
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "test-docs");
        Files.createDirectories(target);
        Files.write(target.resolve("sample-contract.pdf"), contract());
        Files.write(target.resolve("active-content-javascript-launch.pdf"), activeContent());
    }
}
