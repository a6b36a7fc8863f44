package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may talk to the local agent, without a card: the loopback host, the allowed origin with its CORS answer,
 * and the pairing token; a refused request never reaches the window.
 */
class LocalAgentTest {

    private static final String PAGE = "http://localhost:8123";
    private final List<ConsentPrompt.Question> asked = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalAgent agent;

    @BeforeEach
    void start() {
        ConsentPrompt declineAll = question -> {
            asked.add(question);
            return Optional.empty();
        };
        agent = LocalAgent.start(new AgentSettings(0, Set.of(PAGE + "/"),
                new CardChoice(Path.of("/nonexistent/libbeidpkcs11.so"), 0, null)), declineAll);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private HttpResponse<String> call(String method, String path, String origin, String pairing, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (pairing != null) {
            request.header(LocalAgent.PAIRING_HEADER, pairing);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ServiceHttp.JSON.readTree(response.body());
    }

    @Test
    void theAllowedPageGetsTheVersionWithItsCorsHeader() throws Exception {
        HttpResponse<String> version = call("GET", "/v1/version", PAGE, null, null);

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(json(version).get("version").asString()).isEqualTo(LocalAgent.VERSION);
        assertThat(json(version).get("protocol").asInt()).isEqualTo(LocalAgent.PROTOCOL);

        HttpResponse<String> preflight = call("OPTIONS", "/v1/sign", PAGE, null, null);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains(LocalAgent.PAIRING_HEADER);
    }

    @Test
    void anotherOriginIsRefusedWithoutCorsHeadersEvenForTheVersion() throws Exception {
        for (String path : List.of("/v1/version", "/v1/session", "/v1/sign")) {
            HttpResponse<String> refused = call(path.equals("/v1/version") ? "GET" : "POST", path,
                    "https://evil.example", null, "{}");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            assertThat(json(refused).get("type").asString()).endsWith("/origin-not-allowed");
            assertThat(json(refused).get("detail").asString()).contains("https://evil.example", PAGE);
        }
        HttpResponse<String> preflight = call("OPTIONS", "/v1/sign", "http://localhost:8124", null, null);
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void signingNeedsAPairingOfTheSameOriginAndAnOriginAtAll() throws Exception {
        String body = "{\"link\":\"/api/sign/abcdefghij\",\"verificationCode\":\"1234\"}";
        assertThat(call("POST", "/v1/sign", null, null, body).statusCode()).isEqualTo(403);
        HttpResponse<String> unpaired = call("POST", "/v1/sign", PAGE, null, body);
        assertThat(unpaired.statusCode()).isEqualTo(401);
        assertThat(json(unpaired).get("type").asString()).endsWith("/pairing-required");
        HttpResponse<String> forged = call("POST", "/v1/sign", PAGE, "not-a-token", body);
        assertThat(forged.statusCode()).isEqualTo(401);

        HttpResponse<String> session = call("POST", "/v1/session", PAGE, null, null);
        assertThat(session.statusCode()).isEqualTo(200);
        String token = json(session).get("pairingToken").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);

        HttpResponse<String> badLink = call("POST", "/v1/sign", PAGE, token,
                "{\"link\":\"https://evil.example/api/sign/abcdefghij\",\"verificationCode\":\"1234\"}");
        assertThat(badLink.statusCode()).isEqualTo(400);
        assertThat(json(badLink).get("detail").asString()).contains("link must be /api/sign/<token> of " + PAGE);
        HttpResponse<String> notJson = call("POST", "/v1/sign", PAGE, token, "pin=1234");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(asked).isEmpty();
    }

    @Test
    void aRequestToAnotherHostNameIsRefused() throws Exception {
        // DNS rebinding: a name that resolves to 127.0.0.1 but is not the loopback address. Written on a socket:
        // the JDK's HTTP client refuses to set Host unless a JVM-wide property is set before its first use
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", agent.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v1/version HTTP/1.1\r\nHost: rebound.example:" + agent.port()
                    + "\r\nOrigin: " + PAGE + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 403 ").contains("/host-not-allowed");
    }

    @Test
    void withoutTheEidMiddlewareTheAgentSaysSoBeforeAskingAPin() throws Exception {
        String token = json(call("POST", "/v1/session", PAGE, null, null)).get("pairingToken").asString();
        // the service is not running: the agent cannot read the request and asks nothing
        HttpResponse<String> unreachable = call("POST", "/v1/sign", PAGE, token,
                "{\"link\":\"/api/sign/abcdefghij\",\"verificationCode\":\"1234\"}");
        assertThat(unreachable.statusCode()).isEqualTo(502);
        assertThat(asked).isEmpty();
    }
}
