package be.paraaf.demo.pki;

import static be.paraaf.demo.pki.SharedDemoPki.JAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

class OcspResponderTest {

    private final DemoPki pki = SharedDemoPki.get();
    private final OcspResponder ocsp = pki.ocspResponder();

    @Test
    void goodCitizenCertificateTurnsRevokedAfterRevocation() throws Exception {
        X509Certificate citizen = pki.certifyCitizen(JAN, DemoPkiTest.rsaKey(), CitizenKeyPurpose.SIGNATURE).get(0);
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};

        BasicOCSPResp before = successful(ocsp.respond(request(CaId.CITIZEN, citizen.getSerialNumber(), nonce)));
        assertThat(before.getResponses()[0].getCertStatus()).isNull();
        assertSignedByResponderOf(before, CaId.CITIZEN);
        assertThat(before.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());
        assertThat(before.getResponses()[0].getNextUpdate()).isAfter(before.getResponses()[0].getThisUpdate());

        pki.revoke(citizen.getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        SingleResp after = successful(ocsp.respond(request(CaId.CITIZEN, citizen.getSerialNumber(), nonce)))
                .getResponses()[0];
        assertThat(after.getCertStatus()).isInstanceOf(RevokedStatus.class);
        RevokedStatus revoked = (RevokedStatus) after.getCertStatus();
        assertThat(revoked.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE.code());
        assertThat(revoked.getRevocationTime()).isBeforeOrEqualTo(new Date());
    }

    @Test
    void issuingCaCertificateIsAnsweredByTheRootResponder() throws Exception {
        BasicOCSPResp response = successful(ocsp.respond(
                request(CaId.ROOT, pki.caCertificate(CaId.CITIZEN).getSerialNumber(), null)));

        assertThat(response.getResponses()[0].getCertStatus()).isNull();
        assertSignedByResponderOf(response, CaId.ROOT);
        assertThat(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNull();
    }

    @Test
    void serialTheCaNeverIssuedIsUnknown() throws Exception {
        BasicOCSPResp response = successful(ocsp.respond(request(CaId.REMOTE_SIGNING, BigInteger.TEN, null)));

        assertThat(response.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
        assertSignedByResponderOf(response, CaId.REMOTE_SIGNING);
    }

    @Test
    void certificateOfAForeignCaIsUnauthorized() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        // a CA certificate that is not ours: same name as the citizen CA, another key
        X509Certificate foreign = new JcaX509CertificateConverter().getCertificate(new X509CertificateHolder(
                pki.caCertificate(CaId.CITIZEN).getEncoded()));
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(foreign), BigInteger.TEN);
        byte[] tampered = new OCSPReqBuilder().addRequest(new CertificateID(new org.bouncycastle.asn1.ocsp.CertID(
                id.toASN1Primitive().getHashAlgorithm(), id.toASN1Primitive().getIssuerNameHash(),
                new DEROctetString(new byte[20]), id.toASN1Primitive().getSerialNumber()))).build().getEncoded();

        assertThat(new OCSPResp(ocsp.respond(tampered)).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
    }

    @Test
    void garbageGetsMalformedRequestNotAnException() throws Exception {
        for (byte[] garbage : new byte[][] {{}, "hello".getBytes(), {0x30, 0x00}}) {
            assertThat(new OCSPResp(ocsp.respond(garbage)).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }

    private void assertSignedByResponderOf(BasicOCSPResp response, CaId ca) throws Exception {
        X509CertificateHolder[] certificates = response.getCerts();
        assertThat(certificates).hasSize(1);
        X509Certificate responder = new JcaX509CertificateConverter().getCertificate(certificates[0]);
        assertThat(responder).isEqualTo(pki.ocspResponderCertificate(ca));
        assertThat(response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        responder.verify(pki.caCertificate(ca).getPublicKey());
        assertThat(responder.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.9");
    }

    static byte[] request(CaId issuer, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(SharedDemoPki.get().caCertificate(issuer)),
                serial);
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            // RFC 8954: the extension value is an OCTET STRING holding the nonce
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce).getEncoded())));
        }
        return builder.build().getEncoded();
    }

    static BasicOCSPResp successful(byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }
}
