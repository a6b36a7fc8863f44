package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.InvalidInputException;
import java.nio.charset.StandardCharsets;
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
}
