package be.paraaf.demo.pki;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.ServiceIT;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** {@code POST /api/dev/pki/citizen-certificates}: certifying a key generated on a (virtual) card. */
class CitizenCertificateEndpointIT extends ServiceIT {

    private static final String PATH = "/api/dev/pki/citizen-certificates";

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String csr(KeyPair subjectKeys, KeyPair signingKeys) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=ignored"),
                subjectKeys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .build(signingKeys.getPrivate()));
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(request);
        }
        return text.toString().replace("\n", "\\n").replace("\r", "");
    }

    private static HttpResponse<byte[]> post(String number, String purpose, String keyMember) {
        return CLIENT.postJson(PATH, """
                {"givenName":"An","surname":"Janssens","nationalRegisterNumber":"%s","purpose":"%s",%s}"""
                .formatted(number, purpose, keyMember));
    }

    @Test
    void aCsrSignedByTheCardKeyIsCertifiedAsAnEidSignatureCertificate() throws Exception {
        KeyPair keys = ecKeys();

        HttpResponse<byte[]> response = post("85073003328", "SIGNATURE", "\"csr\":\"" + csr(keys, keys) + "\"");

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pem-certificate-chain");
        @SuppressWarnings("unchecked")
        List<X509Certificate> chain = (List<X509Certificate>) CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(response.body()));
        assertThat(chain).hasSize(3);
        assertThat(chain.get(0).getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(new X500Name(BCStyle.INSTANCE, X500Name.getInstance(
                chain.get(0).getSubjectX500Principal().getEncoded()).getRDNs()).toString())
                .isEqualTo("C=BE,CN=An Janssens (Signature),SURNAME=Janssens,GIVENNAME=An,SERIALNUMBER=85073003328");
        assertThat(chain.get(0).getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(chain.get(2)).isEqualTo(CLIENT.rootCertificate());
    }

    @Test
    void aBarePublicKeyIsCertifiedForAuthentication() throws Exception {
        String spki = Base64.getEncoder().encodeToString(ecKeys().getPublic().getEncoded());

        HttpResponse<byte[]> response = post("85073003328", "AUTHENTICATION", "\"publicKey\":\"" + spki + "\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void badInputsAreProblems() throws Exception {
        KeyPair keys = ecKeys();
        String csr = "\"csr\":\"" + csr(keys, keys) + "\"";
        assertProblem(post("85073003329", "SIGNATURE", csr), 400, "invalid-national-register-number");
        assertProblem(post("85073003328", "ENCRYPTION", csr), 400, "invalid-purpose");
        assertProblem(post("85073003328", "SIGNATURE", "\"csr\":\"" + csr(keys, ecKeys()) + "\""), 400,
                "invalid-public-key");
        assertProblem(post("85073003328", "SIGNATURE", "\"publicKey\":\"bm90IGEga2V5\""), 400, "invalid-public-key");
        assertProblem(post("85073003328", "SIGNATURE", "\"x\":1"), 400, "invalid-public-key");

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String weak = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
        assertProblem(post("85073003328", "SIGNATURE", "\"publicKey\":\"" + weak + "\""), 400,
                "unsupported-public-key");
    }
}
