package be.paraaf.trust;

import be.paraaf.system.MissingSettings;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The trust settings missing when paraaf has no trusted root (no demo PKI, no {@code paraaf.trust.trust-stores}, no
 * trusted lists) or no time-stamping authority (no demo PKI and no {@code paraaf.trust.tsa-url}): the state in which
 * {@link TrustServicesHealthIndicator} keeps readiness DOWN. Reported at start with the other missing settings.
 */
@Component
class TrustSettingsCheck implements MissingSettings {

    private final CommonTrustedCertificateSource trustedRoots;
    private final TrustProperties properties;
    private final boolean demoPki;

    TrustSettingsCheck(CommonTrustedCertificateSource trustedRoots, TrustProperties properties,
            @Value("${paraaf.pki.enabled:false}") boolean demoPki) {
        this.trustedRoots = trustedRoots;
        this.properties = properties;
        this.demoPki = demoPki;
    }

    @Override
    public String capability() {
        return "trust services (time-stamps, validation against trusted roots)";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public List<String> missing() {
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
}
