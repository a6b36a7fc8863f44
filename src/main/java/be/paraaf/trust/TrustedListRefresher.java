package be.paraaf.trust;

import be.paraaf.ParaafProperties;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.FileCacheDataLoader;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.tsl.job.TLValidationJob;
import eu.europa.esig.dss.tsl.source.LOTLSource;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the EU list of trusted lists (ETSI TS 119 612) into the verifier's trusted-list source: from the
 * local cache at start (offline refresh, so start-up needs no network), then from the configured URL on a
 * schedule. The URL may be a {@code file:} URL pointing at an offline snapshot.
 */
@Component
@ConditionalOnProperty("paraaf.trust.trusted-lists.enabled")
class TrustedListRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrustedListRefresher.class);

    private final TLValidationJob job = new TLValidationJob();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "trusted-list-refresh");
        thread.setDaemon(true);
        return thread;
    });

    TrustedListRefresher(TrustedListsCertificateSource target, TrustProperties properties, ParaafProperties paraaf) {
        TrustProperties.TrustedLists lists = properties.trustedLists();
        LOTLSource lotl = new LOTLSource();
        lotl.setUrl(lists.lotlUrl());
        lotl.setCertificateSource(TrustConfiguration.openKeyStore(lists.lotlSigningCertificates(),
                lists.lotlSigningCertificatesType(), lists.lotlSigningCertificatesPassword()));
        lotl.setPivotSupport(true);
        job.setListOfTrustedListSources(lotl);
        job.setTrustedListCertificateSource(target);

        Path cache = paraaf.dataDir().resolve("cache").resolve("trusted-lists");
        job.setOnlineDataLoader(fileCache(cache, 0, properties));
        job.setOfflineDataLoader(fileCache(cache, -1, properties));

        job.offlineRefresh();
        long period = lists.refreshInterval().toSeconds();
        scheduler.scheduleWithFixedDelay(this::refreshOnline, 0, period, TimeUnit.SECONDS);
    }

    private void refreshOnline() {
        try {
            job.onlineRefresh();
            log.info("trusted lists refreshed");
        } catch (RuntimeException e) {
            log.warn("trusted list refresh failed; keeping the previous lists: {}", e.getMessage());
        }
    }

    private static FileCacheDataLoader fileCache(Path directory, long expirationMillis, TrustProperties properties) {
        FileCacheDataLoader loader = new FileCacheDataLoader(
                TrustConfiguration.httpLoader(new CommonsDataLoader(), properties));
        loader.setFileCacheDirectory(directory.toFile());
        loader.setCacheExpirationTime(expirationMillis);
        return loader;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
