package be.paraaf.request;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.LimitedServiceIT;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** With production's webhook rule, a request whose callback points into a private network is refused at creation. */
class CallbackCreationIT extends LimitedServiceIT {

    private static final String KEY = DemoClients.WOONPUNT_KEY;
    private static String documentId;

    @BeforeEach
    void document() {
        if (documentId == null) {
            HttpResponse<byte[]> uploaded = CLIENT.post("/api/documents", new Multipart().file("document",
                    "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)), KEY);
            assertThat(uploaded.statusCode()).as(TwoStepFlow.body(uploaded)).isEqualTo(201);
            documentId = ServiceClient.json(uploaded).get("id").asString();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook",
        "http://169.254.169.254/latest/meta-data", "http://10.0.0.7/hook", "http://[::ffff:192.168.1.1]/hook",
        "http://[fe80::1]/hook", "http://2130706433/hook", "http://0x7f.1/hook", "ftp://example.com/hook"})
    void callbackIntoAPrivateNetworkIsRefusedAtCreation(String callback) {
        HttpResponse<byte[]> refused = CLIENT.postJson("/api/requests", request(callback), KEY);
        assertThat(refused.statusCode()).as(TwoStepFlow.body(refused)).isIn(400, 422);
        JsonNode problem = ServiceClient.json(refused);
        assertThat(problem.get("type").asString()).matches("https://paraaf.be/problems/(invalid-callback-url|"
                + "invalid-request)");
        assertThat(problem.get("detail").asString()).doesNotContain("127.0.0.1", "192.168", "0:0:0");
    }

    @Test
    void aPublicCallbackIsAcceptedAndAPrivateOneIsAnInvalidCallbackProblem() {
        // 192.0.2.0/24 (TEST-NET-1, RFC 5737) is outside every private range and reaches nobody
        HttpResponse<byte[]> accepted = CLIENT.postJson("/api/requests", request("http://192.0.2.10/hook"), KEY);
        assertThat(accepted.statusCode()).as(TwoStepFlow.body(accepted)).isEqualTo(201);
        assertProblem(CLIENT.postJson("/api/requests", request("http://localhost/hook"), KEY), 422,
                "invalid-callback-url");
    }

    private static String request(String callback) {
        return """
                {"documentId":"%s","title":"Huurovereenkomst","callbackUrl":"%s","signers":[{"role":"tenant",
                 "name":"Jan Peeters","nationalRegisterNumber":"85073003328","consentMethods":"EITHER",
                 "fieldName":"tenant-1","step":1}]}""".formatted(documentId, callback);
    }
}
