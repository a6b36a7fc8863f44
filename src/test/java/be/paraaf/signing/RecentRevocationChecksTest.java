package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class RecentRevocationChecksTest {

    private final SteppedClock clock = new SteppedClock();

    /** A clock that stands still until a test moves it. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aPassedCheckIsReusedWithinTheWindowOnlyAndOnlyForThatCertificate() throws Exception {
        RecentRevocationChecks checks = new RecentRevocationChecks(Duration.ofMinutes(1), clock);
        X509Certificate signer = certificate("CN=Signer");
        X509Certificate other = certificate("CN=Other");
        assertThat(checks.recentlyPassed(signer)).isFalse();

        checks.passed(signer);

        assertThat(checks.recentlyPassed(signer)).isTrue();
        assertThat(checks.recentlyPassed(other)).isFalse();
        clock.advance(Duration.ofSeconds(59));
        assertThat(checks.recentlyPassed(signer)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(checks.recentlyPassed(signer)).isFalse();
    }

    @Test
    void aZeroWindowChecksEverySignature() throws Exception {
        RecentRevocationChecks checks = new RecentRevocationChecks(Duration.ZERO, clock);
        X509Certificate signer = certificate("CN=Signer");

        checks.passed(signer);

        assertThat(checks.recentlyPassed(signer)).isFalse();
    }

    private static X509Certificate certificate(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(3600)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
