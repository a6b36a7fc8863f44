package be.paraaf.trust;

import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start, in one WARN line, which trust settings are missing when paraaf has no trusted root (no demo PKI,
 * no {@code paraaf.trust.trust-stores}, no trusted lists) or no time-stamping authority (no demo PKI and no
 * {@code paraaf.trust.tsa-url}): the state in which {@link TrustServicesHealthIndicator} keeps readiness DOWN.
 */
@Component
class TrustSettingsWarning {

    private static final Logger log = LoggerFactory.getLogger(TrustSettingsWarning.class);

    private final CommonTrustedCertificateSource trustedRoots;
    private final TrustProperties properties;
    private final boolean demoPki;

    TrustSettingsWarning(CommonTrustedCertificateSource trustedRoots, TrustProperties properties,
            @Value("${paraaf.pki.enabled:false}") boolean demoPki) {
        this.trustedRoots = trustedRoots;
        this.properties = properties;
        this.demoPki = demoPki;
    }

    /** The settings to set, empty when trust is configured. */
    List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (trustedRoots.getNumberOfCertificates() == 0 && !properties.trustedLists().enabled()) {
            missing.add("paraaf.trust.trust-stores (or paraaf.trust.trusted-lists.enabled with lotl-url and "
                    + "lotl-signing-certificates)");
        }
        if (properties.tsaUrl().isBlank() && !demoPki) {
            missing.add("paraaf.trust.tsa-url");
        }
        return missing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfUnconfigured() {
        List<String> missing = missingSettings();
        if (!missing.isEmpty()) {
            log.warn("No trust services configured: set {}. Until then signatures cannot be time-stamped or "
                    + "validated against a trusted root, and readiness stays DOWN.", String.join(" and ", missing));
        }
    }
}
