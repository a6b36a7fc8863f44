package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoClients;
import be.paraaf.support.Browser;
import be.paraaf.support.CliProcess;
import be.paraaf.support.DemoData;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Demo virtual eID cards, in a context of its own with card seeding on (the shared ServiceIT context has it off:
 * a child JVM per card): after start-up every demo citizen gets a card under data-dir/demo/cards, and the eID
 * signer page shows the agent command with that card, and the agent signs a request naming a demo citizen with
 * it and the documented PIN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DemoCardSeederIT {

    private static final int PORT = ServiceIT.freePort();
    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-demo-cards-it-");
    private static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("paraaf.demo.virtual-cards", () -> "true");
    }

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    @BeforeEach
    void requireSoftHsm() {
        ExternalTool.require("softhsm2-util", "softhsm2");
    }

    @Test
    void everyDemoCitizenGetsACardAndTheAgentSignsWithItAndTheDocumentedPin() {
        JsonNode citizens = awaitCards(Duration.ofMinutes(5));
        for (JsonNode citizen : citizens) {
            Path dir = Path.of(citizen.get("card").get("directory").asString());
            assertThat(dir).isEqualTo(DATA_DIR.resolve("demo/cards").resolve(citizen.get("nationalRegisterNumber")
                    .asString()).toAbsolutePath().normalize());
            assertThat(VirtualCard.at(dir).exists()).isTrue();
            assertThat(citizen.get("card").get("pin").asString()).isEqualTo(DemoCitizens.CARD_PIN);
        }

        JsonNode zoe = citizens.get(0);
        String nrn = zoe.get("nationalRegisterNumber").asString();
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, zoe.get("name").asString(), nrn, "EID");
        Path card = Path.of(zoe.get("card").get("directory").asString());
        // the signer page, in dev mode, shows the agent command with Zoë's demo card
        WebDriver page = BROWSER.driver();
        page.get(CLIENT.baseUrl() + "/sign.html?lang=en&token=" + request.token());
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("eid")))
                .click();
        String shown = new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions
                .visibilityOfElementLocated(By.id("agent-command-demo"))).getText();
        assertThat(shown).isEqualTo("java -jar paraaf.jar eid-agent sign --link " + CLIENT.baseUrl() + "/api/sign/"
                + request.token() + " --card-dir " + card);
        assertThat(page.findElement(By.id("demo-card-label")).getText()).contains("Zoë Van den Broeck", "PIN 1234");

        CliProcess.Result signed = CliProcess.run(Map.of(VirtualCard.SOFTHSM2_CONF,
                card.resolve("softhsm2.conf").toString()), DemoCitizens.CARD_PIN + "\n", List.of("eid-agent", "sign",
                "--link", CLIENT.baseUrl() + "/api/sign/" + request.token(), "--card-dir", card.toString(),
                "--pin-stdin"));

        assertThat(signed.exitCode()).as(signed.output()).isZero();
        assertThat(signed.output()).contains("Zoë Van den Broeck");
        assertThat(DemoData.state(CLIENT, request.id())).isEqualTo("COMPLETED");
        byte[] pdf = CLIENT.get("/api/requests/" + request.id() + "/document", DemoClients.WOONPUNT_KEY).body();
        List<JsonNode> signatures = TwoStepFlow.signatures(new TwoStepFlow(CLIENT).validate(pdf, "contract.pdf"));
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(signatures.get(0).get("nationalRegisterNumber").asString()).isEqualTo(nrn);
    }

    /** Polls the dev endpoint until every card is READY; fails at once on FAILED or NO_SOFTHSM. */
    private static JsonNode awaitCards(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            JsonNode citizens = DemoData.citizens(CLIENT);
            boolean allReady = true;
            for (JsonNode citizen : citizens) {
                String status = citizen.get("card").get("status").asString();
                assertThat(status).as(citizen.get("name").asString() + " (see the log)").isIn("READY", "PENDING");
                allReady &= citizen.get("card").get("ready").asBoolean();
            }
            if (allReady) {
                return citizens;
            }
            assertThat(Instant.now()).as("cards not ready within " + limit).isBefore(deadline);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
