package be.paraaf.trust;

import be.paraaf.system.ParaafProperties;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.FileCacheCRLSource;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.ocsp.FileCacheOCSPSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.KeyStoreCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that builds DSS's certificate verifier and TSA client. Trusted roots are the union of
 * every {@link TrustAnchorSource} bean (the demo PKI when it runs), the configured trust stores and,
 * when enabled, the EU trusted lists. AIA, OCSP and CRL go through DSS's online sources over real
 * HTTP, with file caches under {@code <data-dir>/cache}, so the embedded PKI exercises exactly the
 * code path production uses against real trust service providers.
 */
@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

    @Bean
    CommonTrustedCertificateSource trustedRoots(ObjectProvider<TrustAnchorSource> anchorSources,
            TrustProperties properties) {
        CommonTrustedCertificateSource roots = new CommonTrustedCertificateSource();
        anchorSources.orderedStream()
                .flatMap(source -> source.trustAnchors().stream())
                .forEach(certificate -> roots.addCertificate(new CertificateToken(certificate)));
        for (TrustProperties.TrustStore store : properties.trustStores()) {
            roots.importAsTrusted(openKeyStore(store.path(), store.type(), store.password()));
        }
        return roots;
    }

    @Bean
    TrustedListsCertificateSource trustedListCertificates() {
        // stays empty unless the trusted-list job fills it (see TrustedListRefresher)
        return new TrustedListsCertificateSource();
    }

    @Bean
    CertificateVerifier certificateVerifier(CommonTrustedCertificateSource trustedRoots,
            TrustedListsCertificateSource trustedListCertificates, TrustProperties properties,
            ParaafProperties paraaf) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trustedRoots, trustedListCertificates);
        verifier.setAIASource(new DefaultAIASource(httpLoader(new CommonsDataLoader(), properties)));

        Path cache = paraaf.dataDir().resolve("cache");
        long maxAgeSeconds = properties.revocationCacheMaxAge().toSeconds();

        OnlineOCSPSource onlineOcsp = new OnlineOCSPSource(httpLoader(new OCSPDataLoader(), properties));
        FileCacheOCSPSource ocsp = new FileCacheOCSPSource(onlineOcsp);
        ocsp.setFileCacheDirectory(directory(cache.resolve("ocsp")).toFile());
        ocsp.setDefaultNextUpdateDelay(maxAgeSeconds);
        ocsp.setMaxNextUpdateDelay(maxAgeSeconds);
        ocsp.setRemoveExpired(true);
        verifier.setOcspSource(ocsp);

        OnlineCRLSource onlineCrl = new OnlineCRLSource(httpLoader(new CommonsDataLoader(), properties));
        FileCacheCRLSource crl = new FileCacheCRLSource(onlineCrl);
        crl.setFileCacheDirectory(directory(cache.resolve("crl")).toFile());
        crl.setDefaultNextUpdateDelay(maxAgeSeconds);
        crl.setMaxNextUpdateDelay(maxAgeSeconds);
        crl.setRemoveExpired(true);
        verifier.setCrlSource(crl);
        return verifier;
    }

    @Bean
    TSPSource tspSource(TrustProperties properties, ParaafProperties paraaf) {
        String url = tsaUrl(properties, paraaf);
        return new OnlineTSPSource(url, httpLoader(new TimestampDataLoader(), properties));
    }

    static String tsaUrl(TrustProperties properties, ParaafProperties paraaf) {
        return properties.tsaUrl().isBlank() ? paraaf.baseUrl() + "/pki/tsa" : properties.tsaUrl();
    }

    static <T extends CommonsDataLoader> T httpLoader(T loader, TrustProperties properties) {
        int millis = Math.toIntExact(properties.httpTimeout().toMillis());
        loader.setTimeoutConnection(millis);
        loader.setTimeoutConnectionRequest(millis);
        loader.setTimeoutResponse(millis);
        loader.setTimeoutSocket(millis);
        return loader;
    }

    static KeyStoreCertificateSource openKeyStore(Path path, String type, String password) {
        try {
            return new KeyStoreCertificateSource(path.toFile(), type, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trust store " + path, e);
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cache directory " + path, e);
        }
    }

}
