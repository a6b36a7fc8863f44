package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Browser;
import be.paraaf.support.DemoData;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** A signer on their personal link, in headless Chromium: reads the pages, signs with itsme, or declines. */
class SignerPageIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE = "97531";

    @TempDir
    Path dir;

    @Test
    void signerReadsThePagesAndSignsWithItsmeSeeingTheSameCodeAsTheApp() {
        String nrn = newNationalNumber();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32474" + nrn.substring(5, 11), nrn, CODE, dir.resolve("a"));
        HttpResponse<byte[]> activated = CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"Nina\",\"surname\":\"Aerts\"}");
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Nina Aerts", nrn, "EITHER");

        WebDriver page = open("/sign.html?lang=nl&token=" + request.token());
        assertThat(waitFor(page, By.id("document-name")).getText()).isEqualTo("contract.pdf");
        assertThat(page.findElement(By.id("title")).getText()).isEqualTo("Huurcontract");
        WebElement download = page.findElement(By.id("download"));
        assertThat(download.getText()).isEqualTo("Het document downloaden (PDF)");
        assertThat(pdfBehind(page, download)).startsWith("%PDF");
        List<WebElement> images = page.findElements(By.cssSelector("#pages img"));
        assertThat(images).hasSize(2);
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> images.stream().allMatch(image ->
                ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", image))
                        .intValue() > 0));

        assertThat(page.findElement(By.id("role")).getText()).isEqualTo("Huurder — Nina Aerts");

        // zoom: the same pages, wider and rendered at a higher resolution (keyboard: + on the page box)
        int fitted = naturalWidth(page, images.get(0));
        page.findElement(By.id("zoom-in")).click();
        page.findElement(By.id("pages")).sendKeys("+");
        assertThat(page.findElement(By.id("zoom-level")).getText()).isEqualTo("200 %");
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> {
            List<WebElement> zoomed = driver.findElements(By.cssSelector("#pages img"));
            return zoomed.size() == 2 && zoomed.stream().allMatch(image -> naturalWidth(driver, image) > fitted);
        });
        page.findElement(By.id("zoom-fit")).click();
        assertThat(page.findElement(By.id("zoom-level")).getText()).isEqualTo("100 %");

        page.findElement(By.id("itsme")).click();
        String shown = new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> {
            String code = driver.findElement(By.id("code")).getText();
            return code.isBlank() ? null : code;
        });
        ItsmeApp.Pending pending = app.pending(10).get(0);
        assertThat(pending.verificationCode()).isEqualTo(shown);
        app.approve(pending.consentId(), CODE);

        assertThat(waitFor(page, By.id("outcome")).getText()).contains("ondertekend");
        JsonNode state = ServiceClient.json(CLIENT.get("/api/requests/" + request.id(), DemoClients.WOONPUNT_KEY));
        assertThat(state.get("state").asString()).isEqualTo("COMPLETED");
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("download"),
                "Het ondertekende document downloaden (PDF)"));
        byte[] agencyCopy = CLIENT.get("/api/requests/" + request.id() + "/document", DemoClients.WOONPUNT_KEY).body();
        assertThat(pdfBehind(page, page.findElement(By.id("download")))).as("the signed PDF, as the agency has it")
                .isEqualTo("%PDF " + agencyCopy.length);
    }

    @Test
    void aSignerWhoseTurnHasNotComeSeesNoActions() {
        String first = newNationalNumber();
        String second = newNationalNumber();
        HttpResponse<byte[]> uploaded = CLIENT.post("/api/documents", new be.paraaf.support.Multipart().file("document",
                "contract.pdf", "application/pdf", be.paraaf.support.TestDocs.read(be.paraaf.support.TestDocs.SAMPLE_CONTRACT)),
                DemoClients.WOONPUNT_KEY);
        String documentId = ServiceClient.json(uploaded).get("id").asString();
        JsonNode created = ServiceClient.json(CLIENT.postJson("/api/requests", """
                {"documentId":"%s","title":"Huurcontract","signatureLevel":"B-T","signers":[
                 {"role":"tenant","name":"Nina Aerts","nationalRegisterNumber":"%s","fieldName":"tenant-1","step":1},
                 {"role":"agency","name":"Jérôme Maës","nationalRegisterNumber":"%s","fieldName":"agency","step":2}]}"""
                .formatted(documentId, first, second), DemoClients.WOONPUNT_KEY));
        CLIENT.postJson("/api/requests/" + created.get("id").asString() + "/start", "", DemoClients.WOONPUNT_KEY);

        WebDriver page = open("/sign.html?lang=en&token=" + created.get("signerLinks").get(1).get("token").asString());
        assertThat(waitFor(page, By.id("turn")).getText()).isEqualTo("It is not your turn yet: you will be told as soon "
                + "as you can sign.");
        assertThat(page.findElement(By.id("actions")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("download")).isDisplayed()).as("the document can be read already").isTrue();
    }

    @Test
    void signerDeclinesWithAReasonInFrench() {
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Nina Aerts", newNationalNumber(), "EITHER");

        WebDriver page = open("/sign.html?lang=fr&token=" + request.token());
        waitFor(page, By.id("document-name"));
        assertThat(page.findElement(By.id("decline")).getText()).isEqualTo("Refuser");
        // no reason: said next to the button, in French, and nothing is sent
        page.findElement(By.id("decline")).click();
        assertThat(waitFor(page, By.id("decline-error")).getText()).isEqualTo("Indiquez une raison : l’expéditeur la verra.");
        assertThat(DemoData.state(CLIENT, request.id())).isEqualTo("IN_PROGRESS");
        // a reason, then a second thought: cancelling the confirmation sends nothing either
        page.findElement(By.id("reason")).sendKeys("Le loyer est erroné");
        page.findElement(By.id("decline")).click();
        assertThat(waitFor(page, By.id("decline-question")).getText()).startsWith("En êtes-vous sûr ?");
        page.findElement(By.id("decline-cancel")).click();
        assertThat(DemoData.state(CLIENT, request.id())).isEqualTo("IN_PROGRESS");
        page.findElement(By.id("decline")).click();
        waitFor(page, By.id("decline-confirm")).click();

        assertThat(waitFor(page, By.id("outcome")).getText()).contains("refusé");
        JsonNode state = ServiceClient.json(CLIENT.get("/api/requests/" + request.id(), DemoClients.WOONPUNT_KEY));
        assertThat(state.get("state").asString()).isEqualTo("DECLINED");
        assertThat(state.get("signers").get(0).get("declineReason").asString()).isEqualTo("Le loyer est erroné");
        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + request.id() + "/audit",
                DemoClients.WOONPUNT_KEY));
        assertThat(audit.toString()).contains("signer.declined", "Le loyer est erron");
    }

    /** A page image is bounded: a resolution beyond the cap is a 400 problem, never a render that fills the heap. */
    @Test
    void aHugeResolutionIsRefusedInWords() {
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Nina Aerts", newNationalNumber(), "EITHER");
        for (String dpi : List.of("201", "100000", "2147483647", "-5", "abc")) {
            HttpResponse<byte[]> answer = CLIENT.get("/api/sign/" + request.token() + "/pages/1.png?dpi=" + dpi);
            assertThat(answer.statusCode()).as("dpi=" + dpi).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
        }
        HttpResponse<byte[]> highest = CLIENT.get("/api/sign/" + request.token() + "/pages/1.png?dpi=200");
        assertThat(highest.statusCode()).isEqualTo(200);
    }

    /** Once the request has ended, the page stops asking: no more requests for the signer's state. */
    @Test
    void theSignerPageStopsFollowingADeclinedRequest() throws InterruptedException {
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Nina Aerts", newNationalNumber(), "EITHER");
        WebDriver page = open("/sign.html?lang=en&token=" + request.token());
        waitFor(page, By.id("document-name"));
        JavascriptExecutor js = (JavascriptExecutor) page;
        js.executeScript("window.asked = 0; const original = window.fetch; window.fetch = (url, options) => {"
                + " if (String(url).endsWith(arguments[0])) window.asked++; return original(url, options); };",
                request.token());
        page.findElement(By.id("reason")).sendKeys("wrong rent");
        page.findElement(By.id("decline")).click();
        waitFor(page, By.id("decline-confirm")).click();
        assertThat(waitFor(page, By.id("outcome")).getText()).contains("declined");
        Thread.sleep(3000);
        long settled = ((Number) js.executeScript("return window.asked")).longValue();
        Thread.sleep(5000);
        assertThat(((Number) js.executeScript("return window.asked")).longValue()).as("state requests after the end")
                .isEqualTo(settled);
    }

    @Test
    void anUnknownLinkSaysSoPlainly() {
        WebDriver page = open("/sign.html?lang=en&token=no-such-link");
        WebElement problem = waitFor(page, By.id("problem"));
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).isNotBlank();
    }

    /** What the page's link downloads, fetched by the page itself: "&lt;first 4 bytes&gt; &lt;length&gt;". */
    private static String pdfBehind(WebDriver page, WebElement link) {
        Object text = ((JavascriptExecutor) page).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(String.fromCharCode("
                + "...new Uint8Array(b.slice(0, 4))) + ' ' + b.byteLength), e => done(String(e)));",
                link.getAttribute("href"));
        return String.valueOf(text);
    }

    private static int naturalWidth(WebDriver page, WebElement image) {
        return ((Number) ((JavascriptExecutor) page).executeScript("return arguments[0].naturalWidth", image)).intValue();
    }

    private static WebDriver open(String path) {
        WebDriver driver = BROWSER.driver();
        driver.get(CLIENT.baseUrl() + path);
        return driver;
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static String newNationalNumber() {
        return NationalRegisterNumber.withCheck(String.format("6%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
    }
}
