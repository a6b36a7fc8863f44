package be.paraaf.citizen;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A citizen logs in with the eID or with itsme and sees only the requests and archive entries naming them. */
class CitizenAccessIT extends ServiceIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = DemoClients.WOONPUNT_KEY;

    @TempDir
    Path dir;

    @Test
    void eidLoginShowsOnlyTheCitizensOwnRequestsAndArchive() {
        String nrn = newNationalNumber();
        Citizen citizen = CLIENT.issueCitizen("Els", "Goossens", nrn);
        String own = requestNaming(nrn);
        String other = requestNaming(newNationalNumber());
        archiveNaming(citizen, nrn);

        String token = eidLogin(citizen.authenticationKey(), citizen.authenticationChain());

        JsonNode requests = ServiceClient.json(CLIENT.citizenGet("/api/citizen/requests", token));
        List<String> ids = new ArrayList<>();
        requests.forEach(view -> ids.add(view.get("requestId").asString()));
        assertThat(ids).contains(own).doesNotContain(other);
        assertThat(requests.get(0).get("yourTurn").asBoolean()).isTrue();
        assertThat(requests.toString()).doesNotContain("token");

        JsonNode archive = ServiceClient.json(CLIENT.citizenGet("/api/citizen/archive", token));
        assertThat(archive.get("items")).isNotEmpty();
        archive.get("items").forEach(entry -> assertThat(entry.toString()).contains(nrn));
    }

    @Test
    void eidLoginNeedsTheAuthenticationKeyAFreshChallengeAndASession() {
        Citizen citizen = CLIENT.issueCitizen("Tom", "Wuyts", newNationalNumber());
        JsonNode challenge = ServiceClient.json(CLIENT.postJson("/api/citizen/login/eid/challenge", ""));

        // the Signature certificate (nonRepudiation only) is not for logging in
        assertProblem(answer(challenge, citizen.signatureKey(), citizen.chain()), 401, "citizen-login-refused");
        // a challenge is used once
        assertProblem(answer(challenge, citizen.authenticationKey(), citizen.authenticationChain()), 401,
                "citizen-login-refused");
        assertProblem(CLIENT.citizenGet("/api/citizen/requests", null), 401, "unauthenticated");
        assertProblem(CLIENT.citizenGet("/api/citizen/requests", "not-a-session"), 401, "unauthenticated");
    }

    @Test
    void itsmeLoginIsAPushApproval() {
        String nrn = newNationalNumber();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32473" + nrn.substring(5, 11), nrn, "11223", dir.resolve("a"));
        HttpResponse<byte[]> activated = CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"Ilse\",\"surname\":\"Smet\"}");
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);
        String own = requestNaming(nrn);

        HttpResponse<byte[]> started = CLIENT.postJson("/api/citizen/login/itsme",
                "{\"nationalRegisterNumber\":\"" + nrn + "\"}");
        assertThat(started.statusCode()).as(TwoStepFlow.body(started)).isEqualTo(202);
        JsonNode login = ServiceClient.json(started);
        String loginId = login.get("id").asString();
        assertThat(CLIENT.get("/api/citizen/login/itsme/" + loginId).statusCode()).isEqualTo(202);

        ItsmeApp.Pending pending = app.pending(10).get(0);
        assertThat(pending.verificationCode()).isEqualTo(login.get("verificationCode").asString());
        app.approve(pending.consentId(), "11223");

        HttpResponse<byte[]> result = CLIENT.get("/api/citizen/login/itsme/" + loginId);
        assertThat(result.statusCode()).as(TwoStepFlow.body(result)).isEqualTo(200);
        String token = ServiceClient.json(result).get("token").asString();
        assertThat(ServiceClient.json(CLIENT.citizenGet("/api/citizen/requests", token)).toString()).contains(own);
    }

    @Test
    void itsmeLoginAnswersAlikeWhetherOrNotTheNumberHasAnAccount() {
        String known = newNationalNumber();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32474" + known.substring(5, 11), known, "11223",
                dir.resolve("k"));
        assertThat(CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + known + "\",\"givenName\":\"Kim\",\"surname\":\"Aerts\"}")
                .statusCode()).isEqualTo(200);
        String pendingOnly = newNationalNumber(); // enrolled, never confirmed with the eID
        ItsmeApp.enrol(CLIENT.baseUrl(), "+32474" + pendingOnly.substring(5, 11), pendingOnly, "11223",
                dir.resolve("p"));
        String unknown = newNationalNumber();

        List<HttpResponse<byte[]>> starts = List.of(itsmeLogin(known), itsmeLogin(pendingOnly), itsmeLogin(unknown));
        for (HttpResponse<byte[]> start : starts) {
            assertThat(start.statusCode()).as(TwoStepFlow.body(start)).isEqualTo(202);
            JsonNode login = ServiceClient.json(start);
            assertThat(login.propertyNames()).containsExactly("id", "verificationCode", "expiresAt");
            assertThat(login.get("verificationCode").asString())
                    .hasSameSizeAs(ServiceClient.json(starts.get(0)).get("verificationCode").asString());
            assertThat(login.get("id").asString()).hasSameSizeAs(ServiceClient.json(starts.get(0)).get("id").asString());
            HttpResponse<byte[]> result = CLIENT.get("/api/citizen/login/itsme/" + login.get("id").asString());
            assertThat(result.statusCode()).isEqualTo(202);
            assertThat(TwoStepFlow.body(result)).isEqualTo("{\"status\":\"PENDING\"}");
        }
        assertThat(app.pending(10)).hasSize(1);
    }

    private static HttpResponse<byte[]> itsmeLogin(String nrn) {
        return CLIENT.postJson("/api/citizen/login/itsme", "{\"nationalRegisterNumber\":\"" + nrn + "\"}");
    }

    @Test
    void aLoggedInCitizenGetsTheirOwnSigningLinkOnlyOnTheirTurn() {
        String nrn = newNationalNumber();
        Citizen citizen = CLIENT.issueCitizen("Bram", "Willems", nrn);
        String own = requestNaming(nrn);
        String other = requestNaming(newNationalNumber());
        String session = eidLogin(citizen.authenticationKey(), citizen.authenticationChain());

        assertProblem(CLIENT.citizenPostJson("/api/citizen/requests/" + own + "/signing-link", "", null), 401,
                "unauthenticated");
        assertProblem(CLIENT.citizenPostJson("/api/citizen/requests/" + other + "/signing-link", "", session), 404,
                "request-not-found");
        HttpResponse<byte[]> issued = CLIENT.citizenPostJson("/api/citizen/requests/" + own + "/signing-link", "",
                session);
        assertThat(issued.statusCode()).as(TwoStepFlow.body(issued)).isEqualTo(200);
        String token = ServiceClient.json(issued).get("signingToken").asString();
        assertThat(ServiceClient.json(issued).get("signingPage").asString()).isEqualTo("/sign.html?token=" + token);

        // the link acts for this citizen's signer, like the one the agency sent, and the trail says who asked
        assertThat(ServiceClient.json(CLIENT.get("/api/sign/" + token)).get("role").asString()).isEqualTo("tenant");
        assertThat(ServiceClient.json(CLIENT.get("/api/requests/" + own + "/audit", KEY)).toString())
                .contains("signer.link-issued", "signer:tenant:*******" + nrn.substring(7));
        assertThat(CLIENT.postJson("/api/sign/" + token + "/decline", "{\"reason\":\"niet mijn woning\"}")
                .statusCode()).isEqualTo(200);
        assertProblem(CLIENT.citizenPostJson("/api/citizen/requests/" + own + "/signing-link", "", session), 409,
                "not-your-turn");
    }

    private static String eidLogin(PrivateKey key, List<X509Certificate> chain) {
        JsonNode challenge = ServiceClient.json(CLIENT.postJson("/api/citizen/login/eid/challenge", ""));
        HttpResponse<byte[]> response = answer(challenge, key, chain);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return ServiceClient.json(response).get("token").asString();
    }

    private static HttpResponse<byte[]> answer(JsonNode challenge, PrivateKey key, List<X509Certificate> chain) {
        byte[] signature = TwoStepFlow.sign(challenge.get("challenge").asString().getBytes(StandardCharsets.US_ASCII),
                "SHA256withRSA", key);
        return CLIENT.post("/api/citizen/login/eid", new Multipart()
                .field("challengeId", challenge.get("id").asString())
                .file("certificateChain", "chain.pem", "application/x-pem-file", TwoStepFlow.pem(chain))
                .field("signature", Base64.getEncoder().encodeToString(signature)));
    }

    /** A started request on the sample contract with one signer for field tenant-1. */
    private static String requestNaming(String nrn) {
        HttpResponse<byte[]> uploaded = CLIENT.post("/api/documents", new Multipart().file("document",
                "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)), KEY);
        assertThat(uploaded.statusCode()).as(TwoStepFlow.body(uploaded)).isEqualTo(201);
        String documentId = ServiceClient.json(uploaded).get("id").asString();
        HttpResponse<byte[]> created = CLIENT.postJson("/api/requests", """
                {"documentId":"%s","title":"Huurcontract","signers":[{"role":"tenant","name":"Huurder",
                 "nationalRegisterNumber":"%s","consentMethods":"EITHER","fieldName":"tenant-1","step":1}]}"""
                .formatted(documentId, nrn), KEY);
        assertThat(created.statusCode()).as(TwoStepFlow.body(created)).isEqualTo(201);
        String id = ServiceClient.json(created).get("id").asString();
        assertThat(CLIENT.postJson("/api/requests/" + id + "/start", "", KEY).statusCode()).isEqualTo(200);
        return id;
    }

    private static void archiveNaming(Citizen signer, String nrn) {
        byte[] signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), signer,
                Map.of("level", "B-T"));
        HttpResponse<byte[]> archived = CLIENT.post("/api/archive", new Multipart()
                .file("document", "signed.pdf", "application/pdf", signed)
                .file("metadata", "metadata.json", "application/json", ("{\"documentType\":\"lease\",\"parties\":"
                        + "[{\"name\":\"Els Goossens\",\"nationalNumber\":\"" + nrn + "\",\"role\":\"tenant\"}]}")
                        .getBytes(StandardCharsets.UTF_8)), KEY);
        assertThat(archived.statusCode()).as(TwoStepFlow.body(archived)).isEqualTo(201);
    }

    private static String newNationalNumber() {
        return NationalRegisterNumber.withCheck(String.format("7%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
    }
}
