package be.paraaf.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.TwoStepFlow;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import tools.jackson.databind.JsonNode;

/** The web page's side of an eID login through the agent, over HTTP, as the citizen page calls it. */
final class EidLogins {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the page keeps of a started login. */
    record Started(String id, String challenge, String pickupToken, String agentLink) {
    }

    private final ServiceClient client;

    EidLogins(ServiceClient client) {
        this.client = client;
    }

    Started start() {
        HttpResponse<byte[]> response = client.postJson("/api/citizen/login/eid/challenge", "");
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        JsonNode body = ServiceClient.json(response);
        return new Started(body.get("id").asString(), body.get("challenge").asString(),
                body.get("pickupToken").asString(), body.get("agentLink").asString());
    }

    HttpResponse<byte[]> pickup(String id, String pickupToken) {
        return client.postJson("/api/citizen/login/eid/" + id + "/session",
                pickupToken == null ? "{}" : "{\"pickupToken\":\"" + pickupToken + "\"}");
    }

    HttpResponse<byte[]> agentGet(String id) {
        return client.get("/api/citizen/login/eid/" + id);
    }

    HttpResponse<byte[]> agentAnswer(String id, Multipart answer) {
        return client.post("/api/citizen/login/eid/" + id, answer);
    }

    HttpResponse<byte[]> requests(String sessionToken) {
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/citizen/requests"))
                .header("Paraaf-Citizen-Session", sessionToken).GET().build());
    }

    static String newNationalNumber() {
        return NationalRegisterNumber.withCheck(String.format("6%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
    }
}
