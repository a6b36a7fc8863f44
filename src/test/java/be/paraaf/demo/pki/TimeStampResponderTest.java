package be.paraaf.demo.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

class TimeStampResponderTest {

    private final DemoPki pki = SharedDemoPki.get();
    private final TimeStampResponder tsa = pki.timeStampResponder();

    @Test
    void tokenValidatesAgainstTheTsaCertificateAndEchoesTheNonce() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello".getBytes());
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        BigInteger nonce = BigInteger.valueOf(123456789L);

        TimeStampResponse response = new TimeStampResponse(
                tsa.respond(requests.generate(TSPAlgorithms.SHA256, digest, nonce).getEncoded()));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        TimeStampToken token = response.getTimeStampToken();
        X509Certificate tsaCertificate = pki.tsaChain().get(0);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(nonce);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(new ASN1ObjectIdentifier(
                PkiSettings.DEFAULT_TSA_POLICY_OID));
        assertThat(token.getTimeStampInfo().getGenTimeAccuracy().getSeconds()).isEqualTo(1);
        assertThat(token.getCertificates().getMatches(null)).isNotEmpty();
    }

    @Test
    void sha384AndSha512ImprintsAreAcceptedAndSerialsDiffer() throws Exception {
        TimeStampToken a = grant(TSPAlgorithms.SHA384, new byte[48]);
        TimeStampToken b = grant(TSPAlgorithms.SHA512, new byte[64]);

        assertThat(a.getTimeStampInfo().getSerialNumber()).isNotEqualTo(b.getTimeStampInfo().getSerialNumber());
        assertThat(a.getCertificates().getMatches(null)).as("no certReq, no certificates").isEmpty();
    }

    @Test
    void sha1ImprintIsRejectedWithBadAlg() throws Exception {
        TimeStampResponse response = new TimeStampResponse(tsa.respond(
                new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA1, new byte[20]).getEncoded()));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
        assertThat(response.getTimeStampToken()).isNull();
    }

    @Test
    void imprintOfTheWrongLengthIsRejectedWithBadDataFormat() throws Exception {
        TimeStampResponse response = new TimeStampResponse(tsa.respond(
                new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, new byte[20]).getEncoded()));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
    }

    @Test
    void anotherPolicyIsRejectedWithUnacceptedPolicy() throws Exception {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));

        TimeStampResponse response = new TimeStampResponse(tsa.respond(
                requests.generate(TSPAlgorithms.SHA256, new byte[32]).getEncoded()));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
    }

    @Test
    void garbageIsRejectedWithBadDataFormat() throws Exception {
        for (byte[] garbage : new byte[][] {{}, "not a request".getBytes(), {0x30, 0x03, 0x02, 0x01}}) {
            TimeStampResponse response = new TimeStampResponse(tsa.respond(garbage));

            assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
            assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
        }
    }

    private TimeStampToken grant(ASN1ObjectIdentifier algorithm, byte[] digest) throws Exception {
        TimeStampResponse response = new TimeStampResponse(
                tsa.respond(new TimeStampRequestGenerator().generate(algorithm, digest).getEncoded()));
        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsaChain().get(0)));
        return response.getTimeStampToken();
    }
}
