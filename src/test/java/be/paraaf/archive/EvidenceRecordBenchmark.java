package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.signing.AugmentationService;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Preservation at archive scale. N synthetic archive entries (default 1,000,000;
 * {@code -Dparaaf.benchmark.evidence.entries=}) — rows with random SHA-256 part addresses, no blobs — are sealed
 * and renewed through the real code path ({@link EvidenceRecordService} via {@link PreservationJob#run()}), with real
 * RFC 3161 calls over HTTP to the embedded demo TSA. Baseline in the same run: the per-document renewal that evidence
 * records replace (PAdES-B-LTA extension of the archived PDF and XAdES-B-LTA extension of the sealed evidence),
 * measured on real archived documents. Also the latency of archiving one real signed PDF with its evidence. Run with
 * {@code mvn -Pbenchmark test -Dtest=EvidenceRecordBenchmark}.
 */
@Tag("benchmark")
class EvidenceRecordBenchmark extends ServiceIT {

    @DynamicPropertySource
    static void scheduledJobOff(DynamicPropertyRegistry registry) {
        registry.add("paraaf.archive.preservation.enabled", () -> "false");
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
    MeterRegistry meters;

    @Test
    void renewAMillionEntries() {
        int entries = Integer.getInteger("paraaf.benchmark.evidence.entries", 1_000_000);
        List<String> rows = new ArrayList<>();

        // archive latency of one real signed PDF with its evidence (incl. sealing its evidence record)
        Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", ArchiveIT.JAN_NN);
        byte[] signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                Map.of("level", "B-T", "fieldName", "tenant-1"));
        byte[] signedLta = augmentation.extend(new DocumentInput("lease.pdf", signed), SignatureLevel.B_LTA)
                .content();
        List<Double> fromBt = new ArrayList<>();
        List<Double> fromLta = new ArrayList<>();
        List<ArchiveEntry> real = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            real.add(archive.archive(request(signed)));
            fromBt.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            archive.archive(request(signedLta));
            fromLta.add((System.nanoTime() - start) / 1e6);
        }
        fromBt.remove(0);
        fromLta.remove(0);
        rows.add(String.format("| archive one signed PDF received at B-T (extend to B-LTA, 2 validations, seal, record) "
                + "| %.0f ms p50 (%.0f–%.0f) |", median(fromBt), min(fromBt), max(fromBt)));
        rows.add(String.format("| archive one signed PDF received at B-LTA (1 validation, seal, record) "
                + "| %.0f ms p50 (%.0f–%.0f) |", median(fromLta), min(fromLta), max(fromLta)));

        // baseline: the per-document renewal evidence records replace, on real archived documents
        List<Double> perDocument = new ArrayList<>();
        for (ArchiveEntry entry : real.subList(1, 4)) {
            long start = System.nanoTime();
            augmentation.extend(new DocumentInput("document.pdf", archive.read(entry.current(ArchivePart.DOCUMENT))),
                    SignatureLevel.B_LTA);
            augmentation.extend(new DocumentInput("evidence.xml", archive.read(entry.current(ArchivePart.EVIDENCE))),
                    SignatureLevel.B_LTA);
            perDocument.add((System.nanoTime() - start) / 1e9);
        }
        double baselineSecondsPerEntry = median(perDocument);

        // N synthetic entries, waiting for their first batch
        long insertStart = System.nanoTime();
        insertSynthetic(entries);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

        double calls0 = tsaCalls();
        long sealStart = System.nanoTime();
        long sealed = evidence.sealPending();
        double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
        double sealCalls = tsaCalls() - calls0;
        int batch = properties.evidenceRecords().batchSizeFor(entries);
        assertThat(sealed).isEqualTo(entries);
        assertThat(sealCalls).isEqualTo(Math.ceil((double) entries / batch));

        // every batch falls due (as when their TSA certificate nears its end), then one preservation run
        jdbc.update("update archive_evidence_batches set renew_after = ?", Timestamp.from(Instant.now().minusSeconds(1)));
        long batches = jdbc.queryForObject("select count(*) from archive_evidence_batches", Long.class);
        double calls1 = tsaCalls();
        long renewStart = System.nanoTime();
        PreservationJob.Status status = preservation.run();
        double renewSeconds = (System.nanoTime() - renewStart) / 1e9;
        double renewCalls = tsaCalls() - calls1;
        assertThat(status.failed()).isZero();
        assertThat(status.renewed()).isEqualTo(entries + real.size() * 2L);
        assertThat(renewCalls).isEqualTo(batches);
        String sample = jdbc.queryForObject("select entry_id from archive_evidence_leaves where entry_id like 'syn-%' "
                + "order by entry_id limit 1 offset ?", String.class, entries / 2);
        EvidenceRecord record = EvidenceRecord.getInstance(evidence.record(sample).orElseThrow());
        assertThat(record.getArchiveTimeStampSequence().getArchiveTimeStampChains()[0].getArchiveTimestamps())
                .as("first time-stamp and its renewal").hasSize(2);

        rows.add(String.format("| insert %,d synthetic entries (rows only, setup) | %.1f s |", entries, insertSeconds));
        rows.add(String.format("| seal %,d entries into evidence records (batches of %,d) | %.1f s, %.0f TSA calls |",
                entries, batch, sealSeconds, sealCalls));
        rows.add(String.format("| **renew %,d entries** (time-stamp renewal, %d batches, parallelism %d) "
                + "| **%.1f s**, %.0f TSA calls, %,.0f entries/s |", status.renewed(), batches,
                properties.evidenceRecords().parallelism(), renewSeconds, renewCalls, status.renewed() / renewSeconds));
        rows.add(String.format("| baseline: per-document B-LTA renewal (PDF + sealed XML), measured on 3 | %.2f s per "
                + "entry → %,.0f s for %,d entries (%.0f× the batch renewal) |", baselineSecondsPerEntry,
                baselineSecondsPerEntry * entries, entries, baselineSecondsPerEntry * entries / renewSeconds));

        StringBuilder table = new StringBuilder("\n| what | measured |\n|---|---|\n");
        rows.forEach(line -> table.append(line).append('\n'));
        table.append(String.format("(H2 file database, embedded TSA over HTTP, %d cores, Java %s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        System.out.println(table);
    }

    private static ArchiveRequest request(byte[] pdf) {
        return new ArchiveRequest("woonpunt-demo", "lease", List.of(new Party("Jan Peeters", ArchiveIT.JAN_NN,
                "tenant")), null, "lease.pdf", pdf, null);
    }

    /** Entry rows with one part each (a random SHA-256 address) and a waiting leaf; ids sort after the real ones. */
    private void insertSynthetic(int entries) {
        SecureRandom random = new SecureRandom();
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp retain = Timestamp.from(Instant.now().plusSeconds(3650L * 86400));
        int chunk = 10_000;
        for (int done = 0; done < entries; done += chunk) {
            List<Object[]> entryRows = new ArrayList<>();
            List<Object[]> partRows = new ArrayList<>();
            List<Object[]> leafRows = new ArrayList<>();
            for (int i = done; i < Math.min(entries, done + chunk); i++) {
                String id = "syn-" + UUID.randomUUID().toString().substring(4);
                byte[] hash = new byte[32];
                random.nextBytes(hash);
                entryRows.add(new Object[] {id, now, now, retain});
                partRows.add(new Object[] {id, HexFormat.of().formatHex(hash), now});
                leafRows.add(new Object[] {id});
            }
            jdbc.batchUpdate("insert into archive_entries (id, owner_client_id, document_type, archived_at, updated_at, "
                    + "retain_until, legal_hold, verdict, renewals) values (?, 'woonpunt-demo', 'lease', ?, ?, ?, false, "
                    + "'VALID', 0)", entryRows);
            jdbc.batchUpdate("insert into archive_parts (entry_id, name, version, media_type, sha256, size_bytes, "
                    + "created_at) values (?, 'document.pdf', 1, 'application/pdf', ?, 1000, ?)", partRows);
            jdbc.batchUpdate("insert into archive_evidence_leaves (entry_id, chain) values (?, 1)", leafRows);
        }
    }

    private double tsaCalls() {
        return meters.counter("paraaf.archive.evidence.timestamps").count();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
