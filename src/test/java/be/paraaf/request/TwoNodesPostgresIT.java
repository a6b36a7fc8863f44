package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.ParaafApplication;
import be.paraaf.archive.PreservationJob;
import be.paraaf.archive.RetentionJob;
import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.audit.ChainVerification;
import be.paraaf.demo.DemoClients;
import be.paraaf.request.RequestFlow.Party;
import be.paraaf.support.Multipart;
import be.paraaf.support.PostgresServer;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two service instances in one JVM (profile dev,postgres) sharing one PostgreSQL schema and one data directory,
 * as two nodes behind a load balancer: a request started on one is signed and completed through the other, both
 * append to the same audit chain at the same time without forking it, and both run the archive's preservation
 * and retention jobs at the same moment: each entry is renewed once and deleted once. (Separate processes with
 * separate data directories: TwoNodeProcessesPostgresIT.)
 */
@ExtendWith(PostgresServer.class)
class TwoNodesPostgresIT {

    private static final String SCHEMA = PostgresServer.newSchema();
    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-two-nodes-");
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ServiceClient clientA;
    private static ServiceClient clientB;

    @BeforeAll
    static void startNodes() {
        int portA = ServiceIT.freePort();
        int portB = ServiceIT.freePort();
        nodeA = node(portA, portA);
        nodeB = node(portB, portA);
        clientA = new ServiceClient("http://localhost:" + portA);
        clientB = new ServiceClient("http://localhost:" + portB);
    }

    private static ConfigurableApplicationContext node(int port, int pkiPort) {
        return new SpringApplicationBuilder(ParaafApplication.class).profiles("dev", "postgres").run(
                "--server.port=" + port, "--paraaf.data-dir=" + DATA_DIR,
                // the demo PKI lives in the shared data directory; its certificates name node A's URLs
                "--paraaf.public-base-url=http://localhost:" + pkiPort, "--paraaf.database.schema=" + SCHEMA,
                "--spring.jmx.enabled=false",
                // the request job is called by the test at a chosen time; its schedule must not race it
                "--paraaf.requests.job-interval=3650d",
                // every archive entry is due for renewal, so both nodes' preservation runs want the same entries
                "--paraaf.archive.preservation.horizon=36500d");
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        PostgresServer.dropSchema(SCHEMA);
    }

    @Test
    void requestStartedOnOneNodeIsCompletedOnTheOther() {
        RequestFlow onA = new RequestFlow(clientA, DemoClients.WOONPUNT_KEY);
        RequestFlow onB = new RequestFlow(clientB, DemoClients.WOONPUNT_KEY);
        Party tenant = onA.party("tenant-1", "tenant-1", 1, "Zoë");
        Party representative = onA.party("agency", "agency", 2, "Jérôme");
        JsonNode created = onA.create(onA.leaseRequestBody(null, null, null,
                List.of(tenant, representative)));
        String id = created.get("id").asString();
        var tokens = RequestFlow.tokens(created);
        onA.start(id);

        // prepared on A, completed on B
        onA.signAcross(onB, tokens.get("tenant-1"), tenant.citizen());
        onB.signWithEid(tokens.get("agency"), representative.citizen());

        assertThat(onA.get(id).get("state").asString()).isEqualTo("COMPLETED");
        byte[] signed = clientA.get("/api/requests/" + id + "/document", DemoClients.WOONPUNT_KEY).body();
        assertThat(TwoStepFlow.signatures(new TwoStepFlow(clientA).validate(signed, "lease.pdf"))).hasSize(2)
                .allSatisfy(s -> assertThat(s.get("indication").asString()).as(s.toString()).isEqualTo("TOTAL_PASSED"));
        JsonNode audit = ServiceClient.json(clientB.get("/api/requests/" + id + "/audit", DemoClients.WOONPUNT_KEY));
        assertThat(audit.get("verification").get("intact").asBoolean()).isTrue();
    }

    @Test
    void listingRemindersAndExpiryWorkOnPostgresqlAcrossNodes() {
        RequestFlow onA = new RequestFlow(clientA, DemoClients.WOONPUNT_KEY);
        Party tenant = new Party("tenant-1", "tenant-1", 1, null, RequestFlow.newNationalNumber());
        // expiry an hour away and the jobs run "later" by their argument: no clock race, however slow the machine
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        JsonNode created = onA.create(onA.leaseRequestBody("B-B", expiresAt.toString(), null, List.of(tenant)));
        String id = created.get("id").asString();
        onA.start(id);
        assertThat(clientB.get("/api/requests?state=IN_PROGRESS&size=100", DemoClients.WOONPUNT_KEY).body())
                .asString().contains(id);

        assertThat(nodeB.getBean(RequestDeadlineJob.class).remindDue(Instant.now().plus(Duration.ofDays(3))))
                .isGreaterThanOrEqualTo(1);
        assertThat(onA.get(id).get("signers").get(0).get("reminderCount").asInt()).isEqualTo(1);
        Instant afterExpiry = expiresAt.plusSeconds(1);
        assertThat(nodeA.getBean(RequestDeadlineJob.class).expireDue(afterExpiry)).isGreaterThanOrEqualTo(1);
        assertThat(nodeB.getBean(RequestDeadlineJob.class).expireDue(afterExpiry)).as("already expired by A")
                .isZero();
        assertThat(new RequestFlow(clientB, DemoClients.WOONPUNT_KEY).get(id).get("state").asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void bothNodesAppendToOneChainConcurrentlyWithoutForkingIt() {
        String requestId = UUID.randomUUID().toString();
        List<AuditTrail> trails = List.of(nodeA.getBean(AuditTrail.class), nodeB.getBean(AuditTrail.class));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture.allOf(IntStream.range(0, 80).mapToObj(i -> CompletableFuture.runAsync(
                    () -> trails.get(i % 2).append(requestId, "test.concurrent", Actor.SYSTEM, null,
                            Map.of("i", String.valueOf(i))), pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        ChainVerification verification = trails.get(0).verify(requestId);
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.entries()).isEqualTo(80);
    }

    @Test
    void preservationAndRetentionRunAtOnceOnBothNodesTreatEachEntryOnce() throws Exception {
        String nrn = RequestFlow.newNationalNumber();
        Citizen jan = clientA.issueCitizen("Jan", "Peeters", nrn);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] signed = new TwoStepFlow(clientA).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                    Map.of("level", "B-T", "fieldName", "tenant-1"));
            Multipart form = new Multipart().file("document", "contract.pdf", "application/pdf", signed)
                    .file("metadata", "metadata.json", "application/json", ("{\"documentType\":\"upload\","
                            + "\"parties\":[{\"name\":\"Jan Peeters\",\"nationalNumber\":\"" + nrn
                            + "\",\"role\":\"tenant\"}]}")
                            .getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> archived = clientA.post("/api/archive", form, DemoClients.WOONPUNT_KEY);
            assertThat(archived.statusCode()).as(TwoStepFlow.body(archived)).isEqualTo(201);
            ids.add(ServiceClient.json(archived).get("id").asString());
        }
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);

        atOnce(() -> nodeA.getBean(PreservationJob.class).run(), () -> nodeB.getBean(PreservationJob.class).run());
        for (String id : ids) {
            // the entry's evidence-record batch got exactly one archive time-stamp renewal
            assertThat(jdbc.sql("select b.renewals from archive_evidence_batches b join archive_evidence_leaves l "
                    + "on l.batch_id = b.id where l.entry_id = ?").param(id).query(Integer.class)
                    .single()).as("renewed once: " + id).isEqualTo(1);
        }

        jdbc.sql("update archive_entries set retain_until = ? where id in (?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), ids.get(0), ids.get(1)).update();
        List<RetentionJob.Result> results = atOnce(() -> nodeA.getBean(RetentionJob.class).run(),
                () -> nodeB.getBean(RetentionJob.class).run());
        assertThat(results.stream().mapToInt(RetentionJob.Result::deleted).sum()).isEqualTo(2);
        assertThat(results).as("one node ran, the other skipped").anySatisfy(r -> assertThat(r.deleted()).isZero());
        for (String id : ids) {
            assertThat(jdbc.sql("select count(*) from archive_deletions where entry_id = ?").param(id)
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs.length);
        try {
            CountDownLatch ready = new CountDownLatch(jobs.length);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return job.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
