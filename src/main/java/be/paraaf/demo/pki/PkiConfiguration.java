package be.paraaf.demo.pki;

import be.paraaf.system.ParaafProperties;
import be.paraaf.consent.itsme.RemoteSigningCertificates;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens (or on first start generates) the demo PKI under {@code <paraaf.data-dir>/pki}. The one bean is
 * also the {@link be.paraaf.trust.TrustAnchorSource} (the demo root) and the
 * {@link be.paraaf.signing.SealCredentials} ("paraaf Seal") of the dev setup; its Remote Signing CA is the
 * {@link RemoteSigningCertificates} of the itsme accounts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDemoPki
class PkiConfiguration {

    @Bean
    DemoPki demoPki(ParaafProperties paraaf, PkiProperties pki, Clock clock) {
        // the application clock, so tests that move time also move certificate, OCSP and TSA dates
        return DemoPki.openOrCreate(paraaf.dataDir().resolve("pki"), paraaf.baseUrl(), pki.toSettings(), clock);
    }

    /** The Demo Remote Signing CA certifies the itsme accounts' remote keys. */
    @Bean
    RemoteSigningCertificates demoRemoteSigningCa(DemoPki pki) {
        return pki::certifyRemoteSigning;
    }
}
