package be.paraaf.support;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** The dev mode's demo citizens as tests use them: the dev endpoint, their device keys, a request naming one. */
public final class DemoData {

    /** A started signing request (the Woonpunt demo client's) and the one signer's link token. */
    public record StartedRequest(String id, String token) {
    }

    private DemoData() {
    }

    /** {@code GET /api/dev/demo/citizens}, expected 200. */
    public static JsonNode citizens(ServiceClient client) {
        HttpResponse<byte[]> response = client.get("/api/dev/demo/citizens");
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return ServiceClient.json(response);
    }

    /** The P-256 private key of a JWK (only {@code d} is needed to sign). */
    public static PrivateKey privateKey(JsonNode jwk) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            BigInteger d = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("d").asString()));
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d,
                    parameters.getParameterSpec(ECParameterSpec.class)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads the sample contract and starts a request with one signer (field tenant-1) allowed {@code method}. */
    public static StartedRequest startedRequest(ServiceClient client, String name, String nationalNumber,
            String method) {
        return startedRequest(client, "Huurcontract", name, nationalNumber, method);
    }

    /** A started B-T request of the demo agency on the sample contract, one signer for field tenant-1. */
    public static StartedRequest startedRequest(ServiceClient client, String title, String name,
            String nationalNumber, String method) {
        String key = DemoClients.WOONPUNT_KEY;
        HttpResponse<byte[]> uploaded = client.post("/api/documents", new Multipart().file("document",
                "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)), key);
        assertThat(uploaded.statusCode() / 100).as(TwoStepFlow.body(uploaded)).isEqualTo(2);
        String documentId = ServiceClient.json(uploaded).get("id").asString();
        HttpResponse<byte[]> created = client.postJson("/api/requests", """
                {"documentId":"%s","title":"%s","signatureLevel":"B-T","signers":[{"role":"tenant",
                 "name":"%s","nationalRegisterNumber":"%s","consentMethods":"%s","fieldName":"tenant-1",
                 "step":1}]}""".formatted(documentId, title, name, nationalNumber, method), key);
        assertThat(created.statusCode()).as(TwoStepFlow.body(created)).isEqualTo(201);
        JsonNode json = ServiceClient.json(created);
        String id = json.get("id").asString();
        assertThat(client.postJson("/api/requests/" + id + "/start", "", key).statusCode()).isEqualTo(200);
        return new StartedRequest(id, json.get("signerLinks").get(0).get("token").asString());
    }

    /** The request's state as the agency sees it. */
    public static String state(ServiceClient client, String requestId) {
        return ServiceClient.json(client.get("/api/requests/" + requestId, DemoClients.WOONPUNT_KEY)).get("state")
                .asString();
    }
}
