package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.Browser;
import be.paraaf.support.PdfA;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A verifier in a real (headless) Chromium: upload, verdict in plain words, language switch, reports. */
class VerifierPageIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    private static Path signed;

    /** Once per class, but after Spring has started the service (a static @BeforeAll runs before that). */
    @BeforeEach
    void signASample() throws IOException {
        if (signed != null) {
            return;
        }
        Citizen citizen = CLIENT.issueCitizen("Jan", "Peeters", "85073003328");
        byte[] pdf = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen,
                Map.of("level", "B-T", "fieldName", "tenant-1", "consentMethod", "eID"));
        signed = Files.createTempDirectory("verifier-").resolve("huurcontract-ondertekend.pdf");
        Files.write(signed, pdf);
    }

    @Test
    void signedPdfShowsItsVerdictInTheChosenLanguageWithItsReports() {
        WebDriver page = open("/verify.html?lang=nl");
        upload(page, signed);

        WebElement card = waitFor(page, By.cssSelector("article.signature"));
        assertThat(card.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Geldig");
        assertThat(card.getText()).contains("Jan Peeters", "85073003328", "PAdES-BASELINE-T", "tenant-1");

        page.findElement(By.cssSelector("nav.languages button[data-lang='fr']")).click();
        assertThat(page.findElement(By.cssSelector("article.signature .verdict")).getText()).isEqualTo("Valide");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Vérifier des signatures");
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

        String reportLink = page.findElement(By.id("pdf-report")).getAttribute("href");
        assertThat(reportLink).endsWith("lang=fr");
        HttpResponse<byte[]> report = CLIENT.get(reportLink.substring(CLIENT.baseUrl().length()));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("application/pdf");
        PdfA.Verdict verdict = PdfA.validate2b(report.body());
        assertThat(verdict.compliant()).as(verdict.failures().toString()).isTrue();
    }

    @Test
    void changedDocumentIsShownInvalidWithTheReason() throws IOException {
        byte[] tampered = Files.readAllBytes(signed);
        int offset = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("\n%") + 2;
        tampered[offset] ^= 0x01;
        Path file = signed.resolveSibling("gewijzigd.pdf");
        Files.write(file, tampered);

        WebDriver page = open("/verify.html?lang=nl");
        upload(page, file);

        WebElement card = waitFor(page, By.cssSelector("article.signature"));
        assertThat(card.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Ongeldig");
        assertThat(card.getText()).containsAnyOf("gewijzigd", "past niet");
    }

    @Test
    void aFileThatIsNoDocumentGetsAClearMessage() throws IOException {
        Path text = signed.resolveSibling("notities.txt");
        Files.writeString(text, "geen handtekening");

        WebDriver page = open("/verify.html?lang=en");
        upload(page, text);

        WebElement problem = waitFor(page, By.id("problem"));
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).containsIgnoringCase("neither a PDF nor an XML");
    }

    @Test
    void homePageLinksTheVerifierAndFollowsTheBrowserLanguage() {
        WebDriver page = open("/");
        // the browser runs with --lang=nl-BE and nothing stored yet for this page's origin in a fresh profile
        List<WebElement> links = page.findElements(By.cssSelector("a[href='/verify.html']"));
        assertThat(links).isNotEmpty();
        links.get(0).click();
        assertThat(waitFor(page, By.tagName("h1")).getText()).isNotBlank();
        assertThat(page.getCurrentUrl()).endsWith("/verify.html");
    }

    @Test
    void pagesCarryAContentSecurityPolicyThatStillLetsTheApiUiRun() {
        HttpResponse<byte[]> page = CLIENT.get("/verify.html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "frame-ancestors 'none'");
        WebDriver ui = open("/swagger-ui.html");
        assertThat(waitFor(ui, By.cssSelector(".swagger-ui .info .title")).getText()).isNotBlank();
    }

    private static WebDriver open(String path) {
        WebDriver driver = BROWSER.driver();
        driver.get(CLIENT.baseUrl() + path);
        return driver;
    }

    private static void upload(WebDriver page, Path file) {
        page.findElement(By.id("document")).sendKeys(file.toAbsolutePath().toString());
        page.findElement(By.id("submit")).click();
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
