package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Browser;
import be.paraaf.support.DemoData;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The citizen's page in headless Chromium: log in with itsme (the code on the page matches the app's), answer
 * the actualisation with the keyboard, sign the confirmation on the signer page with itsme, come back and find
 * it signed, switch language, log out.
 */
class CitizenPageIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE = "24680";

    @TempDir
    Path dir;

    @Test
    void logInWithItsmeAnswerTheActualisationSignItAndLogOut() {
        String nrn = NationalRegisterNumber.withCheck(String.format("6%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
        String dossier = "WV-" + nrn.substring(3);
        LocalDate due = LocalDate.now().plusDays(20);
        HttpResponse<byte[]> registered = CLIENT.postJson("/api/actualisations", """
                {"nationalRegisterNumber":"%s","name":"Lotte Maes","dossierNumber":"%s",
                 "housingCompany":"Woonpunt Demo","dueDate":"%s"}""".formatted(nrn, dossier, due),
                DemoClients.WOONPUNT_KEY);
        assertThat(registered.statusCode()).as(TwoStepFlow.body(registered)).isEqualTo(201);
        String actualisationId = ServiceClient.json(registered).get("id").asString();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32476" + nrn.substring(5, 11), nrn, CODE, dir.resolve("app"));
        HttpResponse<byte[]> activated = CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"Lotte\",\"surname\":\"Maes\"}");
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);

        WebDriver page = BROWSER.driver();
        page.get(CLIENT.baseUrl() + "/citizen.html?lang=nl");
        waitFor(page, By.id("nrn")).sendKeys(NationalRegisterNumber.parse(nrn).formatted());
        page.findElement(By.id("itsme-login-submit")).click();
        String shown = waitFor(page, By.id("login-code")).getText();
        ItsmeApp.Pending login = app.pending(10).get(0);
        assertThat(login.verificationCode()).isEqualTo(shown);
        app.approve(login.consentId(), CODE);

        assertThat(waitFor(page, By.id("who")).getText()).as("the citizen by name, not ******* and digits")
                .isEqualTo("Lotte Maes (met itsme)");
        WebElement form = waitFor(page, By.cssSelector("form.actualisation[data-id='" + actualisationId + "']"));
        assertThat(form.findElement(By.tagName("legend")).getText()).contains(dossier, "Woonpunt Demo",
                due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))); // as Belgian forms write it
        assertThat(form.findElement(By.className("actualisation-status")).getText()).isEqualTo("Te beantwoorden.");

        // keyboard only: focus the WITHDRAW choice, select it with the space bar, submit with Enter
        WebElement withdraw = form.findElement(By.id("choice-" + actualisationId + "-WITHDRAW"));
        withdraw.sendKeys(Keys.SPACE);
        assertThat(withdraw.isSelected()).isTrue();
        form.findElement(By.cssSelector("button.confirm")).sendKeys(Keys.ENTER);

        // the signer page for the confirmation, with the way back
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign.html?token="));
        assertThat(waitFor(page, By.id("title")).getText()).isEqualTo("Actualisatie dossier " + dossier);
        waitFor(page, By.id("itsme")).click();
        String code = waitFor(page, By.id("code")).getText();
        ItsmeApp.Pending signing = app.pending(10).get(0);
        assertThat(signing.verificationCode()).isEqualTo(code);
        app.approve(signing.consentId(), CODE);
        assertThat(waitFor(page, By.id("outcome")).getText()).isEqualTo("U hebt dit document ondertekend. Dank u.");

        waitFor(page, By.cssSelector("#back a")).click();
        WebElement done = waitFor(page, By.cssSelector("form.actualisation[data-id='" + actualisationId + "']"));
        assertThat(done.findElement(By.className("actualisation-status")).getText())
                .isEqualTo("Ondertekend: u ziet af van uw inschrijving.");
        assertThat(done.findElement(By.cssSelector("button.download")).getText())
                .isEqualTo("Ondertekende bevestiging downloaden");
        assertThat(page.findElement(By.id("requests")).getText()).contains("Actualisatie dossier " + dossier,
                "ondertekend");
        JsonNode view = ServiceClient.json(CLIENT.get("/api/actualisations/" + actualisationId,
                DemoClients.WOONPUNT_KEY));
        assertThat(view.get("status").asString()).isEqualTo("WITHDRAWN");

        // completion archives the confirmation: it appears among the citizen's documents
        new WebDriverWait(page, Duration.ofSeconds(90), Duration.ofSeconds(2)).until(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(By.cssSelector("#documents li.archived")).isEmpty();
        });
        assertThat(page.findElement(By.cssSelector("#documents li.archived")).getText()).startsWith("Actualisatie");

        page.findElement(By.cssSelector("nav.languages button[data-lang='fr']")).click();
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Mes documents");
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(
                By.cssSelector("form.actualisation .actualisation-status"), "Signé : vous renoncez à votre inscription."));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

        String token = (String) ((JavascriptExecutor) page).executeScript(
                "return JSON.parse(sessionStorage.getItem('paraaf.citizen')).token");
        page.findElement(By.id("logout")).click();
        waitFor(page, By.id("itsme-login-submit"));
        assertThat(CLIENT.citizenGet("/api/citizen/actualisations", token).statusCode()).isEqualTo(401);
    }

    @Test
    void logInWithTheEidThroughTheAgentAndSeeTheRequestsNamingYou() {
        String nrn = NationalRegisterNumber.withCheck(String.format("7%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
        Citizen card = CLIENT.issueCitizen("Ruben", "Claes", nrn);
        String title = "Huurcontract " + nrn.substring(5);
        DemoData.startedRequest(CLIENT, title, "Ruben Claes", nrn, "EITHER");

        WebDriver page = BROWSER.driver();
        page.get(CLIENT.baseUrl() + "/citizen.html?lang=en");
        waitFor(page, By.id("eid-login")).click();
        String command = waitFor(page, By.id("login-agent-command")).getText();
        assertThat(command).startsWith("java -jar paraaf.jar eid-agent login --link " + CLIENT.baseUrl()
                + "/api/citizen/login/eid/");
        answerLikeTheAgent(command.substring(command.indexOf("--link ") + 7), card);

        assertThat(waitFor(page, By.id("who")).getText()).isEqualTo("Ruben Claes (with eID)");
        assertThat(page.getTitle()).isEqualTo("paraaf — my documents");
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("requests"), title));
        assertThat(page.findElement(By.id("requests")).getText()).contains("in progress");
        assertThat(page.findElement(By.id("actualisations")).getText()).isEqualTo("There is no actualisation for you.");

        // their turn: act from this page, without the link the agency sent (here: decline, then come back)
        page.findElement(By.cssSelector("#requests button.sign-now")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign.html?token="));
        assertThat(waitFor(page, By.id("title")).getText()).isEqualTo(title);
        page.findElement(By.id("reason")).sendKeys("wrong address");
        page.findElement(By.id("decline")).click();
        waitFor(page, By.id("decline-confirm")).click(); // declining asks to confirm first
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("outcome"),
                "You declined to sign."));
        page.findElement(By.cssSelector("#back a")).click();
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("requests"), "declined"));
        assertThat(page.findElements(By.cssSelector("#requests button.sign-now"))).isEmpty();
        page.findElement(By.id("logout")).click();
        waitFor(page, By.id("eid-login"));
    }

    /** What {@code paraaf eid-agent login --link} does with the card (EidAgentLoginIT runs the real agent). */
    private static void answerLikeTheAgent(String link, Citizen card) {
        String path = link.substring(CLIENT.baseUrl().length());
        JsonNode challenge = ServiceClient.json(CLIENT.get(path));
        byte[] signature = TwoStepFlow.sign(challenge.get("challenge").asString()
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII), "SHA256withRSA", card.authenticationKey());
        HttpResponse<byte[]> answered = CLIENT.post(path, new Multipart()
                .file("certificateChain", "chain.pem", "application/x-pem-file",
                        TwoStepFlow.pem(card.authenticationChain()))
                .field("signature", java.util.Base64.getEncoder().encodeToString(signature)));
        assertThat(answered.statusCode()).as(TwoStepFlow.body(answered)).isEqualTo(200);
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(40)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
