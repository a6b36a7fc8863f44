package be.paraaf.trust;

import be.paraaf.system.ParaafProperties;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.FileCacheDataLoader;
import eu.europa.esig.dss.model.tsl.LOTLInfo;
import eu.europa.esig.dss.model.tsl.TLInfo;
import eu.europa.esig.dss.model.tsl.TLValidationJobSummary;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.client.http.IgnoreDataLoader;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.tsl.job.TLValidationJob;
import eu.europa.esig.dss.tsl.source.LOTLSource;
import eu.europa.esig.dss.tsl.sync.ExpirationAndSignatureCheckStrategy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the EU list of trusted lists (ETSI TS 119 612) into the verifier's trusted-list source: from the
 * local cache at start (offline refresh, so start-up needs no network), then from the configured URL on a
 * schedule, the first time right after start. The URL may be a {@code file:} URL pointing at an offline
 * snapshot. Only lists whose signature is valid and which have not expired are used; a list that cannot
 * be downloaded, parsed or verified is left out and never stops the service.
 */
@Component
@ConditionalOnProperty("paraaf.trust.trusted-lists.enabled")
class TrustedListRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrustedListRefresher.class);

    private final TLValidationJob job = new TLValidationJob();
    private final ExpirationAndSignatureCheckStrategy strategy = new ExpirationAndSignatureCheckStrategy();
    private final TrustedListsCertificateSource target;
    private final Clock clock;
    private final AtomicReference<TrustedListStatus> status = new AtomicReference<>(TrustedListStatus.LOADING);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "trusted-list-refresh");
        thread.setDaemon(true);
        return thread;
    });

    TrustedListRefresher(TrustedListsCertificateSource target, TrustProperties properties, ParaafProperties paraaf,
            Clock clock) {
        this.target = target;
        this.clock = clock;
        TrustProperties.TrustedLists lists = properties.trustedLists();
        LOTLSource lotl = new LOTLSource();
        lotl.setUrl(lists.lotlUrl());
        lotl.setCertificateSource(TrustConfiguration.openKeyStore(lists.lotlSigningCertificates(),
                lists.lotlSigningCertificatesType(), lists.lotlSigningCertificatesPassword()));
        lotl.setPivotSupport(true);
        job.setListOfTrustedListSources(lotl);
        job.setTrustedListCertificateSource(target);
        // explicit: a list with an invalid signature or past its next update contributes nothing
        strategy.setAcceptInvalidTrustedList(false);
        strategy.setAcceptExpiredTrustedList(false);
        strategy.setAcceptInvalidListOfTrustedLists(false);
        strategy.setAcceptExpiredListOfTrustedLists(false);
        job.setSynchronizationStrategy(strategy);

        Path cache = paraaf.dataDir().resolve("cache").resolve("trusted-lists");
        job.setOnlineDataLoader(fileCache(cache, 0, TrustConfiguration.httpLoader(new CommonsDataLoader(), properties)));
        // offline means offline: only what the cache holds (a remote fetch here would block start-up)
        job.setOfflineDataLoader(fileCache(cache, -1, new IgnoreDataLoader()));

        try {
            job.offlineRefresh();
            log.info("trusted lists from the local cache: {}", summarise(null).loadedLists());
        } catch (RuntimeException e) {
            log.warn("cached trusted lists unreadable; waiting for the online refresh: {}", e.getMessage());
        }
        long period = lists.refreshInterval().toSeconds();
        scheduler.scheduleWithFixedDelay(this::refreshOnline, 0, period, TimeUnit.SECONDS);
    }

    /** The state after the last refresh; {@link TrustedListStatus#LOADING} until the first online one ends. */
    TrustedListStatus status() {
        return status.get();
    }

    private void refreshOnline() {
        try {
            job.onlineRefresh();
            TrustedListStatus refreshed = summarise(clock.instant());
            log.info("trusted lists refreshed: {} in use, {} rejected, {} trusted certificates",
                    refreshed.loadedLists(), refreshed.rejectedLists(), refreshed.trustedCertificates());
        } catch (RuntimeException e) {
            log.warn("trusted list refresh failed; keeping the previous lists: {}", e.getMessage());
            TrustedListStatus previous = status.get();
            status.set(new TrustedListStatus(clock.instant(), previous.loadedLists(), previous.rejectedLists(),
                    previous.trustedCertificates()));
        }
    }

    private TrustedListStatus summarise(Instant refreshedAt) {
        TLValidationJobSummary summary = job.getSummary();
        List<TLInfo> lists = new ArrayList<>(summary.getOtherTLInfos());
        for (LOTLInfo lotl : summary.getLOTLInfos()) {
            lists.addAll(lotl.getTLInfos());
        }
        int loaded = (int) lists.stream().filter(strategy::canBeSynchronized).count();
        TrustedListStatus current = new TrustedListStatus(refreshedAt, loaded, lists.size() - loaded,
                target.getNumberOfCertificates());
        if (refreshedAt != null) {
            status.set(current);
        }
        for (TLInfo list : lists) {
            if (!strategy.canBeSynchronized(list)) {
                log.warn("trusted list {} not used: {}", list.getUrl(), why(list));
            }
        }
        return current;
    }

    private static String why(TLInfo list) {
        if (list.getDownloadCacheInfo().isError()) {
            return "download failed: " + list.getDownloadCacheInfo().getExceptionMessage();
        }
        if (list.getParsingCacheInfo().isError()) {
            return "not parseable: " + list.getParsingCacheInfo().getExceptionMessage();
        }
        if (list.getValidationCacheInfo().isResultExist() && !list.getValidationCacheInfo().isValid()) {
            return "signature " + list.getValidationCacheInfo().getIndication() + " "
                    + list.getValidationCacheInfo().getSubIndication();
        }
        return "expired or not processed";
    }

    private static FileCacheDataLoader fileCache(Path directory, long expirationMillis, DataLoader remote) {
        FileCacheDataLoader loader = new FileCacheDataLoader(remote);
        loader.setFileCacheDirectory(directory.toFile());
        loader.setCacheExpirationTime(expirationMillis);
        return loader;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
