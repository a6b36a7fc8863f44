package be.paraaf.trust;

import be.paraaf.system.ParaafProperties;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the trust services signing depends on: at least one trusted root, and a TSA that answers
 * a real RFC 3161 request. The TSA probe is cached for a minute so health checks do not flood it. When EU
 * trusted lists are enabled, the service is not ready until their first online refresh has finished
 * (successfully or not): until then signatures that need them would be judged untrusted.
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
    private final ObjectProvider<TrustedListRefresher> trustedLists;
    private final AtomicReference<Probe> lastProbe = new AtomicReference<>();

    TrustServicesHealthIndicator(CommonTrustedCertificateSource trustedRoots, TSPSource tspSource,
            TrustProperties properties, ParaafProperties paraaf, Clock clock,
            ObjectProvider<TrustedListRefresher> trustedLists) {
        this.trustedRoots = trustedRoots;
        this.trustedLists = trustedLists;
        this.tspSource = tspSource;
        this.tsaUrl = TrustConfiguration.tsaUrl(properties, paraaf);
        this.clock = clock;
    }

    @Override
    public Health health() {
        Probe probe = probeTsa();
        int roots = trustedRoots.getNumberOfCertificates();
        TrustedListRefresher refresher = trustedLists.getIfAvailable();
        TrustedListStatus lists = refresher == null ? null : refresher.status();
        int anchors = roots + (lists == null ? 0 : lists.trustedCertificates());
        boolean up = probe.up() && anchors > 0 && (lists == null || lists.refreshed());
        Health.Builder health = up ? Health.up() : Health.down();
        health.withDetail("trustedRoots", roots)
                .withDetail("tsa", tsaUrl)
                .withDetail("tsaStatus", probe.detail())
                .withDetail("tsaCheckedAt", probe.at().toString());
        if (lists != null) {
            health.withDetail("trustedLists", details(lists));
        }
        return health.build();
    }

    private static Map<String, Object> details(TrustedListStatus lists) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", lists.refreshed() ? "refreshed" : "loading");
        details.put("loaded", lists.loadedLists());
        details.put("rejected", lists.rejectedLists());
        details.put("trustedCertificates", lists.trustedCertificates());
        details.put("lastRefresh", lists.refreshed() ? lists.lastRefresh().toString() : null);
        return details;
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
