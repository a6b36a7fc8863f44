package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoClients;
import be.paraaf.request.RequestFlow.Party;
import be.paraaf.support.NodeProcesses;
import be.paraaf.support.PostgresServer;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes as an operator runs them: separate JVMs from the packaged jar (profile dev,postgres), each with
 * its OWN data directory, one PostgreSQL schema. Only the demo PKI is copied from node A to node B (it stands
 * for the external trust services production uses, which every node reaches the same). A request's first
 * signature is prepared on A and completed on B; B is killed ({@code kill -9}) right after the final signature
 * committed, while the durable hand-off is still archiving; after B restarts the request is archived exactly once.
 */
@ExtendWith(PostgresServer.class)
class TwoNodeProcessesPostgresIT {

    private static final String SCHEMA = PostgresServer.newSchema();
    private static final Path DATA_A = ServiceIT.temporaryDirectory("paraaf-node-a-");
    private static final Path DATA_B = ServiceIT.temporaryDirectory("paraaf-node-b-");
    private static final int PORT_A = ServiceIT.freePort();
    private static final int PORT_B = ServiceIT.freePort();
    private static final ServiceClient A = new ServiceClient("http://localhost:" + PORT_A);
    private static final ServiceClient B = new ServiceClient("http://localhost:" + PORT_B);
    private static final String KEY = DemoClients.WOONPUNT_KEY;
    private static Process nodeA;
    private static Process nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        nodeA = start(PORT_A, DATA_A, "a");
        NodeProcesses.copyPki(DATA_A, DATA_B);
        nodeB = start(PORT_B, DATA_B, "b-1");
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        NodeProcesses.stop(nodeB, nodeA);
        PostgresServer.dropSchema(SCHEMA);
    }

    @Test
    void preparedOnACompletedOnBAndArchivedExactlyOnceAfterBIsKilledMidHandOff() throws Exception {
        RequestFlow onA = new RequestFlow(A, KEY);
        RequestFlow onB = new RequestFlow(B, KEY);
        Party tenant = onA.party("tenant-1", "tenant-1", 1, "Zoë");
        Party agency = onA.party("agency", "agency", 2, "Jérôme");
        JsonNode created = onA.create(onA.leaseRequestBody("B-LT", null, null,
                List.of(tenant, agency)));
        String id = created.get("id").asString();
        var tokens = RequestFlow.tokens(created);
        onA.start(id);

        // a lease signer prepared on A is completed on B: nothing of it lives in A's data directory
        JsonNode prepared = onA.signAcross(onB, tokens.get("tenant-1"), tenant.citizen());
        assertThat(onB.completeEid(tokens.get("tenant-1"), prepared, tenant.citizen()).statusCode())
                .as("completed once").isNotEqualTo(200);

        // the final signature on B commits, and B dies before archiving (seconds of work) can finish
        HttpResponse<byte[]> last = onA.prepareEid(tokens.get("agency"), agency.citizen());
        assertThat(last.statusCode()).as(TwoStepFlow.body(last)).isEqualTo(201);
        HttpResponse<byte[]> done = onB.completeEid(tokens.get("agency"), ServiceClient.json(last), agency.citizen());
        nodeB.destroyForcibly();
        nodeB.waitFor(30, TimeUnit.SECONDS);
        assertThat(done.statusCode()).as(TwoStepFlow.body(done)).isEqualTo(200);
        assertThat(onA.get(id).get("state").asString()).isEqualTo("COMPLETED");
        int beforeRestart = archived(tenant.nrn(), id).size();
        System.out.println("archive entries of the request when node B was killed: " + beforeRestart);

        nodeB = start(PORT_B, DATA_B, "b-2");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (archived(tenant.nrn(), id).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Thread.sleep(3000); // a second archiving, if there were one, would show by now
        assertThat(archived(tenant.nrn(), id)).as("archived exactly once").hasSize(1);
        JsonNode audit = ServiceClient.json(A.get("/api/requests/" + id + "/audit", KEY));
        assertThat(audit.get("verification").get("intact").asBoolean()).isTrue();
        List<String> events = new ArrayList<>();
        audit.get("entries").forEach(entry -> events.add(entry.get("event").asString()));
        assertThat(events.stream().filter("request.archived"::equals)).hasSize(1);
    }

    @Test
    void anItsmeAccountEnrolledOnAApprovesOnBWithItsKeyFromTheDatabase() throws Exception {
        String nrn = RequestFlow.newNationalNumber();
        ItsmeApp enrolledOnA = ItsmeApp.enrol(A.baseUrl(), "+32479" + nrn.substring(5, 11), nrn, "86420",
                DATA_A.resolve("app-" + nrn));
        assertThat(A.postJson("/api/dev/itsme/accounts/" + enrolledOnA.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"Bram\",\"surname\":\"Claes\"}")
                .statusCode()).isEqualTo(200);
        RequestFlow onA = new RequestFlow(A, KEY);
        JsonNode created = onA.create(onA.leaseRequestBody("B-T", null, null,
                List.of(new Party("tenant-1", "tenant-1", 1, null, nrn))));
        onA.start(created.get("id").asString());
        String token = RequestFlow.tokens(created).get("tenant-1");

        // the consent starts on A; the app answers through B, whose data directory holds none of the account's key
        new RequestFlow(A, KEY).signWithItsme(token, enrolledOnA.on(B.baseUrl()), "86420");
        assertThat(onA.get(created.get("id").asString()).get("state").asString()).isEqualTo("COMPLETED");
        assertThat(DATA_B.resolve("itsme/keys")).doesNotExist();
    }

    @Test
    void aWebhookEventSurvivesTheNodeThatCommittedItDyingBeforeDelivery() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerNext(WebhookReceiver.HOLD); // B's first delivery never gets an answer: B dies during it
            RequestFlow onB = new RequestFlow(B, KEY);
            JsonNode created = onB.create(onB.leaseRequestBody("B-B", null, receiver.url(),
                    List.of(onB.party("tenant-1", "tenant-1", 1, "Zoë"))));
            String id = created.get("id").asString();
            List<WebhookReceiver.Call> held = receiver.await(call -> call.answeredWith() == WebhookReceiver.HOLD, 1,
                    Duration.ofSeconds(60));
            assertThat(held).as("B started delivering request.created").hasSize(1);
            nodeB.destroyForcibly();
            nodeB.waitFor(30, TimeUnit.SECONDS);
            String eventId = held.get(0).eventId();

            nodeB = start(PORT_B, DATA_B, "b-3"); // republishes what B left incomplete; A resubmits once due
            List<WebhookReceiver.Call> delivered = receiver.await(call -> eventId.equals(call.eventId())
                    && call.answeredWith() == 200, 1, Duration.ofSeconds(120));
            assertThat(delivered).as("delivered after the crash").hasSize(1);
            Thread.sleep(3000); // a second delivery, if there were one, would show by now
            assertThat(receiver.calls().stream().filter(call -> eventId.equals(call.eventId())
                    && call.answeredWith() == 200)).as("delivered once").hasSize(1);
            JsonNode log = ServiceClient.json(A.get("/api/requests/" + id + "/webhooks", KEY));
            JsonNode event = null;
            for (JsonNode candidate : log) {
                if (candidate.get("id").asString().equals(eventId)) {
                    event = candidate;
                }
            }
            assertThat(event).isNotNull();
            assertThat(event.get("type").asString()).isEqualTo("request.created");
            assertThat(event.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(event.get("deliveries").get(event.get("deliveries").size() - 1).get("statusCode").asInt())
                    .isEqualTo(200);
        }
    }

    @Test
    void aValidationReportMadeOnADownloadsFromB() throws Exception {
        ServiceClient.Citizen citizen = A.issueCitizen("Ann", "Lemmens", RequestFlow.newNationalNumber());
        byte[] signed = new TwoStepFlow(A, KEY).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen,
                Map.of("level", "B-B", "fieldName", "tenant-1"));
        JsonNode validated = new TwoStepFlow(A).validate(signed, "signed.pdf");
        String simple = validated.get("reports").get("simple").asString();

        HttpResponse<byte[]> onB = B.get(simple);
        assertThat(onB.statusCode()).as(TwoStepFlow.body(onB)).isEqualTo(200);
        assertThat(new String(onB.body(), StandardCharsets.UTF_8)).contains("SimpleReport").contains("Lemmens");
        HttpResponse<byte[]> pdfReport = B.get(simple.replace("/reports/simple", "/report.pdf?lang=en"));
        assertThat(pdfReport.statusCode()).as(TwoStepFlow.body(pdfReport)).isEqualTo(200);
        assertThat(new String(pdfReport.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(DATA_A.resolve("reports")).as("kept in the database, not on A's disk").doesNotExist();
        HttpResponse<byte[]> unknown = B.get(simple.replaceAll("[0-9a-f]{32}", "0".repeat(32)));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static List<JsonNode> archived(String nationalNumber, String requestId) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode page = ServiceClient.json(A.get("/api/archive?nationalNumber=" + nationalNumber, KEY));
        page.get("items").forEach(item -> {
            if (requestId.equals(item.get("requestId").asString())) {
                found.add(item);
            }
        });
        return found;
    }

    private static Process start(int port, Path dataDir, String name) throws IOException, InterruptedException {
        return NodeProcesses.startJar(port, dataDir, PORT_A, SCHEMA, name);
    }
}
