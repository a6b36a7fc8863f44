package be.paraaf.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running paraaf over real HTTP, as an outside client would. */
public final class ServiceClient {

    /** A demo citizen's "Signature" key and chain, as an eID card would hold them. */
    public record Citizen(PrivateKey signatureKey, List<X509Certificate> chain, String serialHex,
            PrivateKey authenticationKey, List<X509Certificate> authenticationChain) {
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ServiceClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<byte[]> post(String path, Multipart multipart) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())).build());
    }

    /** A multipart POST as the API client holding {@code apiKey}. */
    public HttpResponse<byte[]> post(String path, Multipart multipart, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", multipart.contentType())
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())).build());
    }

    public HttpResponse<byte[]> postJson(String path, String json, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<byte[]> get(String path, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + apiKey)
                .GET().build());
    }

    public HttpResponse<byte[]> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** A GET as the citizen holding the session {@code token} (null: none). */
    public HttpResponse<byte[]> citizenGet(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (token != null) {
            request.header("Paraaf-Citizen-Session", token);
        }
        return send(request.build());
    }

    /** A JSON POST as the citizen holding the session {@code token} (null: none). */
    public HttpResponse<byte[]> citizenPostJson(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Paraaf-Citizen-Session", token);
        }
        return send(request.build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
    }

    public X509Certificate rootCertificate() {
        HttpResponse<byte[]> response = get("/pki/ca/root.crt");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("root certificate not served: " + response.statusCode());
        }
        return certificate(response.body());
    }

    /** Issues an eID-like credential through the dev API and opens its "Signature" entry. */
    public Citizen issueCitizen(String givenName, String surname, String nationalNumber) {
        String password = "test-pin";
        HttpResponse<byte[]> response = postJson("/api/dev/pki/credentials", """
                {"givenName":"%s","surname":"%s","nationalRegisterNumber":"%s","password":"%s"}"""
                .formatted(givenName, surname, nationalNumber, password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("credential not issued: " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(response.body()), password.toCharArray());
            PrivateKey key = (PrivateKey) store.getKey("Signature", password.toCharArray());
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain("Signature"))
                    .map(X509Certificate.class::cast).toList();
            PrivateKey authenticationKey = (PrivateKey) store.getKey("Authentication", password.toCharArray());
            List<X509Certificate> authenticationChain = Arrays.stream(store.getCertificateChain("Authentication"))
                    .map(X509Certificate.class::cast).toList();
            return new Citizen(key, chain, chain.get(0).getSerialNumber().toString(16), authenticationKey,
                    authenticationChain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public void revoke(String serialHex) {
        HttpResponse<byte[]> response = postJson("/api/dev/pki/certificates/" + serialHex + "/revocation",
                "{\"reason\":\"keyCompromise\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("revocation failed: " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
