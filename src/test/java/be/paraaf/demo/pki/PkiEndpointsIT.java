package be.paraaf.demo.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PkiEndpointsIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("paraaf.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoPki pki;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tsaEndpointAnswersATimestampQueryWithAValidToken() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] query = generator.generate(TSPAlgorithms.SHA256, new byte[32], BigInteger.TWO).getEncoded();

        HttpResponse<byte[]> response = post("/pki/tsa", "application/timestamp-query", query);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        TimeStampResponse reply = new TimeStampResponse(response.body());
        assertThat(reply.getStatus()).isEqualTo(PKIStatus.GRANTED);
        reply.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsaChain().get(0)));
        assertThat(reply.getTimeStampToken().getTimeStampInfo().getNonce()).isEqualTo(BigInteger.TWO);
    }

    @Test
    void tsaEndpointRejectsGarbageInTheProtocol() throws Exception {
        HttpResponse<byte[]> response = post("/pki/tsa", "application/timestamp-query", "junk".getBytes());

        assertThat(response.statusCode()).isEqualTo(200);
        TimeStampResponse reply = new TimeStampResponse(response.body());
        assertThat(reply.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(reply.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
    }

    @Test
    void devCredentialIsGoodThenRevokedInOcspAndListedInTheCrl() throws Exception {
        HttpResponse<byte[]> issued = postJson("/api/dev/pki/credentials", """
                {"givenName":"An","surname":"Janssens","nationalRegisterNumber":"85.07.30-033.28","password":"1234"}
                """);
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Content-Type")).hasValue("application/x-pkcs12");
        assertThat(issued.headers().firstValue("Content-Disposition").orElseThrow()).contains("an-janssens.p12");
        String serialHex = issued.headers().firstValue(PkiDevController.SIGNATURE_SERIAL_HEADER).orElseThrow();
        assertThat(issued.headers().firstValue(PkiDevController.AUTHENTICATION_SERIAL_HEADER)).isPresent();
        KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        store.load(new ByteArrayInputStream(issued.body()), "1234".toCharArray());
        X509Certificate signature = (X509Certificate) store.getCertificate("Signature");
        assertThat(signature.getSerialNumber().toString(16)).isEqualTo(serialHex);

        byte[] ocspRequest = ocspRequest(signature.getSerialNumber());
        BasicOCSPResp good = basic(post("/pki/ocsp", "application/ocsp-request", ocspRequest));
        assertThat(good.getResponses()[0].getCertStatus()).isNull();
        assertThat(good.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(pki.ocspResponderCertificate(CaId.CITIZEN)))).isTrue();

        HttpResponse<byte[]> revoked = postJson("/api/dev/pki/certificates/" + serialHex + "/revocation",
                "{\"reason\":\"keyCompromise\"}");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(new String(revoked.body())).contains("\"status\":\"revoked\"", "\"revocationReason\":\"keyCompromise\"",
                "\"serial\":\"" + serialHex + "\"", "\"issuer\":\"citizen\"");

        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(ocspRequest);
        BasicOCSPResp viaGet = basic(get("/pki/ocsp/" + urlSafe));
        assertThat(viaGet.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);

        HttpResponse<byte[]> crlResponse = get("/pki/crl/citizen.crl");
        assertThat(crlResponse.statusCode()).isEqualTo(200);
        assertThat(crlResponse.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(crlResponse.body()));
        crl.verify(pki.caCertificate(CaId.CITIZEN).getPublicKey());
        assertThat(crl.getRevokedCertificate(signature.getSerialNumber())).isNotNull();
    }

    @Test
    void malformedOcspRequestGetsMalformedRequestNotAnHttpError() throws Exception {
        HttpResponse<byte[]> post = post("/pki/ocsp", "application/ocsp-request", "junk".getBytes());
        HttpResponse<byte[]> get = get("/pki/ocsp/not-base64!");

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(new OCSPResp(post.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(new OCSPResp(get.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void caCertificatesAreServedAsDer() throws Exception {
        HttpResponse<byte[]> response = get("/pki/ca/root.crt");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pkix-cert");
        assertThat(response.body()).isEqualTo(pki.rootCertificate().getEncoded());
        assertThat(get("/pki/ca/remote-signing.crt").body()).isEqualTo(pki.caCertificate(CaId.REMOTE_SIGNING)
                .getEncoded());
    }

    @Test
    void unknownCaIsA404Problem() throws Exception {
        for (String path : new String[] {"/pki/ca/nope.crt", "/pki/crl/nope.crl"}) {
            HttpResponse<byte[]> response = get(path);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new String(response.body())).contains("https://paraaf.be/problems/unknown-ca", "nope");
        }
    }

    @Test
    void invalidNationalRegisterNumberIsA400ProblemNamingTheField() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/dev/pki/credentials", """
                {"givenName":"An","surname":"Janssens","nationalRegisterNumber":"85073003329","password":"1234"}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(response.body())).contains(
                "https://paraaf.be/problems/invalid-national-register-number", "\"field\":\"nationalRegisterNumber\"");
    }

    @Test
    void missingFieldIsA400ProblemNamingTheField() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/dev/pki/credentials", """
                {"givenName":"An","nationalRegisterNumber":"85073003328","password":"1234"}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body())).contains("https://paraaf.be/problems/missing-field",
                "\"field\":\"surname\"");
    }

    @Test
    void revokingAnUnknownSerialIsA404Problem() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/dev/pki/certificates/abcdef/revocation",
                "{\"reason\":\"keyCompromise\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body())).contains("https://paraaf.be/problems/unknown-certificate", "abcdef");
    }

    @Test
    void unknownRevocationReasonIsA400Problem() throws Exception {
        String serial = pki.caCertificate(CaId.CITIZEN).getSerialNumber().toString(16);
        HttpResponse<byte[]> response = postJson("/api/dev/pki/certificates/" + serial + "/revocation",
                "{\"reason\":\"boredom\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body())).contains("https://paraaf.be/problems/invalid-revocation-reason");
        assertThat(pki.issuedCertificate(pki.caCertificate(CaId.CITIZEN).getSerialNumber()).revoked()).isFalse();
    }

    private byte[] ocspRequest(BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(pki.caCertificate(CaId.CITIZEN)), serial);
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }

    private static BasicOCSPResp basic(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
        OCSPResp ocsp = new OCSPResp(response.body());
        assertThat(ocsp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) ocsp.getResponseObject();
    }

    private HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> postJson(String path, String json) throws Exception {
        return post(path, "application/json", json.getBytes());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
