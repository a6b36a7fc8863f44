package be.paraaf.agent;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The client half of paraaf's two-step signature over HTTP: {@link #prepare} sends the document and the
 * signer's certificate chain and receives the data to sign; {@link #complete} returns the signature value
 * and receives the signed document. Takes the prepare URL as a parameter, so a signing request's own
 * prepare/complete URLs work the same way as {@code /api/signatures/pades/prepare}.
 */
public final class TwoStepClient {

    public static final String PADES_PREPARE = "/api/signatures/pades/prepare";

    /** What the server answered to prepare: sign {@code dataToSign} with {@code signatureAlgorithm}. */
    public record Prepared(String handle, byte[] dataToSign, String signatureAlgorithm, String completeUrl,
            Instant expiresAt) {

        public Prepared {
            Objects.requireNonNull(dataToSign, "dataToSign");
            Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
            Objects.requireNonNull(completeUrl, "completeUrl");
        }
    }

    /** The document to sign: a file name (the server keeps it) and its bytes. */
    public record Document(String fileName, String mediaType, byte[] content) {
    }

    private final ServiceHttp http;

    public TwoStepClient(URI serverUrl) {
        this(serverUrl, Duration.ofSeconds(60));
    }

    public TwoStepClient(URI serverUrl, Duration timeout) {
        this(serverUrl, timeout, null);
    }

    /** @param apiKey the API client's key for the open two-step API; null for a personal link, which needs none */
    public TwoStepClient(URI serverUrl, Duration timeout, String apiKey) {
        this.http = new ServiceHttp(serverUrl, timeout, apiKey);
    }

    /**
     * Step 1; {@code options} are the form fields of the prepare call (level, fieldName, reason, …). A null
     * {@code document} is for a signing request's link, whose prepare call knows its document.
     */
    public Prepared prepare(String prepareUrl, Document document, List<X509Certificate> chain,
            Map<String, String> options) {
        ServiceHttp.Form form = new ServiceHttp.Form();
        if (document != null) { // a signing request's link prepares its own document
            form.file("document", document.fileName(), document.mediaType(), document.content());
        }
        form.file("certificateChain", "chain.pem", "application/x-pem-file",
                        ServiceHttp.pem(chain).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        options.forEach((name, value) -> {
            if (value != null) {
                form.field(name, value);
            }
        });
        JsonNode answer = ServiceHttp.json(http.send(prepareUrl, form.contentType(), form.bytes()));
        try {
            JsonNode expires = answer.get("expiresAt");
            return new Prepared(text(answer, "handle"), Base64.getDecoder().decode(text(answer, "dataToSign")),
                    text(answer, "signatureAlgorithm"), text(answer, "completeUrl"),
                    expires == null || expires.isNull() ? null : Instant.parse(expires.asString()));
        } catch (RuntimeException e) {
            throw new ServerProblemException(201, null, "Unexpected answer",
                    "the prepare answer lacks dataToSign, signatureAlgorithm or completeUrl");
        }
    }

    /** Step 2: returns the signed document. */
    public byte[] complete(Prepared prepared, byte[] signatureValue) {
        String body = "{\"handle\":\"" + prepared.handle() + "\",\"signatureValue\":\""
                + Base64.getEncoder().encodeToString(signatureValue) + "\"}";
        return http.send(prepared.completeUrl(), "application/json",
                body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
