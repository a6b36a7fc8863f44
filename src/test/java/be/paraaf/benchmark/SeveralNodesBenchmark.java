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
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Load on two nodes (separate JVMs, own data directories, one PostgreSQL schema): 8 clients for 60 s, each
 * alternating an anonymous validation (on either node) and a two-step signature prepared on one node and
 * completed on the other; once with 1,000 and once with 70,000 validation reports already retained on each node
 * (seeded on disk before the nodes start). Prints errors (must be 0) and latency per operation. Not a timed
 * test: {@code mvn -B -ntp -Pbenchmark test -Dtest=SeveralNodesBenchmark} (docs/several-nodes.md has figures).
 */
@Tag("benchmark")
@ExtendWith(PostgresServer.class)
class SeveralNodesBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("paraaf.benchmark.seconds", 60));
    private static final String KEY = DemoClients.WOONPUNT_KEY;

    @Test
    void eightClientsAgainstTwoNodes() throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int retained : order()) {
            tables.put(retained + " retained reports per node", run(retained));
        }
        StringBuilder out = new StringBuilder(String.format("%n%-30s %-26s %7s %6s %8s %8s %8s%n", "scenario",
                "operation", "count", "errors", "p50 ms", "p95 ms", "p99 ms"));
        tables.forEach((scenario, rows) -> out.append(rows.replace("SCENARIO", String.format("%-30s", scenario))));
        out.append(String.format("(%d clients, %d s per scenario, 2 nodes, Java %s, %d cores)%n", CLIENTS,
                RUN.toSeconds(), Runtime.version(), Runtime.getRuntime().availableProcessors()));
        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "several-nodes-benchmark.txt"), out);
    }

    /** 1,000 then 70,000 retained reports; {@code -Dparaaf.benchmark.reverse=true} measures 70,000 first. */
    private static int[] order() {
        return Boolean.getBoolean("paraaf.benchmark.reverse") ? new int[] {70_000, 1_000} : new int[] {1_000, 70_000};
    }

    private String run(int retained) throws Exception {
        String schema = PostgresServer.newSchema();
        Path dataA = ServiceIT.temporaryDirectory("paraaf-bench-a-");
        Path dataB = ServiceIT.temporaryDirectory("paraaf-bench-b-");
        int portA = ServiceIT.freePort();
        int portB = ServiceIT.freePort();
        String[] settings = {"--paraaf.rate-limits.enabled=false", "--paraaf.validation.reports.max-count=200000",
            "--paraaf.validation.reports.max-total-size=50GB", "--logging.level.root=WARN"};
        seedReports(dataA, retained);
        seedReports(dataB, retained);
        // let the kernel write the seeded files out now, not while the load is measured
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Process nodeA = NodeProcesses.start(portA, dataA, portA, schema, "a", settings);
        Process nodeB = null;
        try {
            NodeProcesses.copyPki(dataA, dataB);
            nodeB = NodeProcesses.start(portB, dataB, portA, schema, "b", settings);
            List<ServiceClient> nodes = List.of(new ServiceClient("http://localhost:" + portA),
                    new ServiceClient("http://localhost:" + portB));
            Citizen citizen = nodes.get(0).issueCitizen("Ann", "Lemmens",
                    NationalRegisterNumber.withCheck("770202111", false).value());
            byte[] pdf = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
            byte[] signed = new TwoStepFlow(nodes.get(0), KEY).signPdf(pdf, citizen,
                    Map.of("level", "B-B", "fieldName", "tenant-1"));
            return load(nodes, citizen, pdf, signed);
        } finally {
            NodeProcesses.stop(nodeB, nodeA);
            PostgresServer.dropSchema(schema);
        }
    }

    private static String load(List<ServiceClient> nodes, Citizen citizen, byte[] pdf, byte[] signed)
            throws InterruptedException {
        Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        for (String op : List.of("validation", "two-step (A→B)")) {
            latencies.put(op, Collections.synchronizedList(new ArrayList<>()));
            errors.put(op, new AtomicInteger());
        }
        Instant end = Instant.now().plus(RUN);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (Instant.now().isBefore(end)) {
                    ServiceClient here = nodes.get((client + i) % 2);
                    ServiceClient there = nodes.get((client + i + 1) % 2);
                    boolean validation = (i++ % 2) == 0;
                    String op = validation ? "validation" : "two-step (A→B)";
                    long start = System.nanoTime();
                    String error;
                    try {
                        error = validation ? validate(here, signed) : twoStep(here, there, citizen, pdf);
                    } catch (RuntimeException | AssertionError e) {
                        error = e.toString();
                    }
                    latencies.get(op).add((System.nanoTime() - start) / 1e6);
                    if (error != null) {
                        errors.get(op).incrementAndGet();
                        System.out.println("benchmark error in " + op + ": "
                                + error.substring(0, Math.min(500, error.length())));
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(RUN.toSeconds() + 120, TimeUnit.SECONDS);
        StringBuilder rows = new StringBuilder();
        latencies.forEach((op, list) -> {
            List<Double> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            rows.append(String.format("SCENARIO %-26s %7d %6d %8.0f %8.0f %8.0f%n", op, sorted.size(),
                    errors.get(op).get(), at(sorted, 0.5), at(sorted, 0.95), at(sorted, 0.99)));
        });
        return rows.toString();
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile)));
    }

    /** Null when it worked, else what went wrong. */
    private static String validate(ServiceClient node, byte[] signed) {
        HttpResponse<byte[]> response = node.post("/api/validations",
                new Multipart().file("document", "signed.pdf", "application/pdf", signed));
        if (response.statusCode() / 100 != 2) {
            return response.statusCode() + " " + TwoStepFlow.body(response);
        }
        // the report link works on the node that validated
        HttpResponse<byte[]> report = node.get(ServiceClient.json(response).get("reports").get("simple").asString());
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

    /** {@code count} small report directories in the current period, as earlier validations leave them. */
    private static void seedReports(Path dataDir, int count) throws IOException {
        long period = Instant.now().getEpochSecond() / 60 / 5 * 5;
        Path bucket = Files.createDirectories(dataDir.resolve("reports").resolve(String.format("%08x", period)));
        byte[] summary = "{\"seeded\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[12];
        for (int i = 0; i < count; i++) {
            ThreadLocalRandom.current().nextBytes(random);
            Path entry = Files.createDirectory(bucket.resolve(String.format("%08x", period)
                    + HexFormat.of().formatHex(random)));
            Files.write(entry.resolve("summary.json"), summary);
            Files.write(entry.resolve("simple.xml"), summary);
        }
    }
}
