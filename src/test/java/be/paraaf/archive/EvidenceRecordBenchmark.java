package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.signing.AugmentationService;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.ValidationService;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Preservation at archive scale. N synthetic archive entries (default 1,000,000;
 * {@code -Dparaaf.benchmark.evidence.entries=}) — rows with random SHA-256 part addresses, no blobs — are sealed
 * and renewed through the real code path ({@link EvidenceRecordService} via {@link PreservationJob#run()}), with real
 * RFC 3161 calls over HTTP to the embedded demo TSA. Baseline in the same run: the per-document renewal that evidence
 * records replace (PAdES-B-LTA extension of the archived PDF), measured on real archived documents. Also the
 * latency of archiving one real signed PDF with its evidence, against a bare DSS validation of the same PDF in the
 * same run. Run with {@code mvn -Pbenchmark test -Dtest=EvidenceRecordBenchmark} (H2) or
 * {@code -Dtest=EvidenceRecordPostgresBenchmark}.
 */
@Tag("benchmark")
class EvidenceRecordBenchmark extends ServiceIT {

    @DynamicPropertySource
    static void scheduledJobOff(DynamicPropertyRegistry registry) {
        registry.add("paraaf.archive.preservation.enabled", () -> "false");
        // the real entries' small batches on top of the ⌈N / 1,000⌉ synthetic ones, renewed in the one run
        registry.add("paraaf.archive.evidence-records.max-batches-per-run", () -> "2000");
    }

    @Autowired
    ArchiveService archive;
    @Autowired
    EvidenceRecordService evidence;
    @Autowired
    PreservationJob preservation;
    @Autowired
    AugmentationService augmentation;
    @Autowired
    ArchiveProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ValidationService validation;
    @Autowired
    MeterRegistry meters;

    @Test
    void renewAMillionEntries() throws Exception {
        int entries = Integer.getInteger("paraaf.benchmark.evidence.entries", 1_000_000);
        List<String> rows = new ArrayList<>();

        // archive latency of one real signed PDF with its evidence, against a bare DSS validation of the same PDF
        Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", ArchiveIT.JAN_NN);
        byte[] signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                Map.of("level", "B-T", "fieldName", "tenant-1"));
        byte[] signedLta = augmentation.extend(new DocumentInput("lease.pdf", signed), SignatureLevel.B_LTA)
                .content();
        int rounds = Integer.getInteger("paraaf.benchmark.archive.rounds", 22);
        List<Double> bare = new ArrayList<>();
        List<Double> fromLta = new ArrayList<>();
        List<Double> fromBt = new ArrayList<>();
        List<ArchiveEntry> real = new ArrayList<>();
        for (int i = 0; i < rounds; i++) { // interleaved, so load changes hit all three alike; 2 warm-up rounds
            long start = System.nanoTime();
            validation.validate(new DocumentToValidate("lease.pdf", signedLta));
            double bareMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            archive.archive(request(signedLta));
            double ltaMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            real.add(archive.archive(request(signed)));
            double btMs = (System.nanoTime() - start) / 1e6;
            if (i >= 2) {
                bare.add(bareMs);
                fromLta.add(ltaMs);
                fromBt.add(btMs);
            }
        }
        evidence.sealPending(); // waits for the background sealing of those entries
        ArchiveViewer owner = new ArchiveViewer.Agency("woonpunt-demo");
        long start = System.nanoTime();
        archive.evidencePackage(owner, real.get(0).id());
        double firstDownloadMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        archive.evidencePackage(owner, real.get(0).id());
        double cachedDownloadMs = (System.nanoTime() - start) / 1e6;
        rows.add(String.format("| baseline: bare DSS validation of the signed B-LTA PDF | %.0f ms p50, %.0f ms p95 |",
                percentile(bare, 50), percentile(bare, 95)));
        rows.add(String.format("| archive the same PDF (1 validation, reports, evidence XML, commit; record sealed "
                + "after) | %.0f ms p50, %.0f ms p95 (%.2f× the validation at p50) |", percentile(fromLta, 50),
                percentile(fromLta, 95), percentile(fromLta, 50) / percentile(bare, 50)));
        rows.add(String.format("| archive a PDF received at B-T (+ extension to B-LTA and its validation) | %.0f ms "
                + "p50, %.0f ms p95 (%.2f×) |", percentile(fromBt, 50), percentile(fromBt, 95),
                percentile(fromBt, 50) / percentile(bare, 50)));
        rows.add(String.format("| evidence package (ASiC-E): first download (XAdES seal) / cached | %.0f ms / %.0f ms |",
                firstDownloadMs, cachedDownloadMs));

        // baseline: the per-document renewal evidence records replace (B-LTA extension of the PDF), on real entries
        List<Double> perDocument = new ArrayList<>();
        for (ArchiveEntry entry : real.subList(1, 4)) {
            start = System.nanoTime();
            augmentation.extend(new DocumentInput("document.pdf", archive.read(entry.current(ArchivePart.DOCUMENT))),
                    SignatureLevel.B_LTA);
            perDocument.add((System.nanoTime() - start) / 1e9);
        }
        double baselineSecondsPerEntry = percentile(perDocument, 50);

        // N synthetic entries, waiting for their first batch
        long insertStart = System.nanoTime();
        String database = insertSynthetic(entries);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

        HeapPeak heap = new HeapPeak();
        double calls0 = tsaCalls();
        long sealStart = System.nanoTime();
        long sealed = evidence.sealPending();
        double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
        double sealCalls = tsaCalls() - calls0;
        long sealHeap = heap.peakAndReset();
        int batch = properties.evidenceRecords().batchSizeFor(entries);
        assertThat(sealed).isEqualTo(entries);
        assertThat(sealCalls).isEqualTo(Math.ceil((double) entries / batch));

        // every batch falls due (as when their TSA certificate nears its end), then one preservation run
        jdbc.update("update archive_evidence_batches set renew_after = ?", Timestamp.from(Instant.now().minusSeconds(1)));
        long batches = jdbc.queryForObject("select count(*) from archive_evidence_batches", Long.class);
        long allEntries = jdbc.queryForObject("select count(*) from archive_evidence_leaves", Long.class);
        double calls1 = tsaCalls();
        long renewStart = System.nanoTime();
        PreservationJob.Status status = preservation.run();
        double renewSeconds = (System.nanoTime() - renewStart) / 1e9;
        double renewCalls = tsaCalls() - calls1;
        long renewHeap = heap.peakAndReset();
        heap.close();
        assertThat(status.failed()).isZero();
        assertThat(status.renewed()).isEqualTo(allEntries);
        assertThat(renewCalls).isEqualTo(batches);
        String sample = jdbc.queryForObject("select entry_id from archive_evidence_leaves where entry_id like 'syn-%' "
                + "order by entry_id limit 1 offset ?", String.class, entries / 2);
        EvidenceRecord record = EvidenceRecord.getInstance(evidence.record(sample).orElseThrow());
        assertThat(record.getArchiveTimeStampSequence().getArchiveTimeStampChains()[0].getArchiveTimestamps())
                .as("first time-stamp and its renewal").hasSize(2);
        assertThat(archive.find(owner, sample).renewals()).as("the entry reports its batch's renewal").isEqualTo(1);

        rows.add(String.format("| insert %,d synthetic entries (rows only, setup, insert … select) | %.1f s |",
                entries, insertSeconds));
        rows.add(String.format("| seal %,d entries into evidence records (batches of %,d, parallelism %d) | %.1f s, "
                + "%.0f TSA calls, heap peak %,d MB |", entries, batch, properties.evidenceRecords().parallelism(),
                sealSeconds, sealCalls, sealHeap >> 20));
        rows.add(String.format("| **renew %,d entries** (time-stamp renewal, %d batches, parallelism %d) "
                + "| **%.1f s**, %.0f TSA calls, %,.0f entries/s, heap peak %,d MB |", status.renewed(), batches,
                properties.evidenceRecords().parallelism(), renewSeconds, renewCalls, status.renewed() / renewSeconds,
                renewHeap >> 20));
        rows.add(String.format("| baseline: per-document B-LTA renewal of the PDF, measured on 3 | %.2f s per "
                + "entry → %,.0f s for %,d entries (%.0f× the batch renewal) |", baselineSecondsPerEntry,
                baselineSecondsPerEntry * entries, entries, baselineSecondsPerEntry * entries / renewSeconds));

        StringBuilder table = new StringBuilder("\n| what | measured |\n|---|---|\n");
        rows.forEach(line -> table.append(line).append('\n'));
        table.append(String.format("(%s, embedded TSA over HTTP, %d cores, -Xmx %,d MB, Java %s)%n", database,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version()));
        System.out.println(table);
    }

    private static ArchiveRequest request(byte[] pdf) {
        return new ArchiveRequest("woonpunt-demo", "lease", List.of(new Party("Jan Peeters", ArchiveIT.JAN_NN,
                "tenant")), null, "lease.pdf", pdf, null);
    }

    /**
     * Entry rows with one part each (a distinct SHA-256 address, no blob) and a waiting leaf, made by the database
     * itself ({@code insert … select} over a generated range, 100,000 rows a statement); ids sort after the real
     * ones. Returns the database's name.
     */
    private String insertSynthetic(int entries) {
        String database = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        boolean postgres = database.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        String range = postgres ? " from generate_series(?, ?) as g(x)" : " from system_range(?, ?)";
        String id = "'syn-' || lpad(cast(x as varchar(20)), 10, '0')";
        String hash = postgres ? "encode(sha256(convert_to(? || cast(x as varchar(20)), 'UTF8')), 'hex')"
                : "lower(rawtohex(hash('SHA-256', cast(? || cast(x as varchar(20)) as varchar(60)))))";
        String seed = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp retain = Timestamp.from(Instant.now().plusSeconds(3650L * 86400));
        int chunk = 100_000;
        for (long from = 1; from <= entries; from += chunk) {
            long to = Math.min(entries, from + chunk - 1);
            jdbc.update("insert into archive_entries (id, owner_client_id, document_type, archived_at, updated_at, "
                    + "retain_until, legal_hold, verdict, renewals) select " + id + ", 'woonpunt-demo', 'lease', ?, ?, "
                    + "?, false, 'VALID', 0" + range, now, now, retain, from, to);
            jdbc.update("insert into archive_parts (entry_id, name, version, media_type, sha256, size_bytes, "
                    + "created_at) select " + id + ", 'document.pdf', 1, 'application/pdf', " + hash + ", 1000, ?"
                    + range, seed, now, from, to);
            jdbc.update("insert into archive_evidence_leaves (entry_id, chain) select " + id + ", 1" + range, from, to);
        }
        return postgres ? "PostgreSQL " + jdbc.queryForObject("show server_version", String.class)
                : "H2 file database";
    }

    /** The peak of the used heap, sampled every 20 ms on a thread of its own. */
    private static final class HeapPeak implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.ScheduledExecutorService sampler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

        HeapPeak() {
            java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        long peakAndReset() {
            return peak.getAndSet(0);
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }

    private double tsaCalls() {
        return meters.counter("paraaf.archive.evidence.timestamps").count();
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
