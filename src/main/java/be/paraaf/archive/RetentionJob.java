package be.paraaf.archive;

import be.paraaf.persistence.ContentLocks;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.JobLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes archive entries past their retention period unless under legal hold. Order matters for crash
 * safety: first, in one transaction, the metadata (parties with their national numbers included) is replaced
 * by a tombstone (id, dates, part hashes) and a deletion record; then blobs no longer referenced by anything
 * are removed and the tombstone is marked purged. A crash in between leaves a tombstone not yet purged, which
 * the next run finishes.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final ArchiveRepository repository;
    private final JobLocks locks;
    private final DocumentStore store;
    private final ContentLocks contentLocks;
    private final TransactionTemplate transactions;
    private final ArchiveProperties properties;
    private final Clock clock;
    private final Counter deleted;

    RetentionJob(ArchiveRepository repository, DocumentStore store, PlatformTransactionManager transactionManager,
            ArchiveProperties properties, Clock clock, MeterRegistry meters, JobLocks locks,
            ContentLocks contentLocks) {
        this.repository = repository;
        this.locks = locks;
        this.contentLocks = contentLocks;
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.deleted = meters.counter("paraaf.archive.deletions");
    }

    /** @param deleted entries turned into tombstones in this run; @param purged tombstones whose blobs went */
    public record Result(int deleted, int purged, int blobsDeleted) {
    }

    /** One run, unless another node runs one (lock {@code archive-retention}): then nothing is done. */
    public Result run() {
        return locks.call("archive-retention", properties.retentionJob().interval(), this::deleteExpired)
                .orElse(new Result(0, 0, 0));
    }

    private Result deleteExpired() {
        Instant now = clock.instant();
        List<String> expired = repository.expired(now, properties.retentionJob().batchSize());
        int count = 0;
        for (String id : expired) {
            Boolean done = transactions.execute(status -> {
                ArchiveEntry entry = repository.find(id).orElse(null);
                if (entry == null || entry.legalHold() || !entry.retainUntil().isBefore(now)) {
                    return false;
                }
                repository.tombstone(entry, now, "retention period of " + entry.documentType() + " ended "
                        + entry.retainUntil());
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                count++;
                deleted.increment();
                log.info("archive entry {} deleted at the end of its retention period; tombstone kept", id);
            }
        }
        int purged = 0;
        int blobs = 0;
        for (ArchiveRepository.Tombstone tombstone : repository.tombstonesAwaitingPurge(
                properties.retentionJob().batchSize())) {
            int removed = 0;
            for (String line : tombstone.partHashes()) {
                String sha256 = line.substring(line.lastIndexOf(' ') + 1);
                // check and delete under the content's lock, so a writer that takes it (a pending two-step
                // signature of the same bytes) cannot add a reference in between
                if (contentLocks.deleteIfUnreferenced(sha256, store)) {
                    removed++;
                }
            }
            repository.markPurged(tombstone.id(), removed, clock.instant());
            log.info("archive entry {}: {} unreferenced blob(s) deleted", tombstone.id(), removed);
            purged++;
            blobs += removed;
        }
        return new Result(count, purged, blobs);
    }
}
