package be.paraaf.signing;

import be.paraaf.system.Digests;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signer certificates DSS found unrevoked a moment ago (paraaf.signing.check-revocation-before-signing), so a signer
 * who signs several documents in a row pays for one revocation check, not one per signature. DSS reads the status
 * from the OCSP/CRL cache, which already reuses a response for up to {@code paraaf.trust.revocation-cache-max-age};
 * reusing its verdict for {@code window} more delays seeing a revocation by at most that window.
 */
final class RecentRevocationChecks {

    /** Bounds the memory a stream of distinct signers can take; the map is simply emptied when full. */
    private static final int MOST_REMEMBERED = 10_000;

    private final Duration window;
    private final Clock clock;
    private final Map<String, Instant> checkedAt = new ConcurrentHashMap<>();

    RecentRevocationChecks(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** True when {@code certificate} passed a revocation check less than the window ago. */
    boolean recentlyPassed(X509Certificate certificate) {
        if (window.isZero()) {
            return false;
        }
        Instant at = checkedAt.get(key(certificate));
        return at != null && clock.instant().isBefore(at.plus(window));
    }

    /** Records that DSS's revocation check of {@code certificate} has just passed. */
    void passed(X509Certificate certificate) {
        if (window.isZero()) {
            return;
        }
        if (checkedAt.size() >= MOST_REMEMBERED) {
            checkedAt.clear();
        }
        checkedAt.put(key(certificate), clock.instant());
    }

    private static String key(X509Certificate certificate) {
        try {
            return Digests.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
