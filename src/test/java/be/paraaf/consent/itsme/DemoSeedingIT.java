package be.paraaf.consent.itsme;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoClients;
import be.paraaf.demo.DemoItsmeAccountSeeder;
import be.paraaf.support.DemoData;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dev mode's demo citizens: three active itsme accounts listed by the dev endpoint with what a simulated
 * phone needs, seeded once however often the service starts, and usable at once — a consent for a request
 * naming a demo citizen, approved with the handed-out device key and the demo code, completes a valid signature.
 */
class DemoSeedingIT extends ServiceIT {

    @Autowired
    DemoItsmeAccountSeeder seeding;

    @Test
    void devEndpointListsThreeCitizensWithActiveItsmeAccounts() {
        JsonNode citizens = DemoData.citizens(CLIENT);

        assertThat(citizens).hasSize(3);
        assertThat(citizens.get(0).get("name").asString()).isEqualTo("Zoë Van den Broeck");
        assertThat(citizens.get(0).get("nationalRegisterNumberFormatted").asString()).isEqualTo("92.05.05-123.45");
        assertThat(citizens.get(0).get("birthDate").asString()).isEqualTo("1992-05-05");
        for (JsonNode citizen : citizens) {
            JsonNode itsme = citizen.get("itsme");
            assertThat(itsme.get("state").asString()).as(citizen.toString()).isEqualTo("ACTIVE");
            assertThat(itsme.get("code").asString()).isEqualTo(DemoCitizens.ITSME_CODE);
            assertThat(itsme.get("devicePrivateKey").get("kty").asString()).isEqualTo("EC");
            assertThat(itsme.get("devicePrivateKey").get("crv").asString()).isEqualTo("P-256");
            assertThat(citizen.get("card").get("directory").asString())
                    .endsWith("demo/cards/" + citizen.get("nationalRegisterNumber").asString());
            assertThat(citizen.get("card").get("status").asString()).as("cards are off in tests").isEqualTo("OFF");
        }
    }

    @Test
    void seedingAgainKeepsTheSameAccounts() {
        List<String> before = accountIds();

        seeding.run(null); // what the next start does

        assertThat(accountIds()).isEqualTo(before).hasSize(3);
    }

    @Test
    void demoCitizenApprovesWithTheSeededDeviceAndTheRequestCompletesValid() {
        JsonNode helene = DemoData.citizens(CLIENT).get(1);
        String nrn = helene.get("nationalRegisterNumber").asString();
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, helene.get("name").asString(), nrn, "ITSME");
        HttpResponse<byte[]> started = CLIENT.postJson("/api/sign/" + request.token() + "/itsme", "");
        assertThat(started.statusCode()).as(TwoStepFlow.body(started)).isEqualTo(202);
        String consentId = ServiceClient.json(started).get("consentId").asString();

        JsonNode itsme = helene.get("itsme");
        ItsmeApp phone = ItsmeApp.of(CLIENT.baseUrl(), itsme.get("accountId").asString(),
                itsme.get("deviceId").asString(), DemoData.privateKey(itsme.get("devicePrivateKey")));
        assertThat(phone.approve(consentId, itsme.get("code").asString())).isEqualTo("APPROVED");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"COMPLETED".equals(DemoData.state(CLIENT, request.id())) && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(DemoData.state(CLIENT, request.id())).isEqualTo("COMPLETED");
        byte[] signed = CLIENT.get("/api/requests/" + request.id() + "/document", DemoClients.WOONPUNT_KEY).body();
        List<JsonNode> signatures = TwoStepFlow.signatures(new TwoStepFlow(CLIENT).validate(signed, "contract.pdf"));
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(signatures.get(0).get("nationalRegisterNumber").asString()).isEqualTo(nrn);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> accountIds() {
        List<String> ids = new ArrayList<>();
        DemoData.citizens(CLIENT).forEach(citizen -> ids.add(citizen.get("itsme").get("accountId").asString()));
        return ids;
    }
}
