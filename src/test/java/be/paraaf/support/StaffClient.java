package be.paraaf.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A member of agency staff as the dashboard is one: logs in with the eID (a demo-CA Authentication key, the
 * citizen login) and trades it for the staff session cookie; then sends the cookie, and the CSRF token on changes.
 */
public final class StaffClient {

    private final ServiceClient client;
    private final String cookie;
    private final String csrf;
    private final JsonNode session;

    private StaffClient(ServiceClient client, String cookie, String csrf, JsonNode session) {
        this.client = client;
        this.cookie = cookie;
        this.csrf = csrf;
        this.session = session;
    }

    /** eID login for {@code nationalNumber} (a fresh demo-CA card), then the staff session; expects 200. */
    public static StaffClient login(ServiceClient client, String nationalNumber) {
        HttpResponse<byte[]> response = loginResponse(client, nationalNumber);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode session = ServiceClient.json(response);
        return new StaffClient(client, cookie, session.get("csrfToken").asString(), session);
    }

    /** The answer to trading a fresh eID citizen session of {@code nationalNumber} for a staff session. */
    public static HttpResponse<byte[]> loginResponse(ServiceClient client, String nationalNumber) {
        String citizen = citizenSession(client, nationalNumber);
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/staff/session"))
                .header("Paraaf-Citizen-Session", citizen).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    /** An eID citizen login with a card the demo CA issues for {@code nationalNumber}: the session token. */
    public static String citizenSession(ServiceClient client, String nationalNumber) {
        ServiceClient.Citizen card = client.issueCitizen("Staf", "Medewerker", nationalNumber);
        return eidLogin(client, card.authenticationKey(), card.authenticationChain());
    }

    static String eidLogin(ServiceClient client, PrivateKey key, List<X509Certificate> chain) {
        JsonNode challenge = ServiceClient.json(client.postJson("/api/citizen/login/eid/challenge", ""));
        byte[] signature = TwoStepFlow.sign(challenge.get("challenge").asString().getBytes(StandardCharsets.US_ASCII),
                "SHA256withRSA", key);
        HttpResponse<byte[]> response = client.post("/api/citizen/login/eid", new Multipart()
                .field("challengeId", challenge.get("id").asString())
                .file("certificateChain", "chain.pem", "application/x-pem-file", TwoStepFlow.pem(chain))
                .field("signature", Base64.getEncoder().encodeToString(signature)));
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return ServiceClient.json(response).get("token").asString();
    }

    public JsonNode session() {
        return session;
    }

    public String cookie() {
        return cookie;
    }

    public HttpResponse<byte[]> get(String path) {
        return client.send(base(path).GET().build());
    }

    /** A GET as the dashboard's background refresh sends it (does not count as use for the idle timeout). */
    public HttpResponse<byte[]> getInBackground(String path) {
        return client.send(base(path).header("Paraaf-Background", "1").GET().build());
    }

    public JsonNode getJson(String path) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return ServiceClient.json(response);
    }

    /** A change with the CSRF token. */
    public HttpResponse<byte[]> send(String method, String path, String json) {
        return client.send(base(path).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A change without the CSRF token (what another site could make the browser send). */
    public HttpResponse<byte[]> sendWithoutCsrf(String method, String path, String json) {
        return client.send(base(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<byte[]> post(String path, Multipart multipart) {
        return client.send(base(path).header("X-CSRF-Token", csrf).header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())).build());
    }

    private HttpRequest.Builder base(String path) {
        return HttpRequest.newBuilder(URI.create(client.baseUrl() + path)).header("Cookie", cookie);
    }
}
