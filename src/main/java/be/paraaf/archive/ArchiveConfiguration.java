package be.paraaf.archive;

import be.paraaf.persistence.DocumentStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The archive's repository and integrity check, and the schedule of its preservation and retention jobs. */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    @Bean
    ArchiveRepository archiveRepository(JdbcClient jdbc) {
        return new ArchiveRepository(jdbc);
    }

    @Bean
    EvidenceRecordRepository evidenceRecordRepository(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new EvidenceRecordRepository(jdbc);
    }

    @Bean
    ArchiveIntegrity archiveIntegrity(ArchiveRepository repository, DocumentStore store, Clock clock) {
        return new ArchiveIntegrity(repository, store, clock);
    }

    @Bean
    ArchiveJobs archiveJobs(PreservationJob preservation, RetentionJob retention, ArchiveProperties properties) {
        return new ArchiveJobs(preservation, retention, properties);
    }

    /** Runs the jobs on one background thread at the configured intervals (first run one interval after start). */
    static final class ArchiveJobs implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(ArchiveJobs.class);

        private final PreservationJob preservation;
        private final RetentionJob retention;
        private final ArchiveProperties properties;
        private ScheduledExecutorService scheduler;

        ArchiveJobs(PreservationJob preservation, RetentionJob retention, ArchiveProperties properties) {
            this.preservation = preservation;
            this.retention = retention;
            this.properties = properties;
        }

        @Override
        public synchronized void start() {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "paraaf-archive-jobs");
                thread.setDaemon(true);
                return thread;
            });
            if (properties.preservation().enabled()) {
                long seconds = properties.preservation().interval().toSeconds();
                scheduler.scheduleWithFixedDelay(() -> guarded("preservation", preservation::run), seconds, seconds,
                        TimeUnit.SECONDS);
            }
            if (properties.retentionJob().enabled()) {
                long seconds = properties.retentionJob().interval().toSeconds();
                scheduler.scheduleWithFixedDelay(() -> guarded("retention", retention::run), seconds, seconds,
                        TimeUnit.SECONDS);
            }
        }

        private static void guarded(String name, Runnable job) {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("archive {} job failed", name, e);
            }
        }

        @Override
        public synchronized void stop() {
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return scheduler != null;
        }
    }
}
