package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Browser;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The whole lease across the pages, in two headless Chromium instances (the agency's desktop and the tenant's
 * phone): the agency fills, previews and sends the lease; the tenant opens their link, chooses itsme and
 * approves on the itsme app page with the code shown on both; the representative opens theirs, chooses the
 * eID and the page follows the agent's signature; the agency page sees it completed. The lease holds two
 * valid signatures for DSS and pdfsig.
 */
class LeaseFlowPagesIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser DESKTOP = new Browser();

    @RegisterExtension
    @AutoClose
    static final Browser PHONE = new Browser();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE = "97531";

    @TempDir
    Path dir;

    @Test
    void agencySendsTenantSignsWithTheItsmeAppRepresentativeWithTheEid() {
        String tenant = bornIn1990s();
        String representative = bornIn1990s();
        Citizen representativeCard = CLIENT.issueCitizen("Jérôme", "Maës", representative);

        // the tenant's phone: the itsme app page, enrolled and activated (dev: no eID contract)
        WebDriver phone = PHONE.driver();
        phone.get(CLIENT.baseUrl() + "/itsme-app.html?lang=nl");
        waitFor(phone, By.id("phone")).sendKeys("+32478" + tenant.substring(5, 11));
        phone.findElement(By.id("nrn")).sendKeys(tenant);
        phone.findElement(By.id("new-code")).sendKeys(CODE);
        phone.findElement(By.id("enrol-submit")).click();
        String accountId = waitFor(phone, By.id("account-id")).getText();
        HttpResponse<byte[]> activated = CLIENT.postJson("/api/dev/itsme/accounts/" + accountId + "/activation",
                "{\"nationalRegisterNumber\":\"" + tenant + "\",\"givenName\":\"Zoë\",\"surname\":\"Van den Broeck\"}");
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);

        // the agency's desktop: fill, preview, send
        WebDriver desktop = DESKTOP.driver();
        desktop.get(CLIENT.baseUrl() + "/agency.html?lang=nl");
        new WebDriverWait(desktop, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("api-key"),
                "value", DemoClients.WOONPUNT_KEY));
        desktop.findElement(By.id("sample")).click();
        // in dev the sample names the demo citizens (two tenants); this lease has one tenant with a fresh identity
        List<WebElement> rows = new WebDriverWait(desktop, Duration.ofSeconds(20)).until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#tenants .tenant"));
            return found.size() == 2 ? found : null;
        });
        rows.get(1).findElement(By.className("remove-tenant")).click();
        WebElement row = rows.get(0);
        WebElement nrn = row.findElement(By.className("tenant-nrn"));
        nrn.clear();
        nrn.sendKeys(tenant);
        ((JavascriptExecutor) desktop).executeScript("arguments[0].value = arguments[1]",
                row.findElement(By.className("tenant-birth")), birthDate(tenant));
        new Select(row.findElement(By.className("tenant-method"))).selectByValue("ITSME");
        WebElement representativeNrn = desktop.findElement(By.id("agency-representative-nrn"));
        representativeNrn.clear();
        representativeNrn.sendKeys(representative);
        desktop.findElement(By.id("preview")).click();
        waitFor(desktop, By.cssSelector("#pages img.page"));
        desktop.findElement(By.id("send")).click();
        List<WebElement> links = new WebDriverWait(desktop, Duration.ofSeconds(30)).until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#signers a.signer-link"));
            return found.size() == 2 ? found : null;
        });
        String tenantLink = links.get(0).getAttribute("href");
        String representativeLink = links.get(1).getAttribute("href");
        String agencyWindow = desktop.getWindowHandle();

        // the tenant opens the link (on the desktop), chooses itsme, approves on the phone with the same code
        desktop.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        desktop.get(tenantLink + "&lang=nl");
        WebElement itsme = waitFor(desktop, By.id("itsme"));
        assertThat(desktop.findElement(By.id("eid")).isDisplayed()).as("ITSME only: no eID button").isFalse();
        itsme.click();
        String code = waitFor(desktop, By.id("code")).getText();
        WebElement consent = waitFor(phone, By.cssSelector("form.consent"));
        assertThat(consent.findElement(By.cssSelector(".verification-code")).getText()).isEqualTo(code);
        consent.findElement(By.cssSelector(".secret-code")).sendKeys(CODE);
        consent.findElement(By.cssSelector("button.approve")).click();
        new WebDriverWait(phone, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("outcome"),
                "Bevestigd."));
        assertThat(waitFor(desktop, By.id("outcome")).getText()).isEqualTo("U hebt dit document ondertekend. Dank u.");

        // the representative's turn: the eID path shows the agent command; the page follows the agent's signature
        desktop.get(representativeLink + "&lang=nl");
        waitFor(desktop, By.id("eid")).click();
        String command = waitFor(desktop, By.id("agent-command")).getText();
        String token = representativeLink.replaceFirst(".*token=", "");
        assertThat(command).endsWith("eid-agent sign --link " + CLIENT.baseUrl() + "/api/sign/" + token);
        signLikeTheAgent(token, representativeCard);
        assertThat(waitFor(desktop, By.id("outcome")).getText()).isEqualTo("U hebt dit document ondertekend. Dank u.");

        desktop.switchTo().window(agencyWindow);
        new WebDriverWait(desktop, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("request-state"),
                "ondertekend"));
        assertThat(waitFor(desktop, By.id("download-pdf")).isDisplayed()).isTrue();
        assertThat(desktop.findElements(By.cssSelector("#signers .signer-state")))
                .extracting(WebElement::getText).containsOnly("ondertekend");
        desktop.findElement(By.cssSelector("nav.languages button[data-lang='fr']")).click();
        assertThat(desktop.findElement(By.id("request-state")).getText()).isEqualTo("signé");
        assertThat(desktop.findElement(By.id("download-pdf")).getText()).isNotBlank().doesNotContain("Ondertekende");

        String requestId = ServiceClient.json(CLIENT.get("/api/requests?state=COMPLETED&size=5",
                DemoClients.WOONPUNT_KEY)).get(0).get("id").asString();
        byte[] lease = CLIENT.get("/api/requests/" + requestId + "/document", DemoClients.WOONPUNT_KEY).body();
        List<JsonNode> signatures = TwoStepFlow.signatures(new TwoStepFlow(CLIENT).validate(lease, "lease.pdf"));
        assertThat(signatures).extracting(signature -> signature.get("verdict").asString()).containsExactly("VALID",
                "VALID");
        assertThat(signatures).extracting(signature -> signature.get("nationalRegisterNumber").asString())
                .containsExactly(tenant, representative);
        assertThat(PdfSig.trusting(CLIENT.rootCertificate(), dir.resolve("nss")).signatures(lease).stream()
                .filter(PdfSig.Verdict::signature).toList()).hasSize(2)
                .allSatisfy(verdict -> assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());
    }

    /** What {@code paraaf eid-agent sign --link} does with the card (EidAgentIT runs the real agent). */
    private static void signLikeTheAgent(String token, Citizen card) {
        HttpResponse<byte[]> prepared = CLIENT.post("/api/sign/" + token + "/eid/prepare", new be.paraaf.support.Multipart()
                .file("certificateChain", "chain.pem", "application/x-pem-file", TwoStepFlow.pem(card.chain())));
        assertThat(prepared.statusCode()).as(TwoStepFlow.body(prepared)).isEqualTo(201);
        JsonNode json = ServiceClient.json(prepared);
        byte[] signature = TwoStepFlow.sign(Base64.getDecoder().decode(json.get("dataToSign").asString()),
                json.get("signatureAlgorithm").asString(), card.signatureKey());
        HttpResponse<byte[]> completed = CLIENT.postJson("/api/sign/" + token + "/eid/complete", "{\"handle\":\""
                + json.get("handle").asString() + "\",\"signatureValue\":\""
                + Base64.getEncoder().encodeToString(signature) + "\"}");
        assertThat(completed.statusCode()).as(TwoStepFlow.body(completed)).isEqualTo(200);
    }

    private static String bornIn1990s() {
        return NationalRegisterNumber.withCheck(String.format("9%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
    }

    private static String birthDate(String nrn) {
        return "19" + nrn.substring(0, 2) + "-" + nrn.substring(2, 4) + "-" + nrn.substring(4, 6);
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(40)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
