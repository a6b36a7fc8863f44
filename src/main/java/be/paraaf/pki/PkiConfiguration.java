package be.paraaf.pki;

import be.paraaf.ParaafProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens (or on first start generates) the demo PKI under {@code <paraaf.data-dir>/pki}. The one bean is
 * also the {@link be.paraaf.trust.TrustAnchorSource} (the demo root) and the
 * {@link be.paraaf.signing.SealCredentials} ("paraaf Seal") of the dev setup.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDemoPki
class PkiConfiguration {

    @Bean
    DemoPki demoPki(ParaafProperties paraaf, PkiProperties pki) {
        return DemoPki.openOrCreate(paraaf.dataDir().resolve("pki"), paraaf.baseUrl(), pki.toSettings());
    }
}
