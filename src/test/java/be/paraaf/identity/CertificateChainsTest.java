package be.paraaf.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.InvalidInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CertificateChainsTest {

    // a self-signed throwaway certificate (CN=chain-test), DER base64
    private static final String CERTIFICATE = """
            MIIBgjCCASmgAwIBAgIUQ3M0jEXsY1Bn7FHQjRUm1mC1kY0wCgYIKoZIzj0EAwIwFTETMBEGA1UE\
            AwwKY2hhaW4tdGVzdDAgFw0yNjExMjMwMDAwMDBaGA8yMTI2MTEyMzAwMDAwMFowFTETMBEGA1UE\
            AwwKY2hhaW4tdGVzdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEk3X7Hg4dF5l0X8Dpd4qKyU\
            """;

    @Test
    void textThatIsNoCertificateIsRefusedWithAClearProblem() {
        assertThatThrownBy(() -> CertificateChains.parse("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problemType()).isEqualTo("invalid-certificate"));
        assertThatThrownBy(() -> CertificateChains.parse(new byte[0])).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pemWithoutCertificateBlocksIsRefused() {
        byte[] keyOnly = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CertificateChains.parse(keyOnly)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no CERTIFICATE block");
    }

    @Test
    void truncatedCertificateIsRefused() {
        byte[] pem = ("-----BEGIN CERTIFICATE-----\n" + CERTIFICATE + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CertificateChains.parse(pem)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void storedFormsGiveTheSameChainBack() throws Exception {
        List<X509Certificate> chain = List.of(selfSigned("CN=leaf"), selfSigned("CN=root"));

        assertThat(CertificateChains.fromDer(CertificateChains.toDer(chain))).isEqualTo(chain);
        assertThat(CertificateChains.fromStoredText(CertificateChains.toStoredText(chain))).isEqualTo(chain);
        assertThat(CertificateChains.parse(CertificateChains.toBase64(chain.get(0))
                .getBytes(StandardCharsets.US_ASCII))).containsExactly(chain.get(0));
    }

    @Test
    void aDamagedStoredChainIsAnInternalFaultNotBadInput() {
        assertThatThrownBy(() -> CertificateChains.fromDer(List.of(new byte[] {0x30, 0x03, 0x02})))
                .isInstanceOf(IllegalStateException.class);
    }

    static X509Certificate selfSigned(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                Date.from(now.plusSeconds(3600)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
