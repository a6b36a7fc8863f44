package be.paraaf.signing;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Shared base of the signing scenarios: a running service with its demo PKI, citizens with eID-like
 * credentials, the two-step HTTP flow a card agent performs, and both verifiers (DSS through the
 * validation API, poppler's pdfsig through an NSS database trusting the demo root).
 */
abstract class SigningScenario extends ServiceIT {

    /** The open two-step API's caller: the demo agency. */
    static final String KEY = DemoClients.WOONPUNT_KEY;
    static final TwoStepFlow FLOW = new TwoStepFlow(CLIENT, KEY);
    private static PdfSig pdfsig;

    static synchronized PdfSig pdfsig() {
        if (pdfsig == null) {
            pdfsig = PdfSig.trusting(CLIENT.rootCertificate(), DATA_DIR.resolve("nss-" + System.nanoTime()));
        }
        return pdfsig;
    }

    static Citizen citizen(String given, String surname, String nationalNumber) {
        return CLIENT.issueCitizen(given, surname, nationalNumber);
    }

    static byte[] signTwoStep(byte[] pdf, Citizen citizen, Map<String, String> options) {
        return FLOW.signPdf(pdf, citizen, options);
    }

    static JsonNode prepare(String path, String fileName, String contentType, byte[] document,
            List<X509Certificate> chain, Map<String, String> options) {
        return FLOW.prepare(path, fileName, contentType, document, chain, options);
    }

    static byte[] complete(JsonNode prepared, PrivateKey key) {
        return FLOW.complete(prepared, key);
    }

    static JsonNode validate(byte[] document, String fileName) {
        return FLOW.validate(document, fileName);
    }

    static List<JsonNode> signatures(JsonNode validation) {
        return TwoStepFlow.signatures(validation);
    }

    static byte[] sign(byte[] data, String algorithm, PrivateKey key) {
        return TwoStepFlow.sign(data, algorithm, key);
    }

    static byte[] pem(List<X509Certificate> chain) {
        return TwoStepFlow.pem(chain);
    }

    static String body(HttpResponse<byte[]> response) {
        return TwoStepFlow.body(response);
    }
}
