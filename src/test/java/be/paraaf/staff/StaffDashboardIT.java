package be.paraaf.staff;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.demo.DemoStaff;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.DemoData;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.StaffClient;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.system.Digests;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agency staff through the API as the dashboard uses it: eID login → membership → session cookie → CSRF; roles;
 * isolation between organisations; bulk send from CSV (good, wrong and hostile files); remind, re-issue, replace.
 */
class StaffDashboardIT extends ServiceIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void eidLoginOfAMemberOpensACookieSessionWhoseChangesNeedTheCsrfToken() {
        HttpResponse<byte[]> login = StaffClient.loginResponse(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        assertThat(login.statusCode()).as(TwoStepFlow.body(login)).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("paraaf_staff=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Max-Age"); // a browser-session cookie; Secure is production's (application.yml)
        JsonNode session = ServiceClient.json(login);
        assertThat(session.get("organisation").asString()).isEqualTo("woonpunt-demo");
        assertThat(session.get("role").asString()).isEqualTo("ADMIN");
        assertThat(session.get("nationalRegisterNumber").asString()).endsWith(DemoStaff.WOONPUNT_ADMIN.substring(7))
                .startsWith("*******");

        StaffClient staff = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        assertThat(staff.getJson("/api/staff/session").get("csrfToken").asString())
                .isEqualTo(staff.session().get("csrfToken").asString());
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Staff", newNumber(), "EITHER");
        // the organisation's requests through the cookie, exactly as with its API key
        assertThat(staff.getJson("/api/requests/" + request.id()).get("state").asString()).isEqualTo("IN_PROGRESS");

        JsonNode refused = assertProblem(staff.sendWithoutCsrf("POST", "/api/requests/" + request.id() + "/cancel",
                null), 403, "csrf-token-invalid");
        assertThat(refused.get("detail").asString()).contains("X-CSRF-Token");
        assertThat(DemoData.state(CLIENT, request.id())).isEqualTo("IN_PROGRESS");
        HttpResponse<byte[]> cancelled = staff.send("POST", "/api/requests/" + request.id() + "/cancel", null);
        assertThat(cancelled.statusCode()).as(TwoStepFlow.body(cancelled)).isEqualTo(200);
        assertThat(audit(staff, request.id())).anySatisfy(entry ->
                assertThat(entry.get("event").asString()).isEqualTo("request.cancelled"));

        assertThat(staff.send("DELETE", "/api/staff/session", null).statusCode()).isEqualTo(204);
        assertProblem(staff.get("/api/staff/session"), 401, "unauthenticated");
        assertProblem(staff.get("/api/requests/" + request.id()), 401, "unauthenticated");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionUnusedForTheIdleTimeoutEndsAndTheBackgroundRefreshDoesNotKeepItAlive() {
        StaffClient staff = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        String hash = Digests.sha256Hex(staff.cookie().substring(staff.cookie().indexOf('=') + 1));
        OffsetDateTime twoMinutesAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).withNano(0);
        jdbc.sql("update staff_sessions set last_seen_at = ? where token_sha256 = ?").params(twoMinutesAgo, hash)
                .update();
        assertThat(staff.getInBackground("/api/staff/requests").statusCode()).isEqualTo(200);
        assertThat(lastSeen(hash)).isEqualTo(twoMinutesAgo.toInstant());
        assertThat(staff.get("/api/staff/requests").statusCode()).isEqualTo(200);
        assertThat(lastSeen(hash)).isAfter(twoMinutesAgo.toInstant());

        jdbc.sql("update staff_sessions set last_seen_at = ? where token_sha256 = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(31), hash).update();
        assertProblem(staff.get("/api/staff/session"), 401, "unauthenticated");
    }

    private java.time.Instant lastSeen(String hash) {
        return jdbc.sql("select last_seen_at from staff_sessions where token_sha256 = ?").param(hash)
                .query(OffsetDateTime.class).single().toInstant();
    }

    @Test
    void theCitizenSessionIsUsedUpAndSomeoneWhoBelongsNowhereIsRefused() {
        String citizen = StaffClient.citizenSession(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        HttpResponse<byte[]> first = CLIENT.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(CLIENT.baseUrl() + "/api/staff/session"))
                .header("Paraaf-Citizen-Session", citizen).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(first.statusCode()).as(TwoStepFlow.body(first)).isEqualTo(200);
        HttpResponse<byte[]> again = CLIENT.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(CLIENT.baseUrl() + "/api/staff/session"))
                .header("Paraaf-Citizen-Session", citizen).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        assertProblem(again, 401, "unauthenticated");

        assertProblem(StaffClient.loginResponse(CLIENT, newNumber()), 403, "not-a-staff-member");
        assertProblem(CLIENT.get("/api/staff/requests"), 401, "unauthenticated");
        // an API key is a machine, not a member: the staff endpoints are not for it
        assertProblem(CLIENT.get("/api/staff/requests", DemoClients.WOONPUNT_KEY), 403, "forbidden");
    }

    @Test
    void anAdminManagesMembersAClerkSendsButCannotManageAndRemovalEndsTheSession() {
        StaffClient admin = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        String clerkNumber = newNumber();
        assertProblem(StaffClient.loginResponse(CLIENT, clerkNumber), 403, "not-a-staff-member");
        HttpResponse<byte[]> added = admin.send("PUT", "/api/staff/members",
                "{\"nationalRegisterNumber\":\"" + clerkNumber + "\",\"role\":\"clerk\"}");
        assertThat(added.statusCode()).as(TwoStepFlow.body(added)).isEqualTo(200);
        assertThat(admin.getJson("/api/staff/members").toString()).contains(clerkNumber, "CLERK");
        assertProblem(admin.send("PUT", "/api/staff/members", "{\"nationalRegisterNumber\":\"12345678901\","
                + "\"role\":\"clerk\"}"), 400, "invalid-national-register-number");
        assertProblem(admin.send("PUT", "/api/staff/members", "{\"nationalRegisterNumber\":\"" + clerkNumber
                + "\",\"role\":\"boss\"}"), 400, "bad-request");
        // the organisation keeps an admin
        assertProblem(admin.send("PUT", "/api/staff/members", "{\"nationalRegisterNumber\":\""
                + DemoStaff.WOONPUNT_ADMIN + "\",\"role\":\"clerk\"}"), 409, "last-admin");

        StaffClient clerk = StaffClient.login(CLIENT, clerkNumber);
        assertThat(clerk.session().get("role").asString()).isEqualTo("CLERK");
        assertProblem(clerk.get("/api/staff/members"), 403, "forbidden");
        assertProblem(clerk.send("PUT", "/api/staff/members", "{\"nationalRegisterNumber\":\"" + newNumber()
                + "\",\"role\":\"admin\"}"), 403, "forbidden");
        assertProblem(clerk.send("DELETE", "/api/staff/members/" + DemoStaff.WOONPUNT_ADMIN, null), 403,
                "forbidden");
        assertProblem(clerk.send("POST", "/api/staff/api-key", null), 403, "forbidden");
        HttpResponse<byte[]> uploaded = clerk.post("/api/documents", new Multipart().file("document",
                "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertThat(uploaded.statusCode()).as(TwoStepFlow.body(uploaded)).isEqualTo(201);
        // the demo organisation's key is published: an admin cannot change it
        assertProblem(admin.send("POST", "/api/staff/api-key", null), 409, "api-key-configured");

        assertThat(admin.send("DELETE", "/api/staff/members/" + clerkNumber, null).statusCode()).isEqualTo(204);
        assertProblem(clerk.get("/api/staff/session"), 401, "unauthenticated");
        assertProblem(admin.send("DELETE", "/api/staff/members/" + clerkNumber, null), 404, "member-not-found");
    }

    @Test
    void staffOfOneOrganisationNeverSeeAnothersRequests() {
        StaffClient woonpunt = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        StaffClient notaris = StaffClient.login(CLIENT, DemoStaff.NOTARIS_ADMIN);
        assertThat(notaris.session().get("organisation").asString()).isEqualTo("notaris-demo");
        DemoData.StartedRequest ours = DemoData.startedRequest(CLIENT, "Isolatie " + RANDOM.nextInt(1_000_000),
                "Iso Latie", newNumber(), "EITHER");

        assertThat(woonpunt.get("/api/requests/" + ours.id()).statusCode()).isEqualTo(200);
        assertProblem(notaris.get("/api/requests/" + ours.id()), 404, "request-not-found");
        assertProblem(notaris.get("/api/requests/" + ours.id() + "/audit"), 404, "request-not-found");
        assertProblem(notaris.get("/api/requests/" + ours.id() + "/document"), 404, "request-not-found");
        assertProblem(notaris.send("POST", "/api/requests/" + ours.id() + "/cancel", null), 404, "request-not-found");
        assertProblem(notaris.send("POST", "/api/requests/" + ours.id() + "/signers/1/link", null), 404,
                "request-not-found");
        assertProblem(notaris.send("POST", "/api/requests/" + ours.id() + "/signers/1/remind", null), 404,
                "request-not-found");
        assertThat(notaris.getJson("/api/staff/requests?size=100").toString()).doesNotContain(ours.id());
        assertThat(woonpunt.getJson("/api/staff/requests?q=isolatie&size=100").toString()).contains(ours.id());
        assertThat(DemoData.state(CLIENT, ours.id())).isEqualTo("IN_PROGRESS");
    }

    @Test
    void bulkSendMakesARequestPerRowAndSendsNothingWhenARowIsWrong() throws IOException {
        StaffClient staff = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        String tag = "Bulk" + RANDOM.nextInt(1_000_000);
        String first = newNumber();
        String second = newNumber();
        String csv = "title;tenants[0].name;tenants[0].nationalNumber;tenants[0].birthDate;signer.tenant-1.email;"
                + "signer.agency.nationalRegisterNumber\n"
                + tag + " A;An Peeters;" + first + ";" + birth(first) + ";an@example.org;"
                + DemoStaff.WOONPUNT_ADMIN + "\n"
                + "\"" + tag + " B; met \"\"puntkomma\"\"\";Bert Claes;" + second + ";" + birth(second) + ";;"
                + DemoStaff.WOONPUNT_ADMIN + "\n";
        HttpResponse<byte[]> sent = staff.post("/api/staff/bulk-send?template=lease&lang=nl", bulk(csv));
        assertThat(sent.statusCode()).as(TwoStepFlow.body(sent)).isEqualTo(200);
        JsonNode report = ServiceClient.json(sent);
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("sent")).hasSize(2);
        assertThat(report.get("errors")).isEmpty();
        JsonNode page = staff.getJson("/api/staff/requests?q=" + tag + "&size=10");
        assertThat(page.get("total").asLong()).isEqualTo(2);
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> {
            titles.add(item.get("title").asString());
            assertThat(item.get("state").asString()).isEqualTo("IN_PROGRESS");
            assertThat(item.get("signers")).hasSize(2);
        });
        assertThat(titles).containsExactlyInAnyOrder(tag + " A", tag + " B; met \"puntkomma\"");
        // the lease names its tenant: only that person can take the tenant's place
        String leaseId = report.get("sent").get(0).get("requestId").asString();
        assertThat(actors(staff, leaseId)).contains("request.created " + ADMIN_ACTOR,
                "request.started " + ADMIN_ACTOR);
        assertProblem(staff.send("POST", "/api/requests/" + leaseId + "/signers/1/replace",
                "{\"name\":\"Iemand Anders\",\"nationalRegisterNumber\":\"" + newNumber() + "\"}"), 422,
                "signer-not-named-in-document");

        // row 2 has a bad number, row 3 a birth date that is no date and an unknown signer field: nothing is sent
        String wrongTag = "Fout" + RANDOM.nextInt(1_000_000);
        String good = newNumber();
        String wrong = "title,tenants[0].name,tenants[0].nationalNumber,tenants[0].birthDate,"
                + "signer.agency.nationalRegisterNumber,signer.landlord.email\n"
                + wrongTag + " 1,Goed Mens," + good + "," + birth(good) + "," + DemoStaff.WOONPUNT_ADMIN + ",\n"
                + wrongTag + " 2,Fout Nummer,12345678901,1980-02-03," + DemoStaff.WOONPUNT_ADMIN + ",\n"
                + wrongTag + " 3,Geen Datum," + newNumber() + ",gisteren," + DemoStaff.WOONPUNT_ADMIN
                + ",x@example.org\n";
        JsonNode refused = assertProblem(staff.post("/api/staff/bulk-send?template=lease", bulk(wrong)), 422,
                "bulk-send-refused");
        assertThat(refused.get("detail").asString()).contains("nothing was sent");
        List<String> errors = new ArrayList<>();
        refused.get("errors").forEach(error -> errors.add(error.get("row").asInt() + " "
                + error.get("column").asString()));
        assertThat(errors).contains("2 tenants[0].nationalNumber", "3 tenants[0].birthDate", "3 signer.landlord")
                .noneMatch(error -> error.startsWith("1 "));
        assertThat(staff.getJson("/api/staff/requests?q=" + wrongTag).get("total").asLong()).isZero();
        assertProblem(staff.post("/api/staff/bulk-send?template=lease", bulk("tenant;x\nA;B\n")), 422,
                "bulk-send-refused");
        assertProblem(staff.post("/api/staff/bulk-send?template=nope", bulk(csv)), 404, "unknown-template");
    }

    @Test
    void aBrokenHugeOrHostileCsvIsRefusedInWords() {
        StaffClient staff = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        String header = "tenants[0].name,tenants[0].nationalNumber\n";
        List<byte[]> hostile = List.of(
                new byte[0],
                header.getBytes(StandardCharsets.UTF_8),
                (header + "\"never closed,1\n").getBytes(StandardCharsets.UTF_8),
                (header + "a,b,c\n").getBytes(StandardCharsets.UTF_8),
                (header + "a\u0000b,c\n").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 'a', ',', 'b', '\n', (byte) 0xc3, '\n'},
                (header + ("x".repeat(2000) + ",y\n")).getBytes(StandardCharsets.UTF_8),
                (header + "a,b\n".repeat(101)).getBytes(StandardCharsets.UTF_8),
                (header + "a,b\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8),
                ("a,".repeat(100) + "b\n1\n").getBytes(StandardCharsets.UTF_8),
                ("x,x\n1,2\n").getBytes(StandardCharsets.UTF_8));
        for (byte[] file : hostile) {
            HttpResponse<byte[]> response = staff.post("/api/staff/bulk-send?template=lease",
                    new Multipart().file("csv", "tenants.csv", "text/csv", file));
            assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(400);
            JsonNode problem = ServiceClient.json(response);
            assertThat(problem.get("type").asString()).endsWith("/invalid-csv");
            assertThat(problem.get("detail").asString()).doesNotContain("Exception");
        }
        for (String common : List.of("[1,2]", "{not json")) {
            assertProblem(staff.post("/api/staff/bulk-send?template=lease", new Multipart().field("common", common)
                    .file("csv", "t.csv", "text/csv", "tenants[0].name\nA\n".getBytes(StandardCharsets.UTF_8))),
                    400, "bad-request");
        }
    }

    @Test
    void staffRemindReissueAndReplaceASignerWhoHasNotSigned() {
        StaffClient staff = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        DemoData.StartedRequest request = DemoData.startedRequest(CLIENT, "Vervanging", "Eerste Huurder",
                newNumber(), "EITHER");
        String base = "/api/requests/" + request.id() + "/signers/1";

        HttpResponse<byte[]> reminded = staff.send("POST", base + "/remind", null);
        assertThat(reminded.statusCode()).as(TwoStepFlow.body(reminded)).isEqualTo(200);
        assertThat(ServiceClient.json(reminded).get("signers").get(0).get("reminderCount").asInt()).isEqualTo(1);

        assertThat(CLIENT.get("/api/sign/" + request.token()).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> reissued = staff.send("POST", base + "/link", null);
        assertThat(reissued.statusCode()).as(TwoStepFlow.body(reissued)).isEqualTo(200);
        String newToken = ServiceClient.json(reissued).get("token").asString();
        assertThat(CLIENT.get("/api/sign/" + request.token()).statusCode()).isEqualTo(404);
        assertThat(CLIENT.get("/api/sign/" + newToken).statusCode()).isEqualTo(200);

        String replacement = newNumber();
        HttpResponse<byte[]> replaced = staff.send("POST", base + "/replace", """
                {"name":"Tweede Huurder","nationalRegisterNumber":"%s","email":"tweede@example.org",
                 "language":"fr"}""".formatted(replacement));
        assertThat(replaced.statusCode()).as(TwoStepFlow.body(replaced)).isEqualTo(200);
        JsonNode view = ServiceClient.json(replaced);
        assertThat(view.get("signers").get(0).get("name").asString()).isEqualTo("Tweede Huurder");
        assertThat(view.get("signers").get(0).get("state").asString()).isEqualTo("INVITED");
        assertThat(view.get("signers").get(0).get("nationalRegisterNumber").asString())
                .endsWith(replacement.substring(7));
        String replacementToken = view.get("signerLinks").get(0).get("token").asString();
        assertThat(CLIENT.get("/api/sign/" + newToken).statusCode()).isEqualTo(404);
        JsonNode signerView = ServiceClient.json(CLIENT.get("/api/sign/" + replacementToken));
        assertThat(signerView.get("name").asString()).isEqualTo("Tweede Huurder");

        assertProblem(staff.send("POST", base + "/replace", "{\"name\":\"X\",\"nationalRegisterNumber\":\"1\"}"),
                422, "invalid-request");
        assertProblem(staff.send("POST", "/api/requests/" + request.id() + "/signers/9/remind", null), 404,
                "signer-not-found");
        List<String> events = new ArrayList<>();
        audit(staff, request.id()).forEach(entry -> events.add(entry.get("event").asString() + " "
                + entry.get("actor").asString()));
        String actor = "staff:woonpunt-demo:*******" + DemoStaff.WOONPUNT_ADMIN.substring(7);
        assertThat(events).contains("signer.reminded " + actor, "signer.link-reissued " + actor,
                "signer.replaced " + actor);

        assertThat(staff.send("POST", "/api/requests/" + request.id() + "/cancel", null).statusCode()).isEqualTo(200);
        assertProblem(staff.send("POST", base + "/link", null), 409, "request-not-active");
    }

    /** Create, start and cancel name the member who did them; the same calls with the API key name the key. */
    @Test
    void everyChangeMadeWithASessionNamesTheMemberInTheAuditTrail() {
        StaffClient admin = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        String clerkNumber = newNumber();
        assertThat(admin.send("PUT", "/api/staff/members", "{\"nationalRegisterNumber\":\"" + clerkNumber
                + "\",\"role\":\"clerk\"}").statusCode()).isEqualTo(200);
        StaffClient clerk = StaffClient.login(CLIENT, clerkNumber);
        String clerkActor = "staff:woonpunt-demo:*******" + clerkNumber.substring(7);
        HttpResponse<byte[]> uploaded = clerk.post("/api/documents", new Multipart().file("document", "contract.pdf",
                "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertThat(uploaded.statusCode()).as(TwoStepFlow.body(uploaded)).isEqualTo(201);
        String documentId = ServiceClient.json(uploaded).get("id").asString();
        String request = """
                {"documentId":"%s","title":"Door een medewerker","signers":[{"role":"tenant","name":"Jan Peeters",
                 "nationalRegisterNumber":"%s","consentMethods":"EITHER","fieldName":"tenant-1","step":1}]}"""
                .formatted(documentId, newNumber());

        HttpResponse<byte[]> created = clerk.send("POST", "/api/requests", request);
        assertThat(created.statusCode()).as(TwoStepFlow.body(created)).isEqualTo(201);
        String byClerk = ServiceClient.json(created).get("id").asString();
        assertThat(clerk.send("POST", "/api/requests/" + byClerk + "/start", null).statusCode()).isEqualTo(200);
        assertThat(clerk.send("POST", "/api/requests/" + byClerk + "/cancel", null).statusCode()).isEqualTo(200);
        assertThat(actors(clerk, byClerk)).contains("request.created " + clerkActor, "request.started " + clerkActor,
                "request.cancelled " + clerkActor).noneMatch(line -> line.startsWith("request.")
                && line.endsWith(" agency:woonpunt-demo"));

        DemoData.StartedRequest byKey = DemoData.startedRequest(CLIENT, "Met de sleutel", newNumber(), "EITHER");
        assertThat(clerk.send("POST", "/api/requests/" + byKey.id() + "/cancel", null).statusCode()).isEqualTo(200);
        assertThat(actors(clerk, byKey.id())).contains("request.created agency:woonpunt-demo",
                "request.started agency:woonpunt-demo", "request.cancelled " + clerkActor);
    }

    private static final String ADMIN_ACTOR = "staff:woonpunt-demo:*******" + DemoStaff.WOONPUNT_ADMIN.substring(7);

    /** The request's audit trail as "event actor" lines. */
    private static List<String> actors(StaffClient staff, String requestId) {
        return audit(staff, requestId).stream().map(entry -> entry.get("event").asString() + " "
                + entry.get("actor").asString()).toList();
    }

    private static List<JsonNode> audit(StaffClient staff, String requestId) {
        List<JsonNode> entries = new ArrayList<>();
        staff.getJson("/api/requests/" + requestId + "/audit").get("entries").forEach(entries::add);
        return entries;
    }

    private static Multipart bulk(String csv) throws IOException {
        ObjectNode common = (ObjectNode) ServiceClient.JSON.readTree(Files.readString(
                Path.of("test-docs/templates/lease.json")));
        common.remove("tenants");
        return new Multipart().field("common", common.toString())
                .file("csv", "huurders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The birth date a (1900s) national register number starts with. */
    private static String birth(String number) {
        return "19" + number.substring(0, 2) + "-" + number.substring(2, 4) + "-" + number.substring(4, 6);
    }

    private static String newNumber() {
        return NationalRegisterNumber.withCheck(String.format("8%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
    }
}
