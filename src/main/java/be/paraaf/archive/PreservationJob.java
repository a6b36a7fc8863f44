package be.paraaf.archive;

import be.paraaf.persistence.JobLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps archived documents provable (RFC 4998 evidence records): seals entries still waiting for a batch, renews
 * the archive time-stamp of every batch whose (staggered) renewal date has come — one TSA call per batch, well
 * before its TSA certificate ends — and moves batches to the successor digest once the configured one weakens
 * (hash-tree renewal). Batches are renewed {@code parallelism} at a time. Progress is visible through
 * {@link #status()}, the log and the metrics {@code paraaf.archive.renewals} (counter of entries, by outcome),
 * {@code paraaf.archive.renewal.pending} (gauge of entries due) and {@code paraaf.archive.evidence.timestamps}
 * (TSA calls).
 */
@Component
public class PreservationJob {

    private static final Logger log = LoggerFactory.getLogger(PreservationJob.class);

    private final EvidenceRecordService evidence;
    private final JobLocks locks;
    private final ArchiveProperties properties;
    private final Clock clock;
    private final Counter renewed;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    PreservationJob(EvidenceRecordService evidence, ArchiveProperties properties, Clock clock, MeterRegistry meters,
            JobLocks locks) {
        this.evidence = evidence;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
        this.renewed = meters.counter("paraaf.archive.renewals", "outcome", "success");
        this.failed = meters.counter("paraaf.archive.renewals", "outcome", "error");
        meters.gauge("paraaf.archive.renewal.pending", pending);
    }

    /**
     * The last run on this node. Counts are entries unless they say batches: renewal is per batch, and each batch
     * renewal renews the evidence record of every entry in it.
     *
     * @param running whether a run is in progress
     * @param skipped true when this call did not run because a run held the lock (here or on another node)
     * @param sealed entries that waited for a batch and were sealed into one in the run
     * @param due entries in batches due for renewal (time-stamp or hash-tree) when the run started
     * @param batches batches renewed or attempted in the run
     * @param renewed entries whose records were renewed (the entries of the batches renewed)
     * @param failed entries of the batches whose renewal failed (they stay due)
     * @param totalRenewed entries renewed by this node since it started; {@code totalFailed} likewise
     */
    public record Status(boolean running, boolean skipped, Instant startedAt, Instant finishedAt, long sealed,
            long due, int batches, long renewed, long failed, long totalRenewed, long totalFailed) {

        static Status idle() {
            return new Status(false, false, null, null, 0, 0, 0, 0, 0, 0, 0);
        }

        Status asSkipped() {
            return new Status(running, true, startedAt, finishedAt, sealed, due, batches, renewed, failed,
                    totalRenewed, totalFailed);
        }
    }

    public Status status() {
        return status.get();
    }

    /**
     * One run: seals waiting entries, then renews due batches, soonest first, up to the batches per run. Skipped
     * (the last status, marked {@code skipped}) if one is running, on this node or on another that shares the
     * database (lock {@code archive-preservation}, held at most one interval by a node that dies).
     */
    public Status run() {
        if (!running.tryLock()) {
            return status.get().asSkipped();
        }
        try {
            return locks.call("archive-preservation", properties.preservation().interval(), this::renewDue)
                    .orElseGet(() -> status.get().asSkipped());
        } finally {
            running.unlock();
        }
    }

    private Status renewDue() {
        Instant started = clock.instant();
        Status previous = status.get();
        long sealed = evidence.sealPending();
        long due = evidence.dueEntries(started);
        pending.set(due);
        status.set(new Status(true, false, started, null, sealed, due, 0, 0, 0, previous.totalRenewed(),
                previous.totalFailed()));
        log.info("preservation run: sealed {} waiting entries; {} entries in batches due for renewal", sealed, due);
        EvidenceRecordService.Renewed result = evidence.renewDue(started,
                properties.evidenceRecords().maxBatchesPerRun());
        renewed.increment(result.entries());
        failed.increment(result.failedEntries());
        pending.set(Math.max(0, due - result.entries()));
        Status finished = new Status(false, false, started, clock.instant(), sealed, due,
                result.batches() + result.failedBatches(), result.entries(), result.failedEntries(),
                previous.totalRenewed() + result.entries(), previous.totalFailed() + result.failedEntries());
        status.set(finished);
        log.info("preservation run finished: {} batches ({} entries) renewed, {} batches ({} entries) failed",
                result.batches(), result.entries(), result.failedBatches(), result.failedEntries());
        return finished;
    }
}
