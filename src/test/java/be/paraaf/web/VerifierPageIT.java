package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.Browser;
import be.paraaf.support.PdfA;
import be.paraaf.support.PdfUpdates;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
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
    void signedPdfShowsItsVerdictInTheChosenLanguageWithItsReports() throws IOException {
        WebDriver page = open("/verify.html?lang=nl");
        upload(page, signed);

        WebElement card = waitFor(page, By.cssSelector("article.signature"));
        WebElement banner = page.findElement(By.id("verdict"));
        assertThat(banner.getAttribute("data-verdict")).isEqualTo("VALID");
        assertThat(banner.getText()).contains(texts("nl").getString("verdict.label.VALID"),
                texts("nl").getString("verdict.document.VALID"));
        assertThat(card.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Geldig");
        assertThat(card.getText()).contains("Jan Peeters", "85073003328", "PAdES-BASELINE-T", "tenant-1",
                texts("nl").getString("reason.VALID"));
        assertThat(card.findElements(By.cssSelector(".pictures"))).isEmpty();
        assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("verdict");
        screenshot(page, "valid-nl");

        page.findElement(By.cssSelector("nav.languages button[data-lang='fr']")).click();
        assertThat(page.findElement(By.cssSelector("article.signature .verdict")).getText()).isEqualTo("Valide");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Vérifier des signatures");
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(page.findElement(By.id("verdict")).getText()).contains(texts("fr").getString("verdict.document.VALID"));
        page.findElement(By.cssSelector("nav.languages button[data-lang='en']")).click();
        assertThat(page.findElement(By.cssSelector("article.signature")).getText())
                .contains(texts("en").getString("reason.VALID"));
        page.findElement(By.cssSelector("nav.languages button[data-lang='fr']")).click();

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
        assertThat(page.findElement(By.id("verdict")).getAttribute("data-verdict")).isEqualTo("INVALID");
        assertThat(card.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Ongeldig");
        assertThat(card.getText()).containsAnyOf("gewijzigd", "past niet");
    }

    @Test
    void aPdfChangedAfterSigningShowsItFirstWithThePagesAsSignedAndAsNow() throws IOException {
        Path file = signed.resolveSibling("met-tekstvak.pdf");
        Files.write(file, PdfUpdates.coverWithFreeText(Files.readAllBytes(signed), "Huurprijs: EUR 1,00"));

        WebDriver page = open("/verify.html?lang=nl");
        upload(page, file);

        WebElement banner = waitFor(page, By.id("verdict"));
        assertThat(banner.getAttribute("data-verdict")).isEqualTo("CHANGED_AFTER_SIGNING");
        assertThat(banner.findElement(By.tagName("h2")).getText())
                .contains(texts("nl").getString("verdict.label.CHANGED_AFTER_SIGNING"));
        assertThat(banner.getText()).contains(texts("nl").getString("verdict.document.CHANGED_AFTER_SIGNING"));
        WebElement card = page.findElement(By.cssSelector("article.signature"));
        assertThat(card.getAttribute("data-verdict")).isEqualTo("CHANGED_AFTER_SIGNING");
        assertThat(card.findElement(By.cssSelector(".verdict")).getText())
                .isEqualTo(texts("nl").getString("verdict.signature.CHANGED_AFTER_SIGNING"));
        assertThat(card.findElement(By.cssSelector(".reason")).getText())
                .isEqualTo(texts("nl").getString("reason.CHANGED_AFTER_SIGNING"));
        List<WebElement> findings = card.findElements(By.cssSelector("ul.findings li"));
        assertThat(findings).isNotEmpty();
        assertThat(findings).extracting(WebElement::getText).allSatisfy(text -> assertThat(text)
                .doesNotContainPattern("\\d+ \\d+ R|/Annots|/Subtype")); // sentences, not object paths
        WebElement technical = card.findElement(By.cssSelector("details.technical"));
        assertThat(technical.getAttribute("open")).isNull();

        WebElement pictures = card.findElement(By.cssSelector(".pictures"));
        assertThat(pictures.getAttribute("data-page")).isEqualTo("1");
        List<WebElement> images = pictures.findElements(By.tagName("img"));
        assertThat(images).hasSize(2);
        assertThat(images).allSatisfy(image -> assertThat(image.getAttribute("alt")).isNotBlank());
        assertThat(images.get(0).getAttribute("src")).endsWith("/signatures/1/pages/1/signed.png");
        assertThat(images.get(1).getAttribute("src")).endsWith("/signatures/1/pages/1/current.png");
        new WebDriverWait(page, Duration.ofSeconds(10)).until(driver -> images.stream().allMatch(image ->
                Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", image))));
        screenshot(page, "changed-nl");
        assertThat(axeViolations(page)).isEmpty(); // the result too, not only the empty page (AccessibilityIT)

        page.findElement(By.cssSelector("nav.languages button[data-lang='en']")).click();
        banner = page.findElement(By.id("verdict"));
        assertThat(banner.getText()).contains("Changed after signing",
                "The document was changed after it was signed: it no longer shows what was signed.");
        card = page.findElement(By.cssSelector("article.signature"));
        assertThat(card.findElement(By.cssSelector(".reason")).getText())
                .isEqualTo(texts("en").getString("reason.CHANGED_AFTER_SIGNING"));
        assertThat(card.findElement(By.cssSelector("ul.findings")).getText()).contains("After ")
                .doesNotContain("Na de handtekening");
        assertThat(card.findElement(By.cssSelector(".pictures img")).getAttribute("alt")).contains("Page 1");
        ((JavascriptExecutor) page).executeScript("document.querySelector('details.technical').open = true");
        screenshot(page, "changed-en");
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

    /** axe-core's WCAG 2.1 A/AA violations of the page as it is now (as AccessibilityIT runs it). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> axeViolations(WebDriver page) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) page;
        try (InputStream in = VerifierPageIT.class.getResourceAsStream("/axe.min.js")) {
            js.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(result => done(result.violations.map(v => ({ id: v.id, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary).slice(0, 5) }))))
                  .catch(error => done([{ id: 'axe-error', help: String(error) }]));""");
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle("be.paraaf.validation.texts", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Keeps a screenshot of the whole page under target/screenshots/ for a human to look at. */
    @SuppressWarnings("unchecked")
    private static void screenshot(WebDriver page, String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) page;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport",
                true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(directory.resolve("VerifierPageIT-" + name + ".png"),
                Base64.getDecoder().decode((String) shot.get("data")));
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
