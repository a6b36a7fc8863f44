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
        List<WebElement> images = page.findElements(By.cssSelector("#pages img"));
        assertThat(images).hasSize(2);
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> images.stream().allMatch(image ->
                ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", image))
                        .intValue() > 0));

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
    }

    @Test
    void signerDeclinesWithAReasonInFrench() {
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Nina Aerts", newNationalNumber(), "EITHER");

        WebDriver page = open("/sign.html?lang=fr&token=" + request.token());
        waitFor(page, By.id("document-name"));
        assertThat(page.findElement(By.id("decline")).getText()).isEqualTo("Refuser");
        page.findElement(By.id("reason")).sendKeys("Le loyer est erroné");
        page.findElement(By.id("decline")).click();

        assertThat(waitFor(page, By.id("outcome")).getText()).contains("refusé");
        JsonNode state = ServiceClient.json(CLIENT.get("/api/requests/" + request.id(), DemoClients.WOONPUNT_KEY));
        assertThat(state.get("state").asString()).isEqualTo("DECLINED");
    }

    @Test
    void anUnknownLinkSaysSoPlainly() {
        WebDriver page = open("/sign.html?lang=en&token=no-such-link");
        WebElement problem = waitFor(page, By.id("problem"));
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).isNotBlank();
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
