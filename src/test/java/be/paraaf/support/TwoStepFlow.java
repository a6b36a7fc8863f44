package be.paraaf.support;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.ServiceClient.Citizen;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What an eID agent or remote-key client does over HTTP: prepare, sign dataToSign with the key, complete;
 * and what a verifier does: upload to the validation API. The open two-step API is called as the API client
 * holding {@code apiKey} (the demo agency unless told otherwise).
 */
public record TwoStepFlow(ServiceClient client, String apiKey) {

    public TwoStepFlow(ServiceClient client) {
        this(client, DemoClients.WOONPUNT_KEY);
    }

    /** Prepare → sign dataToSign with the citizen's key → complete. */
    public byte[] signPdf(byte[] pdf, Citizen citizen, Map<String, String> options) {
        return complete(prepare("/api/signatures/pades/prepare", "contract.pdf", "application/pdf", pdf,
                citizen.chain(), options), citizen.signatureKey());
    }

    public JsonNode prepare(String path, String fileName, String contentType, byte[] document,
            List<X509Certificate> chain, Map<String, String> options) {
        Multipart form = new Multipart().file("document", fileName, contentType, document)
                .file("certificateChain", "chain.pem", "application/x-pem-file", pem(chain));
        options.forEach(form::field);
        HttpResponse<byte[]> response = client.post(path, form, apiKey);
        assertThat(response.statusCode()).as(body(response)).isEqualTo(201);
        return ServiceClient.json(response);
    }

    public byte[] complete(JsonNode prepared, PrivateKey key) {
        byte[] dataToSign = Base64.getDecoder().decode(prepared.get("dataToSign").asString());
        String signatureValue = Base64.getEncoder().encodeToString(
                sign(dataToSign, prepared.get("signatureAlgorithm").asString(), key));
        HttpResponse<byte[]> response = client.postJson(prepared.get("completeUrl").asString(),
                "{\"signatureValue\":\"" + signatureValue + "\"}", apiKey);
        assertThat(response.statusCode()).as(body(response)).isEqualTo(200);
        return response.body();
    }

    /** DSS's verdict through paraaf's validation API. */
    public JsonNode validate(byte[] document, String fileName) {
        HttpResponse<byte[]> response = client.post("/api/validations",
                new Multipart().file("document", fileName, "application/octet-stream", document));
        assertThat(response.statusCode()).as(body(response)).isBetween(200, 201);
        return ServiceClient.json(response);
    }

    public static List<JsonNode> signatures(JsonNode validation) {
        List<JsonNode> signatures = new ArrayList<>();
        validation.get("signatures").forEach(signatures::add);
        return signatures;
    }

    public static byte[] sign(byte[] data, String algorithm, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
