package be.paraaf.actualisation;

import be.paraaf.request.RequestFlow;
import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoClients;
import be.paraaf.support.PdfSig;
import be.paraaf.support.PdfText;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Wonen-in-Vlaanderen actualisation from both sides: the housing company registers it, the candidate logs
 * in with itsme, changes their mind once (the unsigned confirmation is cancelled), signs the confirmation with
 * itsme; the signed PDF states the choice, is valid in DSS and pdfsig, and is archived with the candidate as a
 * party. Nobody else sees or answers it.
 */
class ActualisationIT extends ServiceIT {

    private static final String KEY = DemoClients.WOONPUNT_KEY;
    private static final String CODE = "35791";

    @TempDir
    Path dir;

    @Test
    void candidateChoosesSignsWithItsmeAndTheConfirmationIsFinalValidAndArchived() {
        RequestFlow flow = new RequestFlow(CLIENT, KEY);
        String nrn = RequestFlow.newNationalNumber();
        String dossier = "WV-" + nrn.substring(5);
        JsonNode registered = register(nrn, dossier, LocalDate.now().plusDays(30));
        String id = registered.get("id").asString();
        assertThat(registered.get("status").asString()).isEqualTo("OPEN");
        assertThat(registered.get("nationalRegisterNumber").asString()).isEqualTo("*******" + nrn.substring(7));

        ItsmeApp app = itsmeAccount(nrn);
        String session = itsmeLogin(nrn, app);
        JsonNode mine = ServiceClient.json(CLIENT.citizenGet("/api/citizen/actualisations", session));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("dossierNumber").asString()).isEqualTo(dossier);

        assertProblem(decide(id, "{\"choice\":\"MAYBE\"}", session), 422, "invalid-choice");
        assertProblem(decide(id, "{\"choice\":\"STAY\"}", null), 401, "unauthenticated");
        assertProblem(CLIENT.citizenGet("/api/citizen/actualisations/" + id + "/confirmation", session), 409,
                "actualisation-not-signed");

        // first WITHDRAW, then the candidate changes their mind before signing: the first confirmation is cancelled
        JsonNode withdraw = ServiceClient.json(ok(decide(id, "{\"choice\":\"WITHDRAW\",\"language\":\"fr\"}", session)));
        assertThat(withdraw.get("actualisation").get("status").asString()).isEqualTo("AWAITING_SIGNATURE");
        String firstRequest = withdraw.get("actualisation").get("requestId").asString();
        String firstToken = withdraw.get("signingToken").asString();
        assertThat(withdraw.get("signingPage").asString()).isEqualTo("/sign.html?token=" + firstToken);

        JsonNode stay = ServiceClient.json(ok(decide(id, "{\"choice\":\"STAY\"}", session)));
        String requestId = stay.get("actualisation").get("requestId").asString();
        assertThat(requestId).isNotEqualTo(firstRequest);
        assertThat(flow.get(firstRequest).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(CLIENT.get("/api/sign/" + firstToken).statusCode()).isEqualTo(410);

        flow.signWithItsme(stay.get("signingToken").asString(), app, CODE);

        JsonNode done = ServiceClient.json(ok(CLIENT.get("/api/actualisations/" + id, KEY)));
        assertThat(done.get("status").asString()).isEqualTo("STAYS");
        assertThat(done.get("choice").asString()).isEqualTo("STAY");
        assertThat(done.get("decidedAt").isNull()).isFalse();
        assertProblem(decide(id, "{\"choice\":\"WITHDRAW\"}", session), 409, "actualisation-decided");

        byte[] confirmation = ok(CLIENT.citizenGet("/api/citizen/actualisations/" + id + "/confirmation", session)).body();
        String text = PdfText.of(confirmation);
        assertThat(text).contains(dossier, "[X] Ik wil ingeschreven blijven").containsPattern("\\[\\s*] Ik wil niet langer");
        JsonNode validation = new TwoStepFlow(CLIENT).validate(confirmation, "actualisatie.pdf");
        List<JsonNode> signatures = TwoStepFlow.signatures(validation);
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).get("verdict").asString()).isEqualTo("VALID");
        assertThat(signatures.get(0).get("nationalRegisterNumber").asString()).isEqualTo(nrn);
        assertThat(signatures.get(0).get("signatureFieldName").asString()).isEqualTo("candidate");
        assertThat(PdfSig.trusting(CLIENT.rootCertificate(), dir.resolve("nss")).signatures(confirmation).stream()
                .filter(PdfSig.Verdict::signature).toList())
                .singleElement().satisfies(verdict -> assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());

        // the audit trail says who chose what; completion archives the confirmation with the candidate as party
        JsonNode trail = ServiceClient.json(CLIENT.get("/api/requests/" + requestId + "/audit", KEY));
        assertThat(trail.get("verification").get("intact").asBoolean()).isTrue();
        assertThat(trail.get("entries").valueStream()
                .filter(entry -> entry.get("event").asString().equals("actualisation.chosen")).toList())
                .singleElement().satisfies(entry -> {
                    assertThat(entry.get("actor").asString()).isEqualTo("signer:candidate:*******" + nrn.substring(7));
                    assertThat(entry.get("details").asString()).contains("\"choice\":\"STAY\"");
                });
        JsonNode archived = archivedFor(session, requestId);
        assertThat(archived.get("documentType").asString()).isEqualTo("actualisation");
        HttpResponse<byte[]> archivedPdf = CLIENT.citizenGet("/api/citizen/archive/" + archived.get("id").asString()
                + "/document", session);
        assertThat(archivedPdf.statusCode()).isEqualTo(200);
        assertThat(PdfText.of(archivedPdf.body())).contains(dossier);
    }

    @Test
    void nobodyElseSeesOrAnswersItAndBadRegistrationsAreRefused() {
        String nrn = RequestFlow.newNationalNumber();
        String id = register(nrn, "WV-" + nrn.substring(4), LocalDate.now().plusDays(10)).get("id").asString();

        String other = RequestFlow.newNationalNumber();
        String otherSession = itsmeLogin(other, itsmeAccount(other));
        assertThat(ServiceClient.json(CLIENT.citizenGet("/api/citizen/actualisations", otherSession))).isEmpty();
        assertProblem(decide(id, "{\"choice\":\"STAY\"}", otherSession), 404, "actualisation-not-found");
        assertProblem(CLIENT.citizenGet("/api/citizen/actualisations/" + id + "/confirmation", otherSession), 404,
                "actualisation-not-found");
        assertProblem(CLIENT.get("/api/actualisations/" + id, DemoClients.NOTARIS_KEY), 404, "actualisation-not-found");
        assertProblem(CLIENT.citizenGet("/api/citizen/actualisations", "not-a-session"), 401, "unauthenticated");

        // logging out ends the session
        assertThat(CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(CLIENT.baseUrl()
                + "/api/citizen/session")).header("Paraaf-Citizen-Session", otherSession).DELETE().build())
                .statusCode()).isEqualTo(204);
        assertProblem(CLIENT.citizenGet("/api/citizen/actualisations", otherSession), 401, "unauthenticated");

        assertProblem(CLIENT.postJson("/api/actualisations", body("12345678901", "WV-1", "2030-01-01"), KEY), 422,
                "invalid-actualisation");
        assertProblem(CLIENT.postJson("/api/actualisations", body(nrn, "WV-2", LocalDate.now().minusDays(1).toString()),
                KEY), 422, "invalid-actualisation");
        assertThat(assertProblem(CLIENT.postJson("/api/actualisations", body(nrn, "WV-3", "31/12/2030"), KEY), 422,
                "invalid-actualisation").get("detail").asString()).isEqualTo(
                "member 'dueDate' must be an ISO date such as 2026-12-31.");
        assertProblem(CLIENT.postJson("/api/actualisations", body(nrn, "<script>", "2030-01-01"), KEY), 422,
                "invalid-actualisation");
        assertProblem(CLIENT.postJson("/api/actualisations", "[1,2", KEY), 400, "bad-request");
        assertThat(assertProblem(CLIENT.postJson("/api/actualisations", body(nrn, "WV-4", "2030-01-01")
                .replace("\"language\":\"nl\"", "\"language\":\"de\""), KEY), 422, "invalid-actualisation")
                .get("detail").asString()).isEqualTo("language must be nl, fr or en");
        String duplicate = body(nrn, "WV-" + nrn.substring(4), LocalDate.now().plusDays(10).toString());
        assertProblem(CLIENT.postJson("/api/actualisations", duplicate, KEY), 409, "actualisation-exists");
        assertProblem(CLIENT.postJson("/api/actualisations", duplicate), 401, "unauthenticated");
    }

    @Test
    void afterTheDueDateItIsOverdueAndCannotBeAnsweredAnyMore(@Autowired JdbcClient jdbc) {
        String nrn = RequestFlow.newNationalNumber();
        String id = register(nrn, "WV-LATE-" + nrn.substring(5), LocalDate.now().plusDays(3)).get("id").asString();
        // the due date passes (registration refuses a past date, so the row is moved back directly)
        jdbc.sql("update actualisations set due_date = ? where id = ?").params(LocalDate.now().minusDays(2), id).update();
        assertThat(ServiceClient.json(ok(CLIENT.get("/api/actualisations/" + id, KEY))).get("status").asString())
                .isEqualTo("OVERDUE");
        String session = itsmeLogin(nrn, itsmeAccount(nrn));
        assertProblem(decide(id, "{\"choice\":\"STAY\"}", session), 409, "actualisation-overdue");
    }

    @Test
    void everyDemoCitizenHasAnActualisationToAnswerInTheEmbeddedDefaultMode() {
        List<String> seeded = ServiceClient.json(ok(CLIENT.get("/api/actualisations?size=100", KEY))).valueStream()
                .filter(view -> view.get("dossierNumber").asString().startsWith("WV-DEMO-"))
                .map(view -> view.get("nationalRegisterNumber").asString()).toList();
        assertThat(seeded).containsExactlyInAnyOrderElementsOf(be.paraaf.demo.DemoCitizens.ALL.stream()
                .map(citizen -> "*******" + citizen.nationalRegisterNumber().value().substring(7)).toList());
    }

    private static JsonNode register(String nrn, String dossier, LocalDate due) {
        HttpResponse<byte[]> response = CLIENT.postJson("/api/actualisations", body(nrn, dossier, due.toString()), KEY);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(201);
        return ServiceClient.json(response);
    }

    private static String body(String nrn, String dossier, String due) {
        return """
                {"nationalRegisterNumber":"%s","name":"Ana Test","dossierNumber":"%s",
                 "housingCompany":"Woonpunt Demo","dueDate":"%s","language":"nl"}""".formatted(nrn, dossier, due);
    }

    private static HttpResponse<byte[]> decide(String id, String json, String session) {
        return CLIENT.citizenPostJson("/api/citizen/actualisations/" + id + "/decision", json, session);
    }

    private static HttpResponse<byte[]> ok(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return response;
    }

    private ItsmeApp itsmeAccount(String nrn) {
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32471" + nrn.substring(5, 11), nrn, CODE,
                dir.resolve("app-" + nrn));
        ok(CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"Ana\",\"surname\":\"Test\"}"));
        return app;
    }

    private static String itsmeLogin(String nrn, ItsmeApp app) {
        HttpResponse<byte[]> started = CLIENT.postJson("/api/citizen/login/itsme",
                "{\"nationalRegisterNumber\":\"" + nrn + "\"}");
        assertThat(started.statusCode()).as(TwoStepFlow.body(started)).isEqualTo(202);
        String loginId = ServiceClient.json(started).get("id").asString();
        app.approve(app.pending(10).get(0).consentId(), CODE);
        return ServiceClient.json(ok(CLIENT.get("/api/citizen/login/itsme/" + loginId))).get("token").asString();
    }

    private static JsonNode archivedFor(String session, String requestId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode item : ServiceClient.json(CLIENT.citizenGet("/api/citizen/archive", session)).get("items")) {
                if (requestId.equals(item.get("requestId").asString())) {
                    return item;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the signed confirmation was not archived");
    }
}
