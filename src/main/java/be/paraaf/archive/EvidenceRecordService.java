package be.paraaf.archive;

import be.paraaf.persistence.DocumentStore;
import be.paraaf.trust.TimestampTokenService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive's RFC 4998 evidence records: entries are sealed in batches (one archive time-stamp per batch from the
 * configured TSA), renewed per batch before the TSA certificate ends (time-stamp renewal, one TSA call per batch)
 * and moved to a stronger digest when the configured one weakens (hash-tree renewal, RFC 4998 §5.2). Each entry's
 * record is assembled on demand from its reduced hash trees and its batches' time-stamps.
 */
@Service
public class EvidenceRecordService {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRecordService.class);

    private final EvidenceRecordRepository records;
    private final DocumentStore store;
    private final TimestampTokenService tsa;
    private final ArchiveProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Counter tsaCalls;
    private final ReentrantLock sealing = new ReentrantLock();
    private final AtomicBoolean sealingRequested = new AtomicBoolean();
    private final ExecutorService background = pool(1, "paraaf-evidence-sealing-soon");

    EvidenceRecordService(EvidenceRecordRepository records, DocumentStore store, TimestampTokenService tsa,
            ArchiveProperties properties, Clock clock, PlatformTransactionManager transactionManager,
            MeterRegistry meters) {
        this.records = records;
        this.store = store;
        this.tsa = tsa;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tsaCalls = meters.counter("paraaf.archive.evidence.timestamps");
    }

    /** What one renewal pass did. */
    public record Renewed(int batches, long entries, int failedBatches, long failedEntries) {
    }

    /** Queues an entry for the next batch (in the caller's archiving transaction). */
    void enqueue(String entryId) {
        records.enqueue(entryId, 1);
    }

    /**
     * Seals the waiting entries soon, on a background thread, after the caller's transaction commits (at once when
     * there is none): archiving does not wait for the TSA. Requests made while a sealing is queued are folded into
     * it. A failure leaves the entries waiting for the next preservation run (or the first download).
     */
    void sealSoon() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    requestSealing();
                }
            });
        } else {
            requestSealing();
        }
    }

    private void requestSealing() {
        if (!sealingRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                sealingRequested.set(false);
                try {
                    sealPending();
                } catch (RuntimeException e) {
                    log.warn("waiting archive entries stay waiting for the next preservation run: {}", e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            sealingRequested.set(false);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * Seals every entry waiting for a batch, in batches sized to the backlog, {@code parallelism} batches at a time
     * (each waits for its TSA call; the slices are read by id, so none is read twice); returns the entries sealed.
     * Another node sealing at the same moment makes a batch that overlaps it drop, never seal an entry twice.
     */
    public long sealPending() {
        sealing.lock();
        try {
            long backlog = records.countPending();
            if (backlog == 0) {
                return 0;
            }
            EvidenceRecords.Digest digest = settings().digestAt(clock.instant());
            int size = settings().batchSizeFor(backlog);
            int parallelism = (int) Math.max(1, Math.min(settings().parallelism(), (backlog + size - 1) / size));
            if (parallelism == 1) {
                long sealed = 0;
                for (String after = ""; ; ) {
                    List<EvidenceRecordRepository.Leaf> waiting = records.pendingAfter(after, size);
                    if (waiting.isEmpty()) {
                        return sealed;
                    }
                    sealed += sealSlice(waiting, digest);
                    after = waiting.get(waiting.size() - 1).entryId();
                }
            }
            ExecutorService pool = pool(parallelism, "paraaf-evidence-sealing");
            try {
                java.util.ArrayDeque<Future<Integer>> inFlight = new java.util.ArrayDeque<>();
                long sealed = 0;
                RuntimeException failure = null;
                for (String after = ""; ; ) {
                    List<EvidenceRecordRepository.Leaf> waiting = records.pendingAfter(after, size);
                    if (waiting.isEmpty()) {
                        break;
                    }
                    inFlight.add(pool.submit(() -> sealSlice(waiting, digest)));
                    after = waiting.get(waiting.size() - 1).entryId();
                    while (inFlight.size() > parallelism) { // one slice read ahead, the others sealing
                        try {
                            sealed += inFlight.poll().get();
                        } catch (ExecutionException e) {
                            failure = failure == null ? unchecked(e.getCause()) : failure;
                        }
                    }
                    if (failure != null) {
                        break;
                    }
                }
                while (!inFlight.isEmpty()) {
                    try {
                        sealed += inFlight.poll().get();
                    } catch (ExecutionException e) {
                        failure = failure == null ? unchecked(e.getCause()) : failure;
                    }
                }
                if (failure != null) {
                    log.warn("sealed {} waiting archive entries, then a batch failed", sealed);
                    throw failure;
                }
                return sealed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evidence sealing interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            sealing.unlock();
        }
    }

    /** Seals one slice of waiting entries into one batch; the entries sealed (0 when another run took any). */
    private int sealSlice(List<EvidenceRecordRepository.Leaf> waiting, EvidenceRecords.Digest digest) {
        Map<String, List<ArchivePart>> parts = records.firstParts(waiting.get(0).entryId(),
                waiting.get(waiting.size() - 1).entryId());
        List<EvidenceRecords.Leaf> leaves = new ArrayList<>(waiting.size());
        for (EvidenceRecordRepository.Leaf leaf : waiting) {
            byte[] chainHash = leaf.chain() == 1 ? null
                    : EvidenceRecords.sequenceHash(recordUpTo(leaf.entryId(), leaf.chain()), digest);
            leaves.add(new EvidenceRecords.Leaf(leaf.entryId(), digests(parts.getOrDefault(leaf.entryId(),
                    List.of()), digest, chainHash)));
        }
        return seal(waiting, leaves, digest) ? waiting.size() : 0;
    }

    private static RuntimeException unchecked(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private boolean seal(List<EvidenceRecordRepository.Leaf> waiting, List<EvidenceRecords.Leaf> leaves,
            EvidenceRecords.Digest digest) {
        EvidenceRecords.Sealed sealed = EvidenceRecords.seal(leaves, digest, this::timestamp);
        String batchId = UUID.randomUUID().toString();
        Boolean placed = transactions.execute(status -> {
            records.insertBatch(new EvidenceRecordRepository.Batch(batchId, digest, waiting.size(), clock.instant(),
                    sealed.token(), sealed.tsaNotAfter(), renewAfter(batchId, sealed.tsaNotAfter()), 0, null));
            List<EvidenceRecordRepository.Placement> placements = waiting.stream()
                    .map(leaf -> new EvidenceRecordRepository.Placement(leaf.entryId(), leaf.chain(),
                            sealed.reducedHashTrees().get(leaf.entryId()))).toList();
            if (!records.place(batchId, placements)) {
                status.setRollbackOnly(); // sealed elsewhere meanwhile: that batch stands, this one goes
                return false;
            }
            return true;
        });
        if (Boolean.TRUE.equals(placed)) {
            log.info("sealed {} archive entries under one archive time-stamp ({}, batch {}, TSA certificate valid "
                    + "until {})", waiting.size(), digest, batchId, sealed.tsaNotAfter());
            return true;
        }
        log.info("another run sealed some of these {} entries first; batch {} dropped", waiting.size(), batchId);
        return false;
    }

    /**
     * The entry's evidence package as made for its current {@code record}: cached ({@code V60}), or made by
     * {@code build} and kept. A download racing another keeps whichever committed last; both are valid.
     */
    byte[] evidencePackage(String entryId, byte[] record, java.util.function.Supplier<byte[]> build) {
        String recordSha256 = be.paraaf.persistence.StoredContent.sha256(record);
        return records.evidencePackage(entryId, recordSha256).orElseGet(() -> {
            byte[] made = build.get();
            try {
                transactions.executeWithoutResult(status -> records.keepEvidencePackage(entryId, recordSha256, made,
                        clock.instant()));
            } catch (org.springframework.dao.DataAccessException raced) {
                log.info("evidence package of {} kept by a concurrent download", entryId);
            }
            return made;
        });
    }

    /** The entry's RFC 4998 evidence record (DER), or empty while it waits for its first batch. */
    public java.util.Optional<byte[]> record(String entryId) {
        List<EvidenceRecordRepository.Leaf> leaves = records.leaves(entryId);
        if (leaves.isEmpty() || leaves.get(0).batchId() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(recordUpTo(entryId, Integer.MAX_VALUE));
    }

    /** The record made of the entry's sealed chains before {@code chain}. */
    private byte[] recordUpTo(String entryId, int chain) {
        List<EvidenceRecords.Chain> chains = new ArrayList<>();
        for (EvidenceRecordRepository.Leaf leaf : records.leaves(entryId)) {
            if (leaf.chain() >= chain || leaf.batchId() == null) {
                break;
            }
            EvidenceRecordRepository.Batch batch = records.batch(leaf.batchId()).orElseThrow();
            chains.add(new EvidenceRecords.Chain(batch.digest(), leaf.reducedHashTree(), batch.token(),
                    records.renewals(batch.id())));
        }
        return EvidenceRecords.assemble(chains);
    }

    /** Entries in batches due for time-stamp renewal at {@code now}. */
    long dueEntries(Instant now) {
        return records.countDueForTimestampRenewal(now) + records.countWeakEntries(settings().digestAt(now));
    }

    /**
     * Renews every due batch: time-stamp renewal for those whose renewal date has come, hash-tree renewal for those
     * on a weakened digest; {@code parallelism} batches at a time.
     */
    public Renewed renewDue(Instant now, int maxBatches) {
        List<String> due = records.dueForTimestampRenewal(now, maxBatches);
        Renewed timestamps = inParallel(due, this::renewTimestamp);
        EvidenceRecords.Digest current = settings().digestAt(now);
        List<String> weak = records.weakBatches(current, maxBatches);
        Renewed hashTrees = inParallel(weak, batchId -> renewHashTree(batchId, current));
        if (!weak.isEmpty()) {
            sealPending();
        }
        return new Renewed(timestamps.batches() + hashTrees.batches(), timestamps.entries() + hashTrees.entries(),
                timestamps.failedBatches() + hashTrees.failedBatches(),
                timestamps.failedEntries() + hashTrees.failedEntries());
    }

    /** Time-stamp renewal of one batch: one TSA call, one row; returns the entries it covers. */
    private long renewTimestamp(String batchId) {
        EvidenceRecordRepository.Batch batch = records.batch(batchId).orElseThrow();
        String sample = records.anyMember(batchId).orElse(null);
        if (sample == null) { // every entry deleted by retention: nothing left to preserve
            records.supersede(batchId, clock.instant());
            return 0;
        }
        byte[] renewal = EvidenceRecords.renewTimestamp(recordUpTo(sample, Integer.MAX_VALUE), this::timestamp);
        Instant validUntil = EvidenceRecords.validUntil(renewal);
        transactions.executeWithoutResult(status -> {
            records.addRenewal(batchId, batch.renewals() + 1, renewal, clock.instant(), validUntil,
                    renewAfter(batchId, validUntil));
            records.forgetEvidencePackages(batchId);
        });
        return batch.entries();
    }

    /**
     * Hash-tree renewal of one batch (RFC 4998 §5.2): its entries wait for a new batch with the {@code current}
     * digest, each leaf folding the hash of the entry's record so far; the old batch is kept but no longer renewed.
     */
    private long renewHashTree(String batchId, EvidenceRecords.Digest current) {
        List<String> members = records.members(batchId);
        transactions.executeWithoutResult(status -> {
            for (String entryId : members) {
                List<EvidenceRecordRepository.Leaf> leaves = records.leaves(entryId);
                records.enqueue(entryId, leaves.get(leaves.size() - 1).chain() + 1);
            }
            records.supersede(batchId, clock.instant());
            records.forgetEvidencePackages(batchId);
        });
        return members.size();
    }

    private Renewed inParallel(List<String> batchIds, java.util.function.ToLongFunction<String> renewal) {
        if (batchIds.isEmpty()) {
            return new Renewed(0, 0, 0, 0);
        }
        int threads = Math.min(settings().parallelism(), batchIds.size());
        ExecutorService pool = pool(threads, "paraaf-evidence-renewal");
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (String batchId : batchIds) {
                results.add(pool.submit(() -> renewal.applyAsLong(batchId)));
            }
            int batches = 0;
            long entries = 0;
            int failedBatches = 0;
            long failedEntries = 0;
            for (int i = 0; i < results.size(); i++) {
                try {
                    entries += results.get(i).get();
                    batches++;
                } catch (ExecutionException e) {
                    log.error("renewal of evidence batch {} failed; it stays due", batchIds.get(i), e.getCause());
                    failedBatches++;
                    failedEntries += records.batch(batchIds.get(i)).map(EvidenceRecordRepository.Batch::entries)
                            .orElse(0);
                }
            }
            return new Renewed(batches, entries, failedBatches, failedEntries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evidence renewal interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] timestamp(String digestOid, byte[] digest) {
        tsaCalls.increment();
        return tsa.timestamp(digestOid, digest);
    }

    /** The part digests of an entry with {@code digest}: the stored SHA-256 addresses, or the blobs rehashed. */
    private List<byte[]> digests(List<ArchivePart> parts, EvidenceRecords.Digest digest, byte[] chainHash) {
        List<byte[]> digests = new ArrayList<>(parts.size());
        for (ArchivePart part : parts) {
            byte[] partDigest = digest == EvidenceRecords.Digest.SHA256 ? HexFormat.of().parseHex(part.sha256())
                    : digest.digest(store.get(part.sha256()));
            digests.add(EvidenceRecords.folded(digest, partDigest, chainHash));
        }
        return digests;
    }

    /** {@code horizon} plus a per-batch share of {@code stagger} before the TSA certificate ends. */
    private Instant renewAfter(String batchId, Instant validUntil) {
        long staggerSeconds = settings().stagger().toSeconds();
        long share = staggerSeconds == 0 ? 0 : Math.floorMod(batchId.hashCode(), staggerSeconds);
        return validUntil.minus(properties.preservation().horizon()).minus(Duration.ofSeconds(share));
    }

    private ArchiveProperties.EvidenceRecordSettings settings() {
        return properties.evidenceRecords();
    }
}
