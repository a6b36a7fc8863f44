package be.paraaf.agent;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks a paraaf service's Demo Citizen CA (dev profile: {@code POST /api/dev/pki/citizen-certificates}) to
 * certify a card key, as the card personalisation does for a real eID card.
 */
public final class CitizenCertificateClient {

    static final String PATH = "/api/dev/pki/citizen-certificates";

    private final ServiceHttp http;

    public CitizenCertificateClient(URI serverUrl, Duration timeout) {
        this.http = new ServiceHttp(serverUrl, timeout);
    }

    /**
     * @param purpose {@code SIGNATURE} or {@code AUTHENTICATION}
     * @param csrPem a PKCS#10 request signed by the card key (proof of possession)
     * @return the certificate followed by the Citizen CA and the root
     */
    public List<X509Certificate> certify(CardHolder holder, String purpose, String csrPem) {
        ObjectNode body = ServiceHttp.JSON.createObjectNode()
                .put("givenName", holder.givenName())
                .put("surname", holder.surname())
                .put("nationalRegisterNumber", holder.nationalRegisterNumber().value())
                .put("purpose", purpose)
                .put("csr", csrPem);
        byte[] pem = http.send(PATH, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new GeneralSecurityException("no certificate in the answer");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new ServerProblemException(200, null, "Unexpected answer",
                    "the Citizen CA's answer is not a PEM certificate chain");
        }
    }
}
