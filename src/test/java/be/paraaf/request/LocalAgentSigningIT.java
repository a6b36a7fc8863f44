package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.agent.AgentProcess;
import be.paraaf.demo.DemoClients;
import be.paraaf.support.Browser;
import be.paraaf.support.CliProcess;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * The citizen's eID path without a terminal, end to end: headless Chromium opens the signer page, which finds the
 * local agent on 127.0.0.1 and asks it to sign; the agent (its own JVM, a SoftHSM2 virtual card) shows its window —
 * here the test seam, which reads what the window shows and types the PIN — and signs through the service's
 * two-step. The lease's signature lands and validates; a wrong PIN shows the tries left on the page; a page of
 * another origin cannot use the agent.
 */
class LocalAgentSigningIT extends ServiceIT {

    private static final String PIN = "2468";
    private static final Duration WINDOW_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dir;

    @BeforeEach
    void requireSoftHsm() {
        ExternalTool.require("softhsm2-util", "softhsm2");
    }

    private record Signing(String requestId, String token, String nrn) {
    }

    private Signing leaseForOneEidSigner() {
        RequestFlow agency = new RequestFlow(CLIENT, DemoClients.WOONPUNT_KEY);
        String nrn = RequestFlow.newNationalNumber();
        JsonNode created = agency.create(agency.leaseRequestBody("B-LTA", null, null,
                List.of(new RequestFlow.Party("tenant-1", "tenant-1", 1, null, nrn))));
        String id = created.get("id").asString();
        agency.start(id);
        return new Signing(id, RequestFlow.tokens(created).get("tenant-1"), nrn);
    }

    private Path virtualCard(String nrn) {
        Path card = dir.resolve("card-" + nrn);
        CliProcess.Result created = CliProcess.run(Map.of(), null, List.of("eid", "virtual-card", "create",
                "--server", CLIENT.baseUrl(), "--given-name", "Lotte", "--surname", "Claes",
                "--national-number", nrn, "--pin", PIN, "--dir", card.toString()));
        assertThat(created.exitCode()).as(created.output()).isZero();
        return card;
    }

    @Test
    void theSignerPageSignsThroughTheAgentAndAWrongPinShowsTheTriesLeft() {
        Signing signing = leaseForOneEidSigner();
        Path card = virtualCard(signing.nrn());
        try (AgentProcess agent = AgentProcess.start(CLIENT.baseUrl(), card)) {
            WebDriver page = BROWSER.driver();
            page.get(CLIENT.baseUrl() + "/sign.html?token=" + signing.token() + "&agentPort=" + agent.port()
                    + "&lang=en");
            waitFor(page, By.id("eid")).click();

            // the agent's window shows who asks, what, and the page's code; the holder types a wrong PIN
            JsonNode question = agent.nextQuestion(WINDOW_WAIT);
            String code = waitFor(page, By.id("agent-code")).getText();
            assertThat(question.get("action").asString()).isEqualTo("SIGN");
            assertThat(question.get("origin").asString()).isEqualTo(CLIENT.baseUrl());
            assertThat(question.get("documentTitle").asString()).isEqualTo("Huurovereenkomst Aalst");
            assertThat(question.get("signer").asString()).isEqualTo("tenant-1 Test");
            assertThat(question.get("verificationCode").asString()).isEqualTo(code).matches("\\d{4}");
            agent.typePin("0000");
            assertThat(waitFor(page, By.id("agent-problem")).getText()).contains("Wrong PIN", "2 tries left");
            assertThat(signerState(signing.requestId())).isNotEqualTo("SIGNED");

            // again, with the right PIN: a new code, the same window
            page.findElement(By.id("agent-again")).click();
            JsonNode second = agent.nextQuestion(WINDOW_WAIT);
            assertThat(second.get("verificationCode").asString())
                    .isEqualTo(waitFor(page, By.id("agent-code")).getText());
            agent.typePin(PIN);
            new WebDriverWait(page, Duration.ofSeconds(90)).until(ExpectedConditions.textToBe(By.id("outcome"),
                    "You signed this document. Thank you."));
        }
        assertThat(signerState(signing.requestId())).isEqualTo("SIGNED");

        HttpResponse<byte[]> document = CLIENT.get("/api/requests/" + signing.requestId() + "/document",
                DemoClients.WOONPUNT_KEY);
        assertThat(document.statusCode()).isEqualTo(200);
        List<JsonNode> signatures = TwoStepFlow.signatures(new TwoStepFlow(CLIENT).validate(document.body(),
                "lease.pdf"));
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).get("indication").asString()).as(signatures.get(0).toString())
                .isEqualTo("TOTAL_PASSED");
        assertThat(signatures.get(0).get("level").asString()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(signatures.get(0).get("signatureFieldName").asString()).isEqualTo("tenant-1");
        assertThat(signatures.get(0).get("nationalRegisterNumber").asString()).isEqualTo(signing.nrn());
        List<PdfSig.Verdict> verdicts = PdfSig.trusting(CLIENT.rootCertificate(), dir.resolve("nss"))
                .signatures(document.body()).stream().filter(PdfSig.Verdict::signature).toList();
        assertThat(verdicts).hasSize(1).allSatisfy(verdict ->
                assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());
    }

    @Test
    void aPageOfAnotherOriginCannotUseTheAgent() {
        Signing signing = leaseForOneEidSigner();
        Path card = virtualCard(signing.nrn());
        try (AgentProcess agent = AgentProcess.start(CLIENT.baseUrl(), card)) {
            // the same service under another name is another origin: not on the agent's allow-list
            String otherOrigin = "http://127.0.0.1:" + PORT;
            WebDriver page = BROWSER.driver();
            page.get(otherOrigin + "/sign.html?token=" + signing.token() + "&agentPort=" + agent.port() + "&lang=en");
            waitFor(page, By.id("eid")).click();

            // the browser gets no CORS answer, so to this page the agent is not there: it shows the install guide
            assertThat(waitFor(page, By.id("agent-install")).getText()).contains("not running");
            Object refused = ((JavascriptExecutor) page).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch("http://127.0.0.1:%d/v1/session", { method: "POST" })
                      .then(r => done("answered " + r.status), e => done("refused: " + e.name));
                    """.formatted(agent.port()));
            assertThat(refused).isEqualTo("refused: TypeError");
            assertThat(agent.askedNothingWithin(Duration.ofSeconds(5))).as(agent.output()).isTrue();
        }
        assertThat(signerState(signing.requestId())).isNotEqualTo("SIGNED");
    }

    @Test
    void theCitizenPageLogsInThroughTheAgentWithTheAuthenticationKey() {
        String nrn = RequestFlow.newNationalNumber();
        Path card = virtualCard(nrn);
        try (AgentProcess agent = AgentProcess.start(CLIENT.baseUrl(), card)) {
            WebDriver page = BROWSER.driver();
            page.get(CLIENT.baseUrl() + "/citizen.html?agentPort=" + agent.port() + "&lang=en");
            waitFor(page, By.id("eid-login")).click();

            JsonNode question = agent.nextQuestion(WINDOW_WAIT);
            assertThat(question.get("action").asString()).isEqualTo("LOGIN");
            assertThat(question.get("origin").asString()).isEqualTo(CLIENT.baseUrl());
            assertThat(question.get("verificationCode").asString())
                    .isEqualTo(waitFor(page, By.id("agent-code")).getText());
            agent.typePin(PIN);

            assertThat(waitFor(page, By.id("who")).getText()).as("the holder by the name on the card")
                    .isEqualTo("Lotte Claes (with eID)");
        }
    }

    private static String signerState(String requestId) {
        return ServiceClient.json(CLIENT.get("/api/requests/" + requestId, DemoClients.WOONPUNT_KEY)).get("signers")
                .get(0).get("state").asString();
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
