package be.paraaf.benchmark;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Multipart;
import be.paraaf.support.NodeProcesses;
import be.paraaf.support.PostgresServer;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Load on two nodes (separate JVMs, own data directories, one PostgreSQL schema, profile dev,postgres so validation
 * reports are rows): 8 clients, each alternating an anonymous validation (on either node, then a download of its
 * simple report from the OTHER node) and a two-step signature prepared on one node and completed on the other;
 * with 1,000 and with 70,000 validation reports retained (rows seeded into the shared tables between phases).
 * The two scenarios run in interleaved phases on the same two nodes, in the order 1,000 / 70,000 / 70,000 / 1,000
 * per round ({@code paraaf.benchmark.rounds}, 1; {@code paraaf.benchmark.seconds} per phase, 30), so a machine
 * that gets busier or quieter during the run weighs on both alike. Prints errors (must be 0) and latency per
 * operation and scenario, and the ratio 70,000 / 1,000 of the median, for validation and for the two-step
 * signature, which never touches reports (the control: what it moves is the machine, not the reports); and, robust
 * to a busy machine, PostgreSQL's count of index scans, sequential scans and rows read on {@code validation_reports}
 * per validation in each phase. A 30-second warm-up precedes the measured phases.
 * Not a timed test: {@code mvn -B -ntp -Pbenchmark test -Dtest=SeveralNodesBenchmark} (docs/several-nodes.md).
 */
@Tag("benchmark")
@ExtendWith(PostgresServer.class)
class SeveralNodesBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("paraaf.benchmark.seconds", 30));
    private static final int ROUNDS = Integer.getInteger("paraaf.benchmark.rounds", 1);
    private static final int FEW = 1_000;
    private static final int MANY = 70_000;
    private static final String KEY = DemoClients.WOONPUNT_KEY;
    private static final String VALIDATION = "validation";
    private static final String TWO_STEP = "two-step (A→B)";

    @Test
    void eightClientsAgainstTwoNodes() throws Exception {
        String schema = PostgresServer.newSchema();
        Path dataA = ServiceIT.temporaryDirectory("paraaf-bench-a-");
        Path dataB = ServiceIT.temporaryDirectory("paraaf-bench-b-");
        int portA = ServiceIT.freePort();
        int portB = ServiceIT.freePort();
        String[] settings = {"--paraaf.rate-limits.enabled=false", "--paraaf.validation.reports.max-count=200000",
            "--paraaf.validation.reports.max-total-size=50GB", "--logging.level.root=WARN"};
        Process nodeA = NodeProcesses.start(portA, dataA, portA, schema, "a", settings);
        Process nodeB = null;
        try (Connection db = PostgresServer.connect(PostgresServer.url(schema))) {
            NodeProcesses.copyPki(dataA, dataB);
            nodeB = NodeProcesses.start(portB, dataB, portA, schema, "b", settings);
            List<ServiceClient> nodes = List.of(new ServiceClient("http://localhost:" + portA),
                    new ServiceClient("http://localhost:" + portB));
            Citizen citizen = nodes.get(0).issueCitizen("Ann", "Lemmens",
                    NationalRegisterNumber.withCheck("770202111", false).value());
            byte[] pdf = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
            byte[] signed = new TwoStepFlow(nodes.get(0), KEY).signPdf(pdf, citizen,
                    Map.of("level", "B-B", "fieldName", "tenant-1"));
            Map<Integer, Map<String, List<Double>>> latencies = new TreeMap<>();
            Map<Integer, Map<String, AtomicInteger>> errors = new TreeMap<>();
            StringBuilder phases = new StringBuilder();
            // warm-up, not measured: the first validations of a fresh JVM take tens of seconds
            seedReports(schema, FEW);
            load(nodes, citizen, pdf, signed, samples(), counters());
            for (int round = 1; round <= ROUNDS; round++) {
                for (int retained : new int[] {FEW, MANY, MANY, FEW}) {
                    seedReports(schema, retained);
                    Thread.sleep(11_000); // a backend publishes its table statistics within 10 s
                    long[] before = tableStatistics(db, schema);
                    var phase = load(nodes, citizen, pdf, signed, latencies.computeIfAbsent(retained, r -> samples()),
                            errors.computeIfAbsent(retained, r -> counters()));
                    Thread.sleep(11_000); // the nodes' connections publish their statistics within 10 s
                    long[] after = tableStatistics(db, schema);
                    double validations = phase.get("validations");
                    phases.append(String.format("round %d, %,d retained: validation p50 %.0f ms, two-step p50 "
                            + "%.0f ms; validation_reports per validation: %.1f index scans, %.1f sequential scans "
                            + "reading %.0f rows%n", round, retained, phase.get(VALIDATION), phase.get(TWO_STEP),
                            (after[0] - before[0]) / validations, (after[1] - before[1]) / validations,
                            (after[2] - before[2]) / validations));
                }
            }
            String table = table(latencies, errors) + phases
                    + String.format("(%d clients, %d s per phase, %d round(s) of 4 phases, 2 nodes, Java %s, "
                            + "%d cores, load average at the end %.1f)%n", CLIENTS, PHASE.toSeconds(), ROUNDS,
                            Runtime.version(), Runtime.getRuntime().availableProcessors(),
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println(table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "several-nodes-benchmark.txt"), table);
        } finally {
            NodeProcesses.stop(nodeB, nodeA);
            PostgresServer.dropSchema(schema);
        }
    }

    private static Map<String, List<Double>> samples() {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String op : List.of(VALIDATION, TWO_STEP)) {
            samples.put(op, Collections.synchronizedList(new ArrayList<>()));
        }
        return samples;
    }

    private static Map<String, AtomicInteger> counters() {
        Map<String, AtomicInteger> counters = new LinkedHashMap<>();
        for (String op : List.of(VALIDATION, TWO_STEP)) {
            counters.put(op, new AtomicInteger());
        }
        return counters;
    }

    private static String table(Map<Integer, Map<String, List<Double>>> latencies,
            Map<Integer, Map<String, AtomicInteger>> errors) {
        StringBuilder out = new StringBuilder(String.format("%n%-18s %-16s %7s %6s %8s %8s %8s%n", "retained reports",
                "operation", "count", "errors", "p50 ms", "p95 ms", "p99 ms"));
        Map<String, double[]> medians = new LinkedHashMap<>();
        latencies.forEach((retained, byOp) -> byOp.forEach((op, list) -> {
            List<Double> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            out.append(String.format("%-18s %-16s %7d %6d %8.0f %8.0f %8.0f%n", String.format("%,d", retained), op,
                    sorted.size(), errors.get(retained).get(op).get(), at(sorted, 0.5), at(sorted, 0.95),
                    at(sorted, 0.99)));
            medians.computeIfAbsent(op, o -> new double[2])[retained == FEW ? 0 : 1] = at(sorted, 0.5);
        }));
        medians.forEach((op, m) -> out.append(String.format("p50 at %,d / p50 at %,d, %s: %.2f%n", MANY, FEW, op,
                m[1] / m[0])));
        return out.toString();
    }

    /** One phase of {@link #PHASE}, its samples added to those given; the phase's median per operation. */
    private static Map<String, Double> load(List<ServiceClient> nodes, Citizen citizen, byte[] pdf, byte[] signed,
            Map<String, List<Double>> latencies, Map<String, AtomicInteger> errors) throws InterruptedException {
        Map<String, List<Double>> phase = samples();
        Instant end = Instant.now().plus(PHASE);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (Instant.now().isBefore(end)) {
                    ServiceClient here = nodes.get((client + i) % 2);
                    ServiceClient there = nodes.get((client + i + 1) % 2);
                    boolean validation = (i++ % 2) == 0;
                    String op = validation ? VALIDATION : TWO_STEP;
                    long start = System.nanoTime();
                    String error;
                    try {
                        error = validation ? validate(here, there, signed) : twoStep(here, there, citizen, pdf);
                    } catch (RuntimeException | AssertionError e) {
                        error = e.toString();
                    }
                    phase.get(op).add((System.nanoTime() - start) / 1e6);
                    if (error != null) {
                        errors.get(op).incrementAndGet();
                        System.out.println("benchmark error in " + op + ": "
                                + error.substring(0, Math.min(500, error.length())));
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(PHASE.toSeconds() + 120, TimeUnit.SECONDS);
        Map<String, Double> medians = new LinkedHashMap<>();
        medians.put("validations", (double) phase.get(VALIDATION).size());
        phase.forEach((op, list) -> {
            latencies.get(op).addAll(list);
            List<Double> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            medians.put(op, at(sorted, 0.5));
        });
        return medians;
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile)));
    }

    /** Null when it worked, else what went wrong. */
    private static String validate(ServiceClient node, ServiceClient other, byte[] signed) {
        HttpResponse<byte[]> response = node.post("/api/validations",
                new Multipart().file("document", "signed.pdf", "application/pdf", signed));
        if (response.statusCode() / 100 != 2) {
            return response.statusCode() + " " + TwoStepFlow.body(response);
        }
        // the report link works on every node
        HttpResponse<byte[]> report = other.get(ServiceClient.json(response).get("reports").get("simple").asString());
        return report.statusCode() == 200 ? null : "report " + report.statusCode() + " " + TwoStepFlow.body(report);
    }

    /** Null when it worked, else what went wrong. */
    private static String twoStep(ServiceClient prepareOn, ServiceClient completeOn, Citizen citizen, byte[] pdf) {
        JsonNode prepared = new TwoStepFlow(prepareOn, KEY).prepare("/api/signatures/pades/prepare", "contract.pdf",
                "application/pdf", pdf, citizen.chain(), Map.of("level", "B-B", "fieldName", "tenant-1"));
        byte[] dataToSign = Base64.getDecoder().decode(prepared.get("dataToSign").asString());
        String value = Base64.getEncoder().encodeToString(TwoStepFlow.sign(dataToSign,
                prepared.get("signatureAlgorithm").asString(), citizen.signatureKey()));
        HttpResponse<byte[]> completed = completeOn.postJson(prepared.get("completeUrl").asString(),
                "{\"signatureValue\":\"" + value + "\"}", KEY);
        return completed.statusCode() == 200 ? null : completed.statusCode() + " " + TwoStepFlow.body(completed);
    }

    /**
     * PostgreSQL's own counters for {@code validation_reports}: index scans, sequential scans, rows read by them.
     * What a request costs the database, whatever the machine's load: it must not grow with the rows retained.
     */
    private static long[] tableStatistics(Connection db, String schema) throws SQLException {
        db.setAutoCommit(false);
        db.commit(); // a new snapshot of the statistics
        try (PreparedStatement statement = db.prepareStatement("select coalesce(idx_scan, 0), seq_scan, seq_tup_read "
                + "from pg_stat_user_tables where schemaname = ? and relname = 'validation_reports'")) {
            statement.setString(1, schema.toLowerCase(java.util.Locale.ROOT));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
            }
        }
    }

    /**
     * Makes the shared tables hold {@code count} seeded reports (small rows, expiring in an hour like real ones,
     * counted in the usage row) besides those the load made; between phases, outside the measured time.
     */
    private static void seedReports(String schema, int count) throws SQLException {
        // a connection of its own, closed after: its own reads of the table are counted before the phase starts
        try (Connection db = PostgresServer.connect(PostgresServer.url(schema))) {
            seedReports(db, count);
        }
    }

    private static void seedReports(Connection db, int count) throws SQLException {
        db.setAutoCommit(false);
        int seeded;
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("select count(*) from validation_reports where id like 'ffff%'")) {
            rows.next();
            seeded = rows.getInt(1);
        }
        if (seeded > count) {
            try (var statement = db.createStatement()) {
                statement.executeUpdate("delete from validation_report_files where report_id like 'ffff%'");
                int deleted = statement.executeUpdate("delete from validation_reports where id like 'ffff%'");
                statement.executeUpdate("update validation_report_usage set report_count = report_count - " + deleted);
            }
            seeded = 0;
        }
        byte[] content = "<SimpleReport seeded=\"true\"/>".getBytes(StandardCharsets.UTF_8);
        Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
        byte[] random = new byte[14];
        try (PreparedStatement report = db.prepareStatement(
                "insert into validation_reports (id, created_at, expires_at, bytes) values (?, now(), ?, ?)");
                PreparedStatement file = db.prepareStatement(
                        "insert into validation_report_files (report_id, name, content) values (?, ?, ?)")) {
            for (int i = seeded; i < count; i++) {
                ThreadLocalRandom.current().nextBytes(random);
                String id = "ffff" + HexFormat.of().formatHex(random);
                report.setString(1, id);
                report.setTimestamp(2, expires);
                report.setLong(3, content.length);
                report.addBatch();
                file.setString(1, id);
                file.setString(2, "simple.xml");
                file.setBytes(3, content);
                file.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    report.executeBatch();
                    file.executeBatch();
                }
            }
        }
        try (var statement = db.createStatement()) {
            statement.executeUpdate("update validation_report_usage set report_count = report_count + "
                    + Math.max(0, count - seeded));
            statement.execute("analyze validation_reports");
        }
        db.commit();
    }
}
