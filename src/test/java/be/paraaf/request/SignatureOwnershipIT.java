package be.paraaf.request;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoClients;
import be.paraaf.request.RequestFlow.Party;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every signature paraaf produces belongs to the one flow that prepared it. Each cross-use of a prepared
 * handle — a signer's handle on the open two-step API (also after cancel and decline), one API client's handle
 * as another, an open-API handle in an itsme enrolment and back — is answered as an unknown handle, yields no
 * signed document, and leaves the handle usable by its own flow.
 */
class SignatureOwnershipIT extends ServiceIT {

    private static final String WOONPUNT = DemoClients.WOONPUNT_KEY;
    private static final String NOTARIS = DemoClients.NOTARIS_KEY;

    private final RequestFlow agency = new RequestFlow(CLIENT, WOONPUNT);

    @TempDir
    Path dir;

    @Autowired
    RequestDeadlineJob jobs;

    @Test
    void aSignersHandleNeverCompletesOnTheOpenApiAndStillCompletesThroughItsLink() {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        JsonNode created = startedRequestFor(tenant);
        String id = created.get("id").asString();
        String token = RequestFlow.tokens(created).get("tenant-1");
        JsonNode prepared = prepareThroughLink(token, tenant.citizen());

        for (String key : List.of(WOONPUNT, NOTARIS)) {
            assertProblem(completeOnOpenApi(prepared, tenant.citizen(), key), 404, "pending-signature-not-found");
        }
        assertThat(completeOnOpenApi(prepared, tenant.citizen(), null).statusCode()).isEqualTo(401);

        HttpResponse<byte[]> completed = agency.completeEid(token, prepared, tenant.citizen());
        assertThat(completed.statusCode()).as(TwoStepFlow.body(completed)).isEqualTo(200);
        assertThat(agency.get(id).get("state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void afterCancelOrDeclineNoPreparedHandleYieldsASignature() {
        for (String ending : List.of("cancel", "decline")) {
            Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
            JsonNode created = startedRequestFor(tenant);
            String id = created.get("id").asString();
            String token = RequestFlow.tokens(created).get("tenant-1");
            JsonNode prepared = prepareThroughLink(token, tenant.citizen());

            HttpResponse<byte[]> ended = ending.equals("cancel")
                    ? CLIENT.postJson("/api/requests/" + id + "/cancel", "", WOONPUNT)
                    : CLIENT.postJson("/api/sign/" + token + "/decline", "{\"reason\":\"Nee.\"}");
            assertThat(ended.statusCode()).as(TwoStepFlow.body(ended)).isEqualTo(200);

            assertProblem(completeOnOpenApi(prepared, tenant.citizen(), WOONPUNT), 404, "pending-signature-not-found");
            HttpResponse<byte[]> throughLink = agency.completeEid(token, prepared, tenant.citizen());
            assertThat(throughLink.statusCode()).as(ending + ": " + TwoStepFlow.body(throughLink)).isBetween(400, 499);
            assertThat(contentTypeOf(throughLink)).doesNotContain("pdf");

            JsonNode request = agency.get(id);
            assertThat(request.get("state").asString()).isEqualTo(ending.equals("cancel") ? "CANCELLED" : "DECLINED");
            assertThat(auditEvents(id)).as(ending).doesNotContain("signer.signed");
        }
    }

    @Test
    void afterTheRequestExpiredAPreparedHandleYieldsNoSignature() throws InterruptedException {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        JsonNode created = agency.create(agency.leaseRequestBody("B-B",
                Instant.now().plusSeconds(3).toString(), null, List.of(tenant)));
        String id = created.get("id").asString();
        String token = RequestFlow.tokens(created).get("tenant-1");
        agency.start(id);
        JsonNode prepared = prepareThroughLink(token, tenant.citizen());
        Thread.sleep(3100);
        jobs.expireDue(Instant.now());
        assertThat(agency.get(id).get("state").asString()).isEqualTo("EXPIRED");

        assertProblem(completeOnOpenApi(prepared, tenant.citizen(), WOONPUNT), 404, "pending-signature-not-found");
        HttpResponse<byte[]> throughLink = agency.completeEid(token, prepared, tenant.citizen());
        assertThat(throughLink.statusCode()).as(TwoStepFlow.body(throughLink)).isEqualTo(410);
        assertThat(auditEvents(id)).doesNotContain("signer.signed");
    }

    @Test
    void anApiClientCompletesOnlyTheHandlesItPrepared() {
        Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", RequestFlow.newNationalNumber());
        TwoStepFlow woonpunt = new TwoStepFlow(CLIENT, WOONPUNT);
        JsonNode prepared = woonpunt.prepare("/api/signatures/pades/prepare", "contract.pdf", "application/pdf",
                TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan.chain(), Map.of("level", "B-B"));

        assertProblem(completeOnOpenApi(prepared, jan, NOTARIS), 404, "pending-signature-not-found");
        assertThat(completeOnOpenApi(prepared, jan, null).statusCode()).isEqualTo(401);
        assertThat(CLIENT.post("/api/signatures/pades/prepare", new Multipart()
                .file("document", "c.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT))
                .file("certificateChain", "chain.pem", "application/x-pem-file", TwoStepFlow.pem(jan.chain())))
                .statusCode()).as("preparing needs an API key too").isEqualTo(401);

        byte[] signed = woonpunt.complete(prepared, jan.signatureKey());
        assertThat(TwoStepFlow.signatures(woonpunt.validate(signed, "contract.pdf"))).hasSize(1);
    }

    @Test
    void anItsmeEnrolmentAcceptsOnlyItsOwnContractHandle() {
        String nrn = RequestFlow.newNationalNumber();
        Citizen eid = CLIENT.issueCitizen("Lotte", "Mertens", nrn);
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32471" + nrn.substring(5, 11), nrn, "13579",
                dir.resolve("app"));
        String completeUrl = "/api/itsme/enrolments/" + app.accountId() + "/contract/complete";

        // the contract itself, prepared on the open API in its 'citizen' field by the right person: refused, and
        // the account stays unconfirmed
        HttpResponse<byte[]> pdf = CLIENT.get("/api/itsme/enrolments/" + app.accountId() + "/contract?lang=nl");
        assertThat(pdf.statusCode()).as(TwoStepFlow.body(pdf)).isEqualTo(200);
        JsonNode unrelated = new TwoStepFlow(CLIENT, WOONPUNT).prepare("/api/signatures/pades/prepare",
                "contract.pdf", "application/pdf", pdf.body(), eid.chain(), Map.of("level", "B-B", "fieldName",
                "citizen"));
        assertProblem(CLIENT.postJson(completeUrl, completion(unrelated, eid)), 404, "pending-signature-not-found");

        // the enrolment's own handle does not complete on the open API, nor in another account's enrolment
        HttpResponse<byte[]> contract = CLIENT.post("/api/itsme/enrolments/" + app.accountId()
                + "/contract/prepare?lang=nl", new Multipart().file("certificateChain", "chain.pem",
                "application/x-pem-file", TwoStepFlow.pem(eid.chain())));
        assertThat(contract.statusCode()).as(TwoStepFlow.body(contract)).isEqualTo(201);
        JsonNode own = ServiceClient.json(contract);
        assertProblem(completeOnOpenApi(own, eid, WOONPUNT), 404, "pending-signature-not-found");

        // the handles were left untouched: the unrelated one still completes for its client, the contract activates
        assertThat(completeOnOpenApi(unrelated, eid, WOONPUNT).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> activated = CLIENT.postJson(completeUrl, completion(own, eid));
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);
    }

    private JsonNode startedRequestFor(Party tenant) {
        JsonNode created = agency.create(agency.leaseRequestBody("B-B", null, null,
                List.of(tenant)));
        agency.start(created.get("id").asString());
        return created;
    }

    private JsonNode prepareThroughLink(String token, Citizen citizen) {
        HttpResponse<byte[]> prepared = agency.prepareEid(token, citizen);
        assertThat(prepared.statusCode()).as(TwoStepFlow.body(prepared)).isEqualTo(201);
        return ServiceClient.json(prepared);
    }

    private static HttpResponse<byte[]> completeOnOpenApi(JsonNode prepared, Citizen citizen, String apiKey) {
        String path = "/api/signatures/" + prepared.get("handle").asString() + "/complete";
        String body = completion(prepared, citizen);
        return apiKey == null ? CLIENT.postJson(path, body) : CLIENT.postJson(path, body, apiKey);
    }

    private static String completion(JsonNode prepared, Citizen citizen) {
        byte[] dataToSign = Base64.getDecoder().decode(prepared.get("dataToSign").asString());
        String value = Base64.getEncoder().encodeToString(TwoStepFlow.sign(dataToSign,
                prepared.get("signatureAlgorithm").asString(), citizen.signatureKey()));
        return "{\"handle\":\"" + prepared.get("handle").asString() + "\",\"signatureValue\":\"" + value + "\"}";
    }

    private static String contentTypeOf(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static List<String> auditEvents(String requestId) {
        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + requestId + "/audit", WOONPUNT));
        List<String> events = new ArrayList<>();
        audit.get("entries").forEach(entry -> events.add(entry.get("event").asString()));
        return events;
    }
}
