package be.paraaf.agent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The agent's half of a citizen's eID login from a web page, a device flow in the manner of RFC 8628: the page
 * shows a link, the agent fetches the challenge there and posts the card's answer (the Authentication
 * certificate chain and its signature over the challenge). The agent never holds the page's pickup token, so
 * its answer opens no session by itself: the page picks that up.
 */
public final class CitizenLoginClient {

    private static final Pattern LINK_PATH = Pattern.compile(".*/api/citizen/login/eid/([A-Za-z0-9_-]{1,100})");

    /** The challenge to sign, as the server gave it. */
    public record Challenge(String id, String challenge, Instant expiresAt) {

        /** What the card signs: the challenge's US-ASCII bytes (it is base64url text). */
        public byte[] bytes() {
            return challenge.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The server took the answer; the national register number comes masked but for its last 4 digits. */
    public record Answer(String status, String nationalRegisterNumber) {
    }

    private final ServiceHttp http;
    private final String path;
    private final String id;

    private CitizenLoginClient(URI link, String id) {
        this.http = new ServiceHttp(link.resolve("/"), Duration.ofSeconds(30));
        this.path = link.getRawPath();
        this.id = id;
    }

    /** For the link a login page shows: {@code http(s)://host/api/citizen/login/eid/<id>}. */
    public static CitizenLoginClient forLink(URI link) {
        Matcher path = link == null || link.getRawPath() == null ? null : LINK_PATH.matcher(link.getRawPath());
        if (link == null || !("http".equalsIgnoreCase(link.getScheme()) || "https".equalsIgnoreCase(link.getScheme()))
                || link.getHost() == null || path == null || !path.matches() || link.getRawQuery() != null) {
            throw new IllegalArgumentException("--link: not an eID login link, expected "
                    + "http(s)://host/api/citizen/login/eid/<id> as the login page shows it: " + link);
        }
        return new CitizenLoginClient(link, path.group(1));
    }

    /** Fetches the challenge; a login that expired or was answered already is a {@link ServerProblemException}. */
    public Challenge challenge() {
        JsonNode answer = ServiceHttp.json(http.get(path));
        String challenge = text(answer, "challenge");
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{16,100}") || !id.equals(text(answer, "id"))) {
            throw new ServerProblemException(200, null, "Unexpected answer",
                    "the login link did not answer with this login's challenge");
        }
        String expires = text(answer, "expiresAt");
        return new Challenge(id, challenge, expires == null ? null : Instant.parse(expires));
    }

    /** Posts the card's answer: the Authentication chain (leaf first) and its signature over the challenge. */
    public Answer answer(List<X509Certificate> chain, byte[] signature) {
        ServiceHttp.Form form = new ServiceHttp.Form()
                .file("certificateChain", "chain.pem", "application/x-pem-file",
                        ServiceHttp.pem(chain).getBytes(StandardCharsets.US_ASCII))
                .field("signature", Base64.getEncoder().encodeToString(signature));
        JsonNode answer = ServiceHttp.json(http.send(path, form.contentType(), form.bytes()));
        return new Answer(text(answer, "status"), text(answer, "nationalRegisterNumber"));
    }

    /** How the server verifies the challenge: SHA256withECDSA for an EC key, SHA256withRSA (PKCS#1 v1.5) else. */
    public static String signatureAlgorithm(X509Certificate certificate) {
        return "EC".equals(certificate.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
