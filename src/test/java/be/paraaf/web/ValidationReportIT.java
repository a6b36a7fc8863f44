package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.Multipart;
import be.paraaf.support.PdfA;
import be.paraaf.support.PdfText;
import be.paraaf.support.PdfUpdates;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The readable PDF report and the revision pictures of a validation: the document verdict first, per signature
 * the verdict and reason in the report's language from the validation texts, findings as sentences, the page as
 * signed next to the page now (changes framed in red), all in a PDF/A-2b file.
 */
class ValidationReportIT extends ServiceIT {

    private static byte[] signed;
    private static byte[] changed;

    @BeforeEach
    void signASample() {
        if (signed != null) {
            return;
        }
        Citizen citizen = CLIENT.issueCitizen("Els", "Janssens", "85073003328");
        signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen,
                Map.of("level", "B-T", "fieldName", "tenant-1", "consentMethod", "eID"));
        changed = PdfUpdates.coverWithFreeText(signed, "Huurprijs: EUR 1,00");
    }

    @Test
    void aChangedDocumentHasPicturesOfThePageAsSignedAndAsNowWithTheChangeFramed() throws IOException {
        JsonNode summary = validate(changed, "met-tekstvak.pdf");
        assertThat(summary.get("verdict").asString()).isEqualTo("CHANGED_AFTER_SIGNING");
        JsonNode signature = summary.get("signatures").get(0);
        JsonNode picture = signature.get("pictures").get(0);
        assertThat(picture.get("page").asInt()).isEqualTo(1);
        assertThat(picture.get("changedAreas").asInt()).as("counted when drawn").isEqualTo(-1);

        BufferedImage before = png(CLIENT.get(picture.get("signed").asString()));
        BufferedImage after = png(CLIENT.get(picture.get("current").asString()));
        assertThat(after.getWidth()).isEqualTo(before.getWidth()).isBetween(400, 600); // A4 at 60 dpi: 496
        assertThat(redPixels(before)).isZero();
        assertThat(redPixels(after)).isGreaterThan(200);

        assertThat(CLIENT.get(picture.get("current").asString().replace("current.png", "other.png")).statusCode())
                .isEqualTo(404);
        assertThat(CLIENT.get(picture.get("current").asString().replace("/pages/1/", "/pages/7/")).statusCode())
                .isEqualTo(404);
        assertThat(CLIENT.get("/api/validations/0123456789abcdef0123456789abcdef/signatures/1/pages/1/signed.png")
                .statusCode()).isEqualTo(404);

        byte[] report = report(summary, "nl");
        save(report, "changed-nl");
        String text = PdfText.of(report).replaceAll("\\s+", " ");
        assertThat(text).contains(words("nl", "verdict.document.CHANGED_AFTER_SIGNING"),
                words("nl", "reason.CHANGED_AFTER_SIGNING"), words("nl", "verdict.signature.CHANGED_AFTER_SIGNING"),
                "Pagina 1 zoals ondertekend", "Pagina 1 nu, wijzigingen rood omkaderd");
        assertThat(text).contains(signature.get("findings").get(0).get("text").get("nl").asString()
                .replaceAll("\\s+", " "));
        assertThat(text).doesNotContain(words("en", "reason.CHANGED_AFTER_SIGNING"), "The signature", "After ")
                .doesNotContainPattern("\\d+ \\d+ R\\b|/Annots|/Subtype");
        assertThat(imagesOnPages(report)).isGreaterThanOrEqualTo(2);
        PdfA.Verdict verdict = PdfA.validate2b(report);
        assertThat(verdict.compliant()).as(verdict.failures().toString()).isTrue();

        String english = PdfText.of(report(summary, "en")).replaceAll("\\s+", " ");
        assertThat(english).contains(words("en", "verdict.document.CHANGED_AFTER_SIGNING"), "Page 1 as signed")
                .doesNotContain(words("nl", "reason.CHANGED_AFTER_SIGNING"));
    }

    @Test
    void aValidDocumentsReportSaysSoInDutchWithoutPictures() throws IOException {
        JsonNode summary = validate(signed, "ondertekend.pdf");
        assertThat(summary.get("verdict").asString()).isEqualTo("VALID");
        assertThat(summary.get("signatures").get(0).get("pictures")).isEmpty();

        byte[] report = report(summary, "nl");
        save(report, "valid-nl");
        String text = PdfText.of(report).replaceAll("\\s+", " ");
        assertThat(text).contains(words("nl", "verdict.document.VALID"), words("nl", "reason.VALID"),
                words("nl", "verdict.label.VALID"));
        assertThat(text).doesNotContain(words("en", "reason.VALID"), "The signature is valid");
        assertThat(imagesOnPages(report)).isZero();
        PdfA.Verdict verdict = PdfA.validate2b(report);
        assertThat(verdict.compliant()).as(verdict.failures().toString()).isTrue();
    }

    private static JsonNode validate(byte[] pdf, String name) {
        HttpResponse<byte[]> response = CLIENT.post("/api/validations",
                new Multipart().file("document", name, "application/pdf", pdf));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return ServiceClient.json(response);
    }

    private static byte[] report(JsonNode summary, String language) {
        HttpResponse<byte[]> response = CLIENT.get(summary.get("reports").get("pdf").asString() + "?lang=" + language);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String words(String language, String key) {
        return ResourceBundle.getBundle("be.paraaf.validation.texts", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    private static BufferedImage png(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    /** Pixels of the frame colour (pure, strong red: nothing else on the sample contract is). */
    private static int redPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb >> 16 & 0xFF) > 180 && (rgb >> 8 & 0xFF) < 40 && (rgb & 0xFF) < 40) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int imagesOnPages(byte[] pdf) throws IOException {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The report under target/reports/ for a human to look at (pdftoppm -png turns it into pictures). */
    private static void save(byte[] pdf, String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "reports"));
            Files.write(directory.resolve("ValidationReportIT-" + name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
