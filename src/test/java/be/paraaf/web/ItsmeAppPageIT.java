package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Browser;
import be.paraaf.support.DemoData;
import be.paraaf.support.PdfText;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The itsme app simulator page in headless Chromium: enrols with a WebCrypto P-256 device key, receives a
 * signing consent with the verification code the signer page shows, refuses a wrong code (attempts left) and
 * approves with the right one — the request completes. In dev mode the page activates a fresh account itself and
 * offers the demo citizens' seeded phones.
 */
class ItsmeAppPageIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE = "86420";

    @Test
    void enrolReceiveTheConsentAndApproveWithTheCode() {
        String nrn = NationalRegisterNumber.withCheck(String.format("5%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
        WebDriver page = enrolAndActivate(nrn);

        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Kobe Jacobs", nrn, "ITSME");
        HttpResponse<byte[]> started = CLIENT.postJson("/api/sign/" + request.token() + "/itsme", "");
        assertThat(started.statusCode()).as(TwoStepFlow.body(started)).isEqualTo(202);
        String shownToSigner = ServiceClient.json(started).get("verificationCode").asString();

        WebElement consent = waitFor(page, By.cssSelector("form.consent"));
        assertThat(consent.findElement(By.cssSelector(".verification-code")).getText()).isEqualTo(shownToSigner);
        assertThat(consent.getText()).contains("Huurcontract");

        consent.findElement(By.cssSelector(".secret-code")).sendKeys("00000");
        consent.findElement(By.cssSelector("button.approve")).click();
        assertThat(waitFor(page, By.id("problem")).getText()).contains("4");

        WebElement code = page.findElement(By.cssSelector("form.consent .secret-code"));
        code.clear();
        code.sendKeys(CODE);
        page.findElement(By.cssSelector("form.consent button.approve")).click();
        assertThat(waitFor(page, By.id("outcome")).getText()).isEqualTo("Bevestigd.");

        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> "COMPLETED".equals(ServiceClient.json(
                CLIENT.get("/api/requests/" + request.id(), DemoClients.WOONPUNT_KEY)).get("state").asString()));
    }

    @Test
    void demoCitizenButtonLoadsTheSeededPhoneAndApprovesWithTheDemoCode() {
        JsonNode juergen = DemoData.citizens(CLIENT).get(2);
        String nrn = juergen.get("nationalRegisterNumber").asString();
        WebDriver page = BROWSER.driver();
        page.get(CLIENT.baseUrl() + "/itsme-app.html?lang=nl");
        assertThat(waitFor(page, By.id("demo-help")).getText()).contains(DemoCitizens.ITSME_CODE);
        waitFor(page, By.cssSelector("button.demo-citizen[data-nrn='" + nrn + "']")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("account-id"),
                juergen.get("itsme").get("accountId").asString()));

        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, juergen.get("name").asString(), nrn, "ITSME");
        HttpResponse<byte[]> started = CLIENT.postJson("/api/sign/" + request.token() + "/itsme", "");
        assertThat(started.statusCode()).as(TwoStepFlow.body(started)).isEqualTo(202);
        String consentId = ServiceClient.json(started).get("consentId").asString();

        WebElement consent = waitFor(page, By.cssSelector("form.consent[data-consent='" + consentId + "']"));
        assertThat(consent.findElement(By.cssSelector(".verification-code")).getText())
                .isEqualTo(ServiceClient.json(started).get("verificationCode").asString());
        consent.findElement(By.cssSelector(".secret-code")).sendKeys(DemoCitizens.ITSME_CODE);
        consent.findElement(By.cssSelector("button.approve")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("outcome"),
                "Bevestigd."));
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> "COMPLETED".equals(DemoData.state(CLIENT,
                request.id())));
    }

    @Test
    void fiveWrongCodesLockTheAccountAndTheDemoUnlockFreesIt() {
        String nrn = NationalRegisterNumber.withCheck(String.format("4%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
        WebDriver page = enrolAndActivate(nrn);
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Kobe Jacobs", nrn, "ITSME");
        assertThat(CLIENT.postJson("/api/sign/" + request.token() + "/itsme", "").statusCode()).isEqualTo(202);
        for (int attempt = 1; attempt <= 5; attempt++) {
            WebElement code = waitFor(page, By.cssSelector("form.consent .secret-code"));
            code.clear();
            code.sendKeys("00000");
            page.findElement(By.cssSelector("form.consent button.approve")).click();
            int left = 5 - attempt;
            if (left > 0) {
                new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("problem"), "nog " + left + " pogingen"));
            }
        }
        WebElement locked = waitFor(page, By.id("locked"));
        assertThat(locked.getText()).contains("geblokkeerd");
        assertThat(page.findElements(By.cssSelector("form.consent"))).isEmpty();
        // a locked account gets no consent: the signer is told so
        HttpResponse<byte[]> refused = CLIENT.postJson("/api/sign/" + request.token() + "/itsme", "");
        assertThat(refused.statusCode()).as(TwoStepFlow.body(refused)).isEqualTo(423);

        page.navigate().refresh();
        waitFor(page, By.id("unlock")).click();
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("outcome"),
                "Gedeblokkeerd."));
        assertThat(page.findElement(By.id("locked")).isDisplayed()).isFalse();
        assertThat(CLIENT.postJson("/api/sign/" + request.token() + "/itsme", "").statusCode()).isEqualTo(202);
        WebElement code = waitFor(page, By.cssSelector("form.consent .secret-code"));
        code.sendKeys(CODE);
        page.findElement(By.cssSelector("form.consent button.approve")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> "COMPLETED".equals(DemoData.state(CLIENT,
                request.id())));
    }

    @Test
    void aNewAccountBecomesActiveWhenTheAgentSignsTheContractWithTheEid() {
        String nrn = NationalRegisterNumber.withCheck(String.format("3%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
        WebDriver page = enrol(nrn);
        String command = waitFor(page, By.id("confirm-command")).getText();
        String prefix = "java -jar paraaf.jar eid-agent sign --link ";
        assertThat(command).startsWith(prefix + CLIENT.baseUrl() + "/api/itsme/enrolments/").endsWith("/contract?lang=nl");

        // the same link opens the contract to read first: the enrolled number, the name left to the card
        String contractUrl = page.findElement(By.id("contract-link")).getAttribute("href");
        assertThat(contractUrl).isEqualTo(command.substring(prefix.length()));
        HttpResponse<byte[]> contract = CLIENT.get(contractUrl.substring(CLIENT.baseUrl().length()));
        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(contract.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(PdfText.of(contract.body())).contains(NationalRegisterNumber.parse(nrn).formatted(),
                "(de naam op uw eID-kaart)");

        // what `eid-agent sign --link` does with the card (ItsmeEnrolmentIT runs the real agent)
        ServiceClient.Citizen card = CLIENT.issueCitizen("Kobe", "Jacobs", nrn);
        String link = command.substring(prefix.length() + CLIENT.baseUrl().length());
        HttpResponse<byte[]> prepared = CLIENT.post(link.replace("/contract?", "/contract/eid/prepare?"),
                new be.paraaf.support.Multipart().file("certificateChain", "chain.pem", "application/x-pem-file",
                        TwoStepFlow.pem(card.chain())));
        assertThat(prepared.statusCode()).as(TwoStepFlow.body(prepared)).isEqualTo(201);
        JsonNode json = ServiceClient.json(prepared);
        byte[] value = TwoStepFlow.sign(java.util.Base64.getDecoder().decode(json.get("dataToSign").asString()),
                json.get("signatureAlgorithm").asString(), card.signatureKey());
        HttpResponse<byte[]> completed = CLIENT.postJson(json.get("completeUrl").asString(), "{\"handle\":\""
                + json.get("handle").asString() + "\",\"signatureValue\":\""
                + java.util.Base64.getEncoder().encodeToString(value) + "\"}");
        assertThat(completed.statusCode()).as(TwoStepFlow.body(completed)).isEqualTo(200);
        assertThat(ServiceClient.json(completed).get("state").asString()).isEqualTo("ACTIVE");

        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("outcome"),
                "Geactiveerd: u kunt nu bevestigen."));
        assertThat(page.findElement(By.id("eid-confirmation")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("dev-activation")).isDisplayed()).isFalse();
    }

    /** A fresh phone on the app page, activated with the page's dev button. */
    private static WebDriver enrolAndActivate(String nrn) {
        WebDriver page = enrol(nrn);
        // dev mode: the page activates the new account itself, without the eID contract
        waitFor(page, By.id("given-name")).sendKeys("Kobe");
        page.findElement(By.id("surname")).sendKeys("Jacobs");
        page.findElement(By.id("activate")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("outcome"),
                "Geactiveerd: u kunt nu bevestigen."));
        assertThat(page.findElement(By.id("dev-activation")).isDisplayed()).isFalse();
        return page;
    }

    /** A fresh phone on the app page, enrolled with {@link #CODE}: waiting for the eID confirmation. */
    private static WebDriver enrol(String nrn) {
        WebDriver page = BROWSER.driver();
        page.get(CLIENT.baseUrl() + "/itsme-app.html?lang=nl");
        // forget a device an earlier test loaded (the browser profile is shared)
        ((JavascriptExecutor) page).executeScript("localStorage.removeItem('paraaf.itsme-app')");
        page.navigate().refresh();
        waitFor(page, By.id("phone")).sendKeys("+32475" + nrn.substring(5, 11));
        page.findElement(By.id("nrn")).sendKeys(nrn);
        page.findElement(By.id("new-code")).sendKeys(CODE);
        page.findElement(By.id("enrol-submit")).click();

        assertThat(waitFor(page, By.id("account-id")).getText()).isNotBlank();
        return page;
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(40)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
