package be.paraaf.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CertificateIdentityTest {

    @Test
    void nationalNumber_readsBareSerialNumberAsOnTheEid() throws Exception {
        assertThat(CertificateIdentity.nationalNumber(certificate("C=BE,CN=Jan Peeters,SERIALNUMBER=85073003328")))
                .contains(NationalRegisterNumber.parse("85073003328"));
    }

    @Test
    void nationalNumber_readsEtsiPnobeForm() throws Exception {
        assertThat(CertificateIdentity.nationalNumber(certificate("C=BE,CN=Jan,SERIALNUMBER=PNOBE-85073003328")))
                .contains(NationalRegisterNumber.parse("85073003328"));
    }

    @Test
    void nationalNumber_isEmptyWithoutAValidNumber() throws Exception {
        assertThat(CertificateIdentity.nationalNumber(certificate("C=BE,CN=Jan,SERIALNUMBER=85073003329"))).isEmpty();
        assertThat(CertificateIdentity.nationalNumber(certificate("C=BE,CN=Jan"))).isEmpty();
        assertThat(CertificateIdentity.nationalNumber(certificate("C=BE,CN=85073003328"))).isEmpty();
    }

    private static X509Certificate certificate(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair key = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Date now = new Date();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                now, new Date(now.getTime() + 86_400_000L), name, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }
}
