package be.paraaf.consent.csc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the Cloud Signature Consortium API v2: OAuth 2.0 client credentials ({@code oauth2/token}),
 * {@code credentials/list}, {@code credentials/info}, {@code credentials/authorize} (SCAL2: the authorisation is
 * bound to the hashes it names and obtained by the provider from the citizen — implicit mode, e.g. a push to their
 * app) and {@code signatures/signHash}. The provider's errors become {@link CscException}s in words.
 */
public final class CscClient {

    /** SHA-256, the only digest paraaf asks for. */
    public static final String SHA256_OID = "2.16.840.1.101.3.4.2.1";
    /** ecdsa-with-SHA256 */
    public static final String ECDSA_SHA256_OID = "1.2.840.10045.4.3.2";
    /** sha256WithRSAEncryption (PKCS#1 v1.5) */
    public static final String RSA_SHA256_OID = "1.2.840.113549.1.1.11";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A credential: its id at the provider and its certificate chain, signing certificate first. */
    public record Credential(String id, List<X509Certificate> chain) {
    }

    private final CscProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    public CscClient(CscProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** The first usable credential of {@code userId} at the provider, or empty. */
    public java.util.Optional<Credential> credentialOf(String userId) {
        JsonNode list = call("credentials/list", Map.of("userID", userId), properties.timeout());
        JsonNode ids = list.path("credentialIDs");
        if (!ids.isArray() || ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        String id = ids.get(0).asString();
        JsonNode info = call("credentials/info", Map.of("credentialID", id, "certificates", "chain"),
                properties.timeout());
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode certificate : info.path("cert").path("certificates")) {
            chain.add(certificate(certificate.asString()));
        }
        if (chain.isEmpty()) {
            throw new CscException("invalid_response", 502, "The remote-signing provider gave no certificate for "
                    + "the credential.");
        }
        return java.util.Optional.of(new Credential(id, chain));
    }

    /**
     * Asks the provider to obtain the citizen's authorisation for one signature of {@code sha256}; blocks until
     * the citizen answers (at most {@code authorisation-timeout}) and returns the Signature Activation Data.
     */
    public String authorize(String credentialId, byte[] sha256, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", credentialId);
        body.put("numSignatures", 1);
        body.put("hashes", List.of(Base64.getEncoder().encodeToString(sha256)));
        body.put("hashAlgorithmOID", SHA256_OID);
        body.put("description", description);
        JsonNode answer = call("credentials/authorize", body, properties.authorisationTimeout());
        String sad = answer.path("SAD").asString("");
        if (sad.isBlank()) {
            throw new CscException("invalid_response", 502, "The remote-signing provider answered without SAD.");
        }
        return sad;
    }

    /** Signs {@code sha256} with the credential under the SAD; {@code signAlgorithmOid}: {@link #ECDSA_SHA256_OID}…. */
    public byte[] signHash(String credentialId, String sad, byte[] sha256, String signAlgorithmOid) {
        JsonNode answer = call("signatures/signHash", Map.of("credentialID", credentialId, "SAD", sad,
                "hashes", List.of(Base64.getEncoder().encodeToString(sha256)), "hashAlgorithmOID", SHA256_OID,
                "signAlgo", signAlgorithmOid), properties.timeout());
        JsonNode signatures = answer.path("signatures");
        if (!signatures.isArray() || signatures.size() != 1) {
            throw new CscException("invalid_response", 502, "The remote-signing provider did not return one "
                    + "signature.");
        }
        try {
            return Base64.getDecoder().decode(signatures.get(0).asString());
        } catch (IllegalArgumentException e) {
            throw new CscException("invalid_response", 502, "The remote-signing provider's signature is not base64.");
        }
    }

    private JsonNode call(String method, Map<String, ?> body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(endpoint(method)).timeout(timeout)
                .header("Authorization", "Bearer " + accessToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return answer(method, send(request, method));
    }

    private synchronized String accessToken() {
        if (token != null && clock.instant().isBefore(tokenExpiry)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(properties.clientId()) + "&client_secret="
                + encode(properties.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(endpoint("oauth2/token")).timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer = answer("oauth2/token", send(request, "oauth2/token"));
        token = answer.path("access_token").asString("");
        if (token.isBlank()) {
            throw new CscException("invalid_response", 502, "The remote-signing provider gave no access token.");
        }
        long lifetime = answer.path("expires_in").asLong(3600);
        tokenExpiry = clock.instant().plusSeconds(Math.max(0, lifetime - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request, String method) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CscException("timeout", 504, "The remote-signing provider did not answer " + method
                    + " in time.");
        } catch (IOException e) {
            throw new CscException("unreachable", 502, "The remote-signing provider cannot be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CscException("interrupted", 503, "Interrupted while waiting for the remote-signing provider.");
        }
    }

    private static JsonNode answer(String method, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new CscException("invalid_response", 502, "The remote-signing provider's answer to " + method
                    + " is not JSON (HTTP " + response.statusCode() + ").");
        }
        if (response.statusCode() / 100 != 2) {
            String error = body.path("error").asString("server_error");
            if (response.statusCode() == 401 && !"access_denied".equals(error)) {
                error = "invalid_client";
            }
            throw new CscException(error, "access_denied".equals(error) ? 403 : 502, "The remote-signing provider "
                    + "refused " + method + ": " + body.path("error_description").asString(error) + ".");
        }
        return body;
    }

    private URI endpoint(String method) {
        String base = properties.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + method);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new CscException("invalid_response", 502, "The remote-signing provider's certificate cannot be "
                    + "read.");
        }
    }
}
