package be.paraaf.request;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.request.RequestFlow.Party;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Signing requests over HTTP: an agency, its signers' link tokens, the eID card path, jobs, webhooks, audit. */
class SigningRequestsIT extends ServiceIT {

    private static final String WOONPUNT = DemoClients.WOONPUNT_KEY;
    private static final String NOTARIS = DemoClients.NOTARIS_KEY;

    private final RequestFlow agency = new RequestFlow(CLIENT, WOONPUNT);
    private final TwoStepFlow verifier = new TwoStepFlow(CLIENT);

    @Autowired
    RequestDeadlineJob jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestArchiving archiving;

    @Test
    void leaseIsSignedByThreeSignersInThreeStepsAtLta() throws InterruptedException {
        List<Party> parties = List.of(agency.party("tenant-1", "tenant-1", 1, "Zoë"),
                agency.party("tenant-2", "tenant-2", 2, "Anaïs"), agency.party("agency", "agency", 3, "Jérôme"));
        JsonNode created = agency.create(agency.leaseRequestBody(null, null, null, parties));
        String id = created.get("id").asString();
        var tokens = RequestFlow.tokens(created);
        assertThat(created.get("state").asString()).isEqualTo("DRAFT");
        assertThat(created.get("signatureLevel").asString()).isEqualTo("B-LTA");
        assertThat(created.get("signers").get(0).get("nationalRegisterNumber").asString()).startsWith("*******");
        assertThat(tokens.values()).allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(43));
        assertThat(jdbc.sql("select count(*) from request_signers where token_sha256 = ?")
                .param(tokens.get("tenant-1")).query(Integer.class).single()).as("tokens are stored only hashed").isZero();
        assertProblem(agency.prepareEid(tokens.get("tenant-1"), parties.get(0).citizen()), 409, "request-not-in-progress");

        JsonNode started = agency.start(id);
        assertThat(started.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(states(started)).containsExactly("INVITED", "WAITING", "WAITING");

        // the second tenant acts before the first: refused, whatever the identity
        assertProblem(agency.prepareEid(tokens.get("tenant-2"), parties.get(1).citizen()), 409, "not-your-turn");

        JsonNode info = ServiceClient.json(CLIENT.get("/api/sign/" + tokens.get("tenant-1")));
        assertThat(info.get("requestTitle").asString()).isEqualTo("Huurovereenkomst Aalst");
        assertThat(info.get("fieldName").asString()).isEqualTo("tenant-1");
        assertThat(info.get("document").get("pageCount").asInt()).isPositive();
        HttpResponse<byte[]> page = CLIENT.get("/api/sign/" + tokens.get("tenant-1") + "/pages/1.png?dpi=36");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(states(agency.get(id))).containsExactly("VIEWED", "WAITING", "WAITING");

        for (Party party : parties) {
            JsonNode outcome = agency.signWithEid(tokens.get(party.role()), party.citizen());
            assertThat(outcome.get("state").asString()).isEqualTo("SIGNED");
        }
        JsonNode done = agency.get(id);
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(states(done)).containsExactly("SIGNED", "SIGNED", "SIGNED");

        HttpResponse<byte[]> document = CLIENT.get("/api/requests/" + id + "/document", WOONPUNT);
        assertThat(document.statusCode()).isEqualTo(200);
        List<JsonNode> signatures = TwoStepFlow.signatures(verifier.validate(document.body(), "lease.pdf"));
        assertThat(signatures).hasSize(3).allSatisfy(signature -> {
            assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(signature.toString()).contains("PAdES-BASELINE-LTA");
        });
        PdfSig pdfsig = PdfSig.trusting(CLIENT.rootCertificate(), DATA_DIR.resolve("nss-requests-" + System.nanoTime()));
        assertThat(pdfsig.signatures(document.body())).hasSize(3)
                .allSatisfy(verdict -> assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());

        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", WOONPUNT));
        assertThat(audit.get("verification").get("intact").asBoolean()).isTrue();
        List<String> events = new ArrayList<>();
        audit.get("entries").forEach(entry -> events.add(entry.get("event").asString()));
        assertThat(events).startsWith("request.created", "request.started", "signer.invited", "signer.viewed")
                .contains("signer.signed", "request.step-advanced").contains("request.completed");
        // completion is the last step of the request; archiving follows it, moments later or already
        assertThat(events.subList(events.indexOf("request.completed") + 1, events.size()))
                .isSubsetOf("request.archived");
        assertThat(audit.get("entries").get(events.indexOf("signer.signed")).get("documentSha256").asString())
                .hasSize(64);

        // the durable hand-off archives it once; handing it over again changes nothing
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (archived(id) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(archived(id)).isEqualTo(1);
        // the publication is marked completed just after the archiving transaction commits; other after-commit
        // effects of this request (webhooks, mail) have publications of their own
        while (openArchivingPublications(id) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(openArchivingPublications(id)).as("the archive hand-off's publication is completed").isZero();
        assertThat(archiving.archive(id)).isFalse();
        assertThat(archived(id)).isEqualTo(1);
    }

    private int openArchivingPublications(String requestId) {
        return jdbc.sql("select count(*) from event_publication where listener_id like ? and serialized_event like ? "
                + "and completion_date is null").params("%RequestArchiving%", "%" + requestId + "%")
                .query(Integer.class).single();
    }

    private int archived(String requestId) {
        return jdbc.sql("select count(*) from archive_entries where request_id = ?").param(requestId)
                .query(Integer.class).single();
    }

    @Test
    void signatureByAnotherPersonIsRefusedAndNothingIsWritten() {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        String documentId = agency.leaseDocument(List.of(tenant));
        JsonNode created = agency.create(agency.requestBody(documentId, "B-B", null, null, List.of(tenant)));
        String token = RequestFlow.tokens(created).get("tenant-1");
        agency.start(created.get("id").asString());
        int versionBefore = documentVersion(documentId);

        Party impostor = agency.party("x", "x", 1, "Mallory");
        JsonNode problem = assertProblem(agency.prepareEid(token, impostor.citizen()), 403, "signer-identity-mismatch");
        assertThat(problem.get("detail").asString()).doesNotContain(tenant.nrn());

        // a handle prepared elsewhere (the open two-step API) with the impostor's key cannot complete here
        JsonNode foreign = verifier.prepare("/api/signatures/pades/prepare", "lease.pdf", "application/pdf",
                CLIENT.get("/api/requests/" + created.get("id").asString() + "/document", WOONPUNT).body(),
                impostor.citizen().chain(), Map.of("level", "B-B", "fieldName", "tenant-1"));
        assertProblem(agency.completeEid(token, foreign, impostor.citizen()), 404, "signature-handle-not-found");

        assertThat(documentVersion(documentId)).isEqualTo(versionBefore);
        JsonNode request = agency.get(created.get("id").asString());
        assertThat(states(request)).containsExactly("INVITED");
        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + created.get("id").asString() + "/audit",
                WOONPUNT));
        assertThat(audit.toString()).contains("signature.refused", "signer-identity-mismatch");
    }

    @Test
    void aLinkTokenActsOnlyForItsOwnSignerAndParallelSignersRetryAfterAConflict() {
        Party first = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        Party second = agency.party("tenant-2", "tenant-2", 1, "Anaïs");
        JsonNode created = agency.create(agency.leaseRequestBody("B-B", null, null,
                List.of(first, second)));
        var tokens = RequestFlow.tokens(created);
        String id = created.get("id").asString();
        assertThat(states(agency.start(id))).containsExactly("INVITED", "INVITED");

        // the second signer's token with the first signer's card: refused
        assertProblem(agency.prepareEid(tokens.get("tenant-2"), first.citizen()), 403, "signer-identity-mismatch");
        JsonNode preparedFirst = ServiceClient.json(agency.prepareEid(tokens.get("tenant-1"), first.citizen()));
        // the first signer's handle through the second signer's token: not theirs
        assertProblem(agency.completeEid(tokens.get("tenant-2"), preparedFirst, first.citizen()), 404,
                "signature-handle-not-found");

        JsonNode preparedSecond = ServiceClient.json(agency.prepareEid(tokens.get("tenant-2"), second.citizen()));
        assertThat(agency.completeEid(tokens.get("tenant-1"), preparedFirst, first.citizen()).statusCode())
                .isEqualTo(200);
        // prepared on the version before the first signature: it would drop that signature, so it is refused
        assertProblem(agency.completeEid(tokens.get("tenant-2"), preparedSecond, second.citizen()), 409,
                "document-changed");
        assertThat(agency.signWithEid(tokens.get("tenant-2"), second.citizen()).get("requestState").asString())
                .isEqualTo("COMPLETED");
        assertProblem(agency.prepareEid(tokens.get("tenant-1"), first.citizen()), 409, "request-not-in-progress");
        byte[] signed = CLIENT.get("/api/requests/" + id + "/document", WOONPUNT).body();
        assertThat(TwoStepFlow.signatures(verifier.validate(signed, "lease.pdf"))).hasSize(2)
                .allSatisfy(s -> assertThat(s.get("indication").asString()).isEqualTo("TOTAL_PASSED"));
    }

    @Test
    void declineEndsTheRequestAndIsAnnouncedBySignedWebhooksRetriedAfterAFailure() throws Exception {
        String secret = ServiceClient.json(CLIENT.postJson("/api/requests/webhook-secret", "", WOONPUNT))
                .get("webhookSecret").asString();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerNext(500);
            Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
            JsonNode created = agency.create(agency.leaseRequestBody("B-B", null, receiver.url(),
                    List.of(tenant)));
            String id = created.get("id").asString();
            agency.start(id);
            HttpResponse<byte[]> declined = CLIENT.postJson("/api/sign/" + RequestFlow.tokens(created).get("tenant-1")
                    + "/decline", "{\"reason\":\"De huurprijs klopt niet.\"}");
            assertThat(declined.statusCode()).as(TwoStepFlow.body(declined)).isEqualTo(200);
            JsonNode request = agency.get(id);
            assertThat(request.get("state").asString()).isEqualTo("DECLINED");
            assertThat(request.get("signers").get(0).get("declineReason").asString()).isEqualTo("De huurprijs klopt niet.");

            List<WebhookReceiver.Call> calls = receiver.await(call -> "request.declined".equals(call.eventType()), 1,
                    Duration.ofSeconds(20));
            assertThat(calls).hasSize(1);
            assertThat(receiver.await(call -> "request.created".equals(call.eventType()), 2, Duration.ofSeconds(40)))
                    .extracting(WebhookReceiver.Call::answeredWith).containsExactly(500, 200);
            for (WebhookReceiver.Call call : receiver.calls()) {
                assertThat(call.body()).contains("\"requestId\":\"" + id + "\"");
                String t = call.signature().replaceAll("^t=(\\d+),v1=.*$", "$1");
                assertThat(call.signature()).isEqualTo(WebhookService.signatureHeader(secret, Long.parseLong(t),
                        call.body()));
            }
            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::eventType)
                    .contains("request.started", "signer.invited", "signer.declined");

            JsonNode webhooks = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/webhooks", WOONPUNT));
            JsonNode createdEvent = null;
            for (JsonNode event : webhooks) {
                if (event.get("type").asString().equals("request.created")) {
                    createdEvent = event;
                }
            }
            assertThat(createdEvent).isNotNull();
            assertThat(createdEvent.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(createdEvent.get("deliveries")).hasSize(2);
            assertThat(createdEvent.get("deliveries").get(0).get("statusCode").asInt()).isEqualTo(500);
            assertThat(createdEvent.get("deliveries").get(1).get("statusCode").asInt()).isEqualTo(200);
            assertThat(createdEvent.get("deliveries").get(0).get("error").isNull()).isTrue();
            JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", WOONPUNT));
            assertThat(audit.toString()).contains("webhook.delivered");
            assertThat(audit.get("verification").get("intact").asBoolean()).isTrue();
        }
    }

    @Test
    void aSignerMustBeThePersonTheDocumentNamesInTheirField() {
        Party named = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        String documentId = agency.leaseDocument(List.of(named));
        JsonNode document = ServiceClient.json(CLIENT.get("/api/documents/" + documentId, WOONPUNT));
        assertThat(document.get("parties").get(1).get("field").asString()).isEqualTo("tenant-1");
        assertThat(document.get("parties").get(1).get("nationalNumber").asString()).isEqualTo(named.nrn());

        Party stranger = new Party("tenant-1", "tenant-1", 1, null, RequestFlow.newNationalNumber());
        JsonNode problem = assertProblem(CLIENT.postJson("/api/requests",
                agency.requestBody(documentId, "B-B", null, null, List.of(stranger)), WOONPUNT),
                422, "signer-not-named-in-document");
        assertThat(problem.get("detail").asString()).contains("signer tenant-1", "field tenant-1",
                "Huurder 1 tenant-1 Test", NationalRegisterNumber.parse(named.nrn()).formatted(),
                NationalRegisterNumber.parse(stranger.nrn()).formatted());
        // the same person in another tenant's field is refused too
        Party swapped = new Party("tenant-2", "tenant-2", 1, null, named.nrn());
        String twoTenants = agency.leaseDocument(List.of(named, agency.party("tenant-2", "tenant-2", 1, "Anaïs")));
        assertProblem(CLIENT.postJson("/api/requests", agency.requestBody(twoTenants, "B-B", null, null,
                List.of(swapped)), WOONPUNT), 422, "signer-not-named-in-document");
        assertThat(requestsFor(documentId)).isZero();
    }

    @Test
    void everyFieldTheDocumentGivesAPartyNeedsASignerUnlessTheRequestLeavesItUnsignedOnPurpose() {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        String documentId = agency.leaseDocument(List.of(tenant));
        String withChoice = agency.requestBody(documentId, "B-B", null, null, List.of(tenant));
        String withoutChoice = withChoice.replace("\"unsignedFields\":[\"agency\"]", "\"unsignedFields\":[]");
        assertThat(withoutChoice).isNotEqualTo(withChoice);
        JsonNode problem = assertProblem(CLIENT.postJson("/api/requests", withoutChoice, WOONPUNT), 422,
                "unassigned-signature-field");
        assertThat(problem.get("detail").asString()).contains("agency (Voor Woonmaatschappij Scheldeland (demo) Jérôme Maës)", "unsignedFields");
        assertProblem(CLIENT.postJson("/api/requests", withChoice.replace("[\"agency\"]", "[\"tenant-1\"]"),
                WOONPUNT), 422, "invalid-request");

        JsonNode created = agency.create(withChoice);
        assertThat(created.get("unsignedFields").toString()).isEqualTo("[\"agency\"]");
        agency.start(created.get("id").asString());
        agency.signWithEid(RequestFlow.tokens(created).get("tenant-1"), tenant.citizen());
        assertThat(agency.get(created.get("id").asString()).get("state").asString()).isEqualTo("COMPLETED");
        JsonNode signed = ServiceClient.json(CLIENT.get("/api/documents/" + documentId, WOONPUNT));
        signed.get("fields").forEach(field -> assertThat(field.get("signed").asBoolean())
                .as(field.get("name").asString()).isEqualTo(field.get("name").asString().equals("tenant-1")));
        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + created.get("id").asString() + "/audit",
                WOONPUNT));
        assertThat(audit.get("entries").get(0).get("details").asString()).contains("\"unsignedFields\":\"agency\"");
    }

    private int requestsFor(String documentId) {
        return jdbc.sql("select count(*) from signing_requests where document_id = ?").param(documentId)
                .query(Integer.class).single();
    }

    @Test
    void callbackUrlMustBeHttp() {
        String body = agency.leaseRequestBody(null, null, "file:///etc/passwd",
                List.of(new Party("tenant-1", "tenant-1", 1, null, RequestFlow.newNationalNumber())));
        assertProblem(CLIENT.postJson("/api/requests", body, WOONPUNT), 422, "invalid-request");
        String noField = agency.leaseRequestBody(null, null, null,
                List.of(new Party("witness", "witness", 1, null, RequestFlow.newNationalNumber())));
        assertProblem(CLIENT.postJson("/api/requests", noField, WOONPUNT), 422, "invalid-signature-field");
        String badNumber = agency.requestBody(agency.leaseDocument(List.of()), null, null, null,
                List.of(new Party("tenant-1", "tenant-1", 1, null, "85073003329")));
        assertProblem(CLIENT.postJson("/api/requests", badNumber, WOONPUNT), 422, "invalid-request");
    }

    @Test
    void requestPastItsExpiryIsExpiredByTheJobAndItsLinksDie() throws InterruptedException {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        JsonNode created = agency.create(agency.leaseRequestBody("B-B",
                Instant.now().plusSeconds(2).toString(), null, List.of(tenant)));
        String id = created.get("id").asString();
        agency.start(id);
        jobs.expireDue(Instant.now()); // the scheduled run may also expire due requests of other tests meanwhile
        assertThat(agency.get(id).get("state").asString()).as("not yet due").isEqualTo("IN_PROGRESS");
        Thread.sleep(2100);
        jobs.expireDue(Instant.now());
        assertThat(agency.get(id).get("state").asString()).isEqualTo("EXPIRED");
        assertProblem(CLIENT.get("/api/sign/" + RequestFlow.tokens(created).get("tenant-1")), 410, "signing-link-expired");
        assertProblem(CLIENT.postJson("/api/requests/" + id + "/start", "", WOONPUNT), 409, "request-not-active");
    }

    @Test
    void silentSignerIsRemindedAfterTheDelay() {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        JsonNode created = agency.create(agency.leaseRequestBody("B-B", null, null, List.of(tenant)));
        String id = created.get("id").asString();
        agency.start(id);
        jobs.remindDue(Instant.now());
        assertThat(agency.get(id).get("signers").get(0).get("reminderCount").asInt()).as("too early").isZero();

        jobs.remindDue(Instant.now().plus(Duration.ofDays(2)).plusSeconds(60));
        assertThat(agency.get(id).get("signers").get(0).get("reminderCount").asInt()).isEqualTo(1);
        assertThat(CLIENT.get("/api/requests/" + id + "/audit", WOONPUNT).body()).asString().contains("signer.reminded");
    }

    @Test
    void anotherAgencySeesNothingAndCancelEndsTheRequest() {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        JsonNode created = agency.create(agency.leaseRequestBody("B-B", null, null, List.of(tenant)));
        String id = created.get("id").asString();

        assertProblem(CLIENT.get("/api/requests/" + id, NOTARIS), 404, "request-not-found");
        assertProblem(CLIENT.postJson("/api/requests/" + id + "/start", "", NOTARIS), 404, "request-not-found");
        assertProblem(CLIENT.postJson("/api/requests/" + id + "/cancel", "", NOTARIS), 404, "request-not-found");
        assertProblem(CLIENT.get("/api/requests/" + id + "/document", NOTARIS), 404, "request-not-found");
        assertProblem(CLIENT.get("/api/requests/" + id + "/audit", NOTARIS), 404, "request-not-found");
        assertThat(CLIENT.get("/api/requests?state=DRAFT", NOTARIS).body()).asString().doesNotContain(id);
        assertThat(CLIENT.get("/api/requests?state=DRAFT&size=100", WOONPUNT).body()).asString().contains(id);
        assertProblem(CLIENT.get("/api/requests/" + id), 401, "unauthenticated");

        agency.start(id);
        HttpResponse<byte[]> cancelled = CLIENT.postJson("/api/requests/" + id + "/cancel", "", WOONPUNT);
        assertThat(ServiceClient.json(cancelled).get("state").asString()).isEqualTo("CANCELLED");
        assertProblem(CLIENT.postJson("/api/requests/" + id + "/cancel", "", WOONPUNT), 409, "request-not-active");
        assertProblem(CLIENT.get("/api/sign/" + RequestFlow.tokens(created).get("tenant-1")), 410, "signing-link-expired");
        assertProblem(CLIENT.get("/api/sign/not-a-token"), 404, "signing-link-not-found");
    }

    @Test
    void tamperedAuditEntryIsFoundByVerification() {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        JsonNode created = agency.create(agency.leaseRequestBody("B-B", null, null, List.of(tenant)));
        String id = created.get("id").asString();
        agency.start(id);
        CLIENT.postJson("/api/sign/" + RequestFlow.tokens(created).get("tenant-1") + "/decline", "{}");
        JsonNode intact = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", WOONPUNT));
        assertThat(intact.get("verification").get("intact").asBoolean()).isTrue();
        assertThat(intact.get("verification").get("entries").asInt()).isGreaterThanOrEqualTo(5);

        jdbc.sql("update audit_entries set actor = 'agency:notaris-demo' where request_id = ? and sequence = 2")
                .param(id).update();
        JsonNode broken = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", WOONPUNT));
        assertThat(broken.get("verification").get("intact").asBoolean()).isFalse();
        assertThat(broken.get("verification").get("firstBrokenSequence").asInt()).isEqualTo(2);
    }

    private int documentVersion(String documentId) {
        return ServiceClient.json(CLIENT.get("/api/documents/" + documentId, WOONPUNT)).get("version").asInt();
    }

    private static List<String> states(JsonNode request) {
        List<String> states = new ArrayList<>();
        request.get("signers").forEach(signer -> states.add(signer.get("state").asString()));
        return states;
    }
}
