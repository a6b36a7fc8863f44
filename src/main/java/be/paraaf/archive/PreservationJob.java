package be.paraaf.archive;

import be.paraaf.persistence.JobLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps archived signatures verifiable (ETSI EN 319 142-1 / EN 319 132-1 B-LTA): every entry whose newest
 * archive time-stamp's TSA certificate expires within the horizon, or whose time-stamp digest is on the
 * weak list, gets fresh validation data and a new archive time-stamp on its PDF and its sealed evidence. The
 * renewed files are new content-addressed versions; earlier versions stay. Progress is visible through
 * {@link #status()}, the log and the metrics {@code paraaf.archive.renewals} (counter, by outcome) and
 * {@code paraaf.archive.renewal.pending} (gauge).
 */
@Component
public class PreservationJob {

    private static final Logger log = LoggerFactory.getLogger(PreservationJob.class);

    private final ArchiveService archive;
    private final JobLocks locks;
    private final ArchiveRepository repository;
    private final ArchiveProperties properties;
    private final Clock clock;
    private final Counter renewed;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    PreservationJob(ArchiveService archive, ArchiveRepository repository, ArchiveProperties properties, Clock clock,
            MeterRegistry meters, JobLocks locks) {
        this.archive = archive;
        this.locks = locks;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.renewed = meters.counter("paraaf.archive.renewals", "outcome", "success");
        this.failed = meters.counter("paraaf.archive.renewals", "outcome", "error");
        meters.gauge("paraaf.archive.renewal.pending", pending);
    }

    /**
     * @param running whether a run is in progress
     * @param candidates entries due when the current (or last) run started, up to the batch size
     * @param due entries due in total when it started
     */
    public record Status(boolean running, Instant startedAt, Instant finishedAt, long due, int candidates,
            int renewed, int failed, Instant horizonLimit, long totalRenewed, long totalFailed) {

        static Status idle() {
            return new Status(false, null, null, 0, 0, 0, 0, null, 0, 0);
        }
    }

    public Status status() {
        return status.get();
    }

    /**
     * One run: renews up to the batch size of due entries, soonest-expiring first. Skipped if one is running, on
     * this node or on another that shares the database (lock {@code archive-preservation}, held at most one
     * interval by a node that dies).
     */
    public Status run() {
        if (!running.tryLock()) {
            return status.get();
        }
        try {
            return locks.call("archive-preservation", properties.preservation().interval(), this::renewDue)
                    .orElseGet(status::get);
        } finally {
            running.unlock();
        }
    }

    private Status renewDue() {
        Instant started = clock.instant();
        Instant limit = started.plus(properties.preservation().horizon());
        List<String> weak = properties.preservation().weakDigests();
        long due = repository.countDueForRenewal(limit, weak);
        List<String> ids = repository.dueForRenewal(limit, weak, properties.preservation().batchSize());
        pending.set(ids.size());
        Status previous = status.get();
        status.set(new Status(true, started, null, due, ids.size(), 0, 0, limit, previous.totalRenewed(),
                previous.totalFailed()));
        log.info("preservation run: {} entries due (time-stamps expiring before {} or weak digests {}), "
                + "renewing {}", due, limit, weak, ids.size());
        int ok = 0;
        int errors = 0;
        for (String id : ids) {
            try {
                ArchiveEntry entry = repository.find(id).orElse(null);
                if (entry != null) {
                    ArchiveService.Renewal renewal = archive.renewBlobs(entry);
                    archive.recordRenewal(id, renewal);
                    log.info("renewed archive entry {}: PDF v{}, evidence v{}, time-stamps now valid until {}",
                            id, renewal.document().version(), renewal.evidence().version(),
                            renewal.facts().validUntil());
                    renewed.increment();
                    ok++;
                }
            } catch (RuntimeException e) {
                log.error("renewal of archive entry {} failed; it stays due", id, e);
                failed.increment();
                errors++;
            }
            pending.decrementAndGet();
            Status current = status.get();
            status.set(new Status(true, started, null, due, ids.size(), ok, errors, limit,
                    current.totalRenewed() + (ok > current.renewed() ? 1 : 0),
                    current.totalFailed() + (errors > current.failed() ? 1 : 0)));
        }
        Status done = status.get();
        Status finished = new Status(false, started, clock.instant(), due, ids.size(), ok, errors, limit,
                done.totalRenewed(), done.totalFailed());
        status.set(finished);
        log.info("preservation run finished: {} renewed, {} failed, {} still due beyond this batch", ok, errors,
                Math.max(0, due - ids.size()));
        return finished;
    }
}
