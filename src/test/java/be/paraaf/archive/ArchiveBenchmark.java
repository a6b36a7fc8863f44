package be.paraaf.archive;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Benchmarks;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archive at scale: full archiving latency of a real signed PDF, then N metadata entries (default 10,000;
 * {@code -Dparaaf.benchmark.archive.entries=}) that all reuse that entry's blobs (content addressing stores
 * them once; making 10,000 distinct B-LTA PDFs would measure DSS, not the archive), search latency p50/p99
 * over them, and renewal throughput for R entries ({@code -Dparaaf.benchmark.archive.renewals=}, default 5).
 * Run with {@code mvn -Pbenchmark test -Dtest=ArchiveBenchmark}.
 */
@Tag("benchmark")
class ArchiveBenchmark extends ServiceIT {

    @Autowired
    ArchiveService archive;
    @Autowired
    ArchiveRepository repository;
    @Autowired
    PreservationJob preservation;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void measure() {
        int entries = Integer.getInteger("paraaf.benchmark.archive.entries", 10_000);
        int renewals = Integer.getInteger("paraaf.benchmark.archive.renewals", 5);
        Random random = new Random(42);
        List<String> rows = new ArrayList<>();

        Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", ArchiveIT.JAN_NN);
        byte[] signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                Map.of("level", "B-T", "fieldName", "tenant-1"));
        List<Double> archiveMillis = new ArrayList<>();
        ArchiveEntry template = null;
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            template = archive.archive(new ArchiveRequest("woonpunt-demo", "lease",
                    List.of(new Party("Jan Peeters", ArchiveIT.JAN_NN, "tenant")), null, "lease.pdf", signed, null));
            archiveMillis.add((System.nanoTime() - start) / 1e6);
        }
        archiveMillis.remove(0); // warm-up
        rows.add(row("archive one signed PDF (B-T -> B-LTA, 2 validations, XAdES-B-LTA seal)", archiveMillis));

        List<String> nationalNumbers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String firstNine = String.format("%02d%02d%02d%03d", 50 + random.nextInt(49), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(998) + 1);
            nationalNumbers.add(NationalRegisterNumber.withCheck(firstNine, false).value());
        }
        String[] types = {"lease", "itsme-contract", "upload"};
        Instant now = Instant.now();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long insertStart = System.nanoTime();
        int batch = 500;
        List<String> ids = new ArrayList<>();
        for (int done = 0; done < entries; done += batch) {
            int count = Math.min(batch, entries - done);
            ArchiveEntry base = template;
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < count; i++) {
                    Instant archivedAt = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    repository.insert(new ArchiveEntry(id, "woonpunt-demo", types[random.nextInt(types.length)],
                            "req-" + id, List.of(
                                    new Party("Tenant", nationalNumbers.get(random.nextInt(nationalNumbers.size())),
                                            "tenant"),
                                    new Party("Landlord", nationalNumbers.get(random.nextInt(nationalNumbers.size())),
                                            "landlord")),
                            archivedAt, archivedAt, archivedAt.plus(Duration.ofDays(3650)), false, "VALID",
                            base.timestampsValidUntil(), base.timestampDigest(), 0, null, base.parts()));
                }
            });
        }
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        rows.add(String.format("%-72s %10s %10s   %,.0f entries/s (%,d entries, batches of %d)",
                "insert archive metadata (blobs shared)", "", "", entries / insertSeconds, entries, batch));

        ArchiveViewer woonpunt = new ArchiveViewer.Agency("woonpunt-demo");
        rows.add(row("search by national number (page 0, size 20)", measure(200, () -> archive.search(woonpunt,
                new ArchiveSearch(nationalNumbers.get(random.nextInt(nationalNumbers.size())), null, null, null, 0,
                        20)))));
        rows.add(row("search by type + 30-day range (page 0, size 20)", measure(200, () -> {
            Instant from = now.minus(Duration.ofDays(30 + random.nextInt(300)));
            archive.search(woonpunt, new ArchiveSearch(null, types[random.nextInt(types.length)], from,
                    from.plus(Duration.ofDays(30)), 0, 20));
        })));
        rows.add(row("search, deep page (type only, page 100, size 20)", measure(200, () -> archive.search(woonpunt,
                new ArchiveSearch(null, types[random.nextInt(types.length)], null, null, 100, 20)))));
        rows.add(row("fetch entry metadata by id", measure(200, () -> archive.find(woonpunt,
                ids.get(random.nextInt(ids.size()))))));

        // renewal is measured by EvidenceRecordBenchmark (RFC 4998 batches, one TSA call per batch)

        StringBuilder table = new StringBuilder(String.format("%n%-72s %10s %10s%n", "archive operation", "p50 ms",
                "p99 ms"));
        rows.forEach(line -> table.append(line).append('\n'));
        table.append(String.format("(%,d entries in the archive, H2 file database, one thread, Java %s)%n",
                repository.countEntries(), Runtime.version()));
        System.out.println(table);
    }

    private static List<Double> measure(int iterations, Runnable operation) {
        return Benchmarks.samples(operation, 20, iterations);
    }

    private static String row(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2);
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        return String.format("%-72s %10.2f %10.2f", name, p50, p99);
    }
}
