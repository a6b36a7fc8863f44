package be.paraaf.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP plumbing the card-side clients share: requests against a paraaf base URL, relative URLs the
 * server hands out (completeUrl) resolved against it, and problem documents (RFC 9457) turned into
 * {@link ServerProblemException}.
 */
final class ServiceHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final String apiKey;

    ServiceHttp(URI baseUrl, Duration timeout) {
        this(baseUrl, timeout, null);
    }

    /** @param apiKey sent as {@code X-API-Key} on every call when not null (the open two-step API needs one) */
    ServiceHttp(URI baseUrl, Duration timeout, String apiKey) {
        this.apiKey = apiKey;
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text : text + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    URI resolve(String url) {
        return baseUrl.resolve(url.startsWith("/") ? url.substring(1) : url);
    }

    /** POSTs and returns the body of a 2xx answer; anything else is a {@link ServerProblemException}. */
    byte[] send(String url, String contentType, byte[] body) {
        return exchange(HttpRequest.newBuilder(resolve(url)).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GETs and returns the body of a 2xx answer; anything else is a {@link ServerProblemException}. */
    byte[] get(String url) {
        return exchange(HttpRequest.newBuilder(resolve(url)).timeout(timeout).header("Accept", "application/json")
                .GET());
    }

    private byte[] exchange(HttpRequest.Builder builder) {
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        HttpRequest request = builder.build();
        URI target = request.uri();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ServerProblemException.unreachable(target.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServerProblemException.unreachable(target.toString(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw problem(response);
        }
        return response.body();
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ServerProblemException(200, null, "Unexpected answer", "the server's answer is not JSON");
        }
    }

    static ServerProblemException problem(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (contentType.contains("json")) {
            try {
                JsonNode problem = JSON.readTree(text);
                return new ServerProblemException(response.statusCode(), member(problem, "type"),
                        member(problem, "title"), member(problem, "detail"));
            } catch (JacksonException e) {
                // fall through: show the start of the body
            }
        }
        return new ServerProblemException(response.statusCode(), null, "Unexpected answer",
                text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    private static String member(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate certificate : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("unencodable certificate", e);
            }
        }
        return pem.toString();
    }

    /** A multipart/form-data body (RFC 7578) of text fields and files. */
    static final class Form {

        private final String boundary = "paraaf-" + UUID.randomUUID();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Form field(String name, String value) {
            head("form-data; name=\"" + name + "\"", "text/plain; charset=UTF-8");
            write(value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Form file(String name, String fileName, String contentType, byte[] content) {
            head("form-data; name=\"" + name + "\"; filename=\"" + fileName.replaceAll("[\"\\\\\r\n]", "_") + "\"",
                    contentType);
            write(content);
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(bytes.toByteArray());
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        private void head(String disposition, String contentType) {
            bytes.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + contentType
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        }

        private void write(byte[] content) {
            bytes.writeBytes(content);
            bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
