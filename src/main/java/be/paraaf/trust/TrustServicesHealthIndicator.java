package be.paraaf.trust;

import be.paraaf.ParaafProperties;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the trust services signing depends on: at least one trusted root, and a TSA that answers
 * a real RFC 3161 request. The TSA probe is cached for a minute so health checks do not flood it.
 */
@Component("trustServices")
class TrustServicesHealthIndicator implements HealthIndicator {

    private static final Duration PROBE_INTERVAL = Duration.ofMinutes(1);

    private record Probe(Instant at, boolean up, String detail) {
    }

    private final CommonTrustedCertificateSource trustedRoots;
    private final TSPSource tspSource;
    private final String tsaUrl;
    private final Clock clock;
    private final AtomicReference<Probe> lastProbe = new AtomicReference<>();

    TrustServicesHealthIndicator(CommonTrustedCertificateSource trustedRoots, TSPSource tspSource,
            TrustProperties properties, ParaafProperties paraaf, Clock clock) {
        this.trustedRoots = trustedRoots;
        this.tspSource = tspSource;
        this.tsaUrl = TrustConfiguration.tsaUrl(properties, paraaf);
        this.clock = clock;
    }

    @Override
    public Health health() {
        Probe probe = probeTsa();
        int roots = trustedRoots.getNumberOfCertificates();
        Health.Builder health = probe.up() && roots > 0 ? Health.up() : Health.down();
        return health.withDetail("trustedRoots", roots)
                .withDetail("tsa", tsaUrl)
                .withDetail("tsaStatus", probe.detail())
                .withDetail("tsaCheckedAt", probe.at().toString())
                .build();
    }

    private Probe probeTsa() {
        Instant now = clock.instant();
        Probe previous = lastProbe.get();
        if (previous != null && previous.at().plus(PROBE_INTERVAL).isAfter(now)) {
            return previous;
        }
        Probe probe;
        try {
            byte[] digest = DSSUtils.digest(DigestAlgorithm.SHA256, ("paraaf health " + now).getBytes());
            tspSource.getTimeStampResponse(DigestAlgorithm.SHA256, digest);
            probe = new Probe(now, true, "answered");
        } catch (RuntimeException e) {
            probe = new Probe(now, false, "no valid answer: " + e.getMessage());
        }
        lastProbe.set(probe);
        return probe;
    }
}
