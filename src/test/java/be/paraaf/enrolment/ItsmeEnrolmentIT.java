package be.paraaf.enrolment;

import be.paraaf.request.RequestFlow;
import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.agent.VirtualCard;
import be.paraaf.demo.DemoClients;
import be.paraaf.support.CliProcess;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * itsme enrolment as issue #4 describes it: the citizen enrols the app, confirms with the eID by signing the
 * itsme contract, and the new itsme account then signs a document. Someone else's eID cannot confirm it.
 */
class ItsmeEnrolmentIT extends ServiceIT {

    private static final String CODE = "13579";

    @TempDir
    Path dir;

    @Test
    void eidSignsTheItsmeContractThenTheNewAccountSigns() {
        String nrn = RequestFlow.newNationalNumber();
        Citizen eid = CLIENT.issueCitizen("Lotte", "Mertens", nrn);
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32471" + nrn.substring(5, 11), nrn, CODE, dir.resolve("app"));

        HttpResponse<byte[]> prepared = CLIENT.post("/api/itsme/enrolments/" + app.accountId()
                + "/contract/prepare?lang=nl", new Multipart().file("certificateChain", "chain.pem",
                "application/x-pem-file", TwoStepFlow.pem(eid.chain())));
        assertThat(prepared.statusCode()).as(TwoStepFlow.body(prepared)).isEqualTo(201);
        JsonNode toSign = ServiceClient.json(prepared);
        byte[] value = TwoStepFlow.sign(Base64.getDecoder().decode(toSign.get("dataToSign").asString()),
                toSign.get("signatureAlgorithm").asString(), eid.signatureKey());
        HttpResponse<byte[]> contract = CLIENT.postJson(toSign.get("completeUrl").asString(), "{\"handle\":\""
                + toSign.get("handle").asString() + "\",\"signatureValue\":\""
                + Base64.getEncoder().encodeToString(value) + "\"}");
        assertThat(contract.statusCode()).as(TwoStepFlow.body(contract)).isEqualTo(200);

        TwoStepFlow flow = new TwoStepFlow(CLIENT);
        JsonNode contractSignature = TwoStepFlow.signatures(flow.validate(contract.body(), "itsme-contract.pdf")).get(0);
        assertThat(contractSignature.get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(contractSignature.get("signatureFieldName").asString()).isEqualTo("citizen");
        assertThat(contractSignature.get("nationalRegisterNumber").asString()).isEqualTo(nrn);

        RequestFlow agency = new RequestFlow(CLIENT, DemoClients.WOONPUNT_KEY);
        JsonNode created = agency.create(agency.leaseRequestBody("B-T", null, null,
                List.of(new RequestFlow.Party("tenant-1", "tenant-1", 1, null, nrn))));
        String id = created.get("id").asString();
        Map<String, String> links = RequestFlow.tokens(created);
        agency.start(id);
        agency.signWithItsme(links.get("tenant-1"), app, CODE);

        assertThat(agency.get(id).get("state").asString()).isEqualTo("COMPLETED");
        byte[] signed = CLIENT.get("/api/requests/" + id + "/document", DemoClients.WOONPUNT_KEY).body();
        JsonNode itsmeSignature = TwoStepFlow.signatures(flow.validate(signed, "lease.pdf")).get(0);
        assertThat(itsmeSignature.get("indication").asString()).as(itsmeSignature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(itsmeSignature.get("nationalRegisterNumber").asString()).isEqualTo(nrn);
        assertThat(itsmeSignature.get("signerName").asString()).contains("Mertens");
    }

    @Test
    void anEnrolmentDoesNotTellWhetherThePersonAlreadyHasItsme() {
        // Zoë, a seeded demo citizen, has an active account; a fresh number has none: both enrolments look alike
        ItsmeApp existing = ItsmeApp.enrol(CLIENT.baseUrl(), "+32470000001", "92050512345", CODE,
                dir.resolve("existing"));
        ItsmeApp fresh = ItsmeApp.enrol(CLIENT.baseUrl(), "+32470000002", RequestFlow.newNationalNumber(), CODE,
                dir.resolve("fresh"));
        assertThat(existing.accountId()).isNotBlank().isNotEqualTo(fresh.accountId());
    }

    @Test
    void theEidAgentConfirmsTheEnrolmentThroughTheContractLink() {
        ExternalTool.require("softhsm2-util", "softhsm2");
        String nrn = RequestFlow.newNationalNumber();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32473" + nrn.substring(5, 11), nrn, CODE, dir.resolve("app"));
        Path card = dir.resolve("card");
        CliProcess.Result created = CliProcess.run(Map.of(), null, List.of("eid", "virtual-card", "create",
                "--server", CLIENT.baseUrl(), "--given-name", "Sofie", "--surname", "Dubois",
                "--national-number", nrn, "--pin", "4321", "--dir", card.toString()));
        assertThat(created.exitCode()).as(created.output()).isZero();

        // what the app page shows: the contract's link, in the page's language
        String link = CLIENT.baseUrl() + "/api/itsme/enrolments/" + app.accountId() + "/contract?lang=fr";
        CliProcess.Result agent = CliProcess.run(Map.of(VirtualCard.SOFTHSM2_CONF,
                card.resolve("softhsm2.conf").toString()), "4321\n", List.of("eid-agent", "sign", "--link", link,
                "--card-dir", card.toString(), "--pin-stdin"));
        assertThat(agent.exitCode()).as(agent.output()).isZero();
        assertThat(agent.output()).contains("\"state\":\"ACTIVE\"", "Signed through /api/itsme/enrolments/");

        // the account is active: the new itsme account can now approve a login
        HttpResponse<byte[]> login = CLIENT.postJson("/api/citizen/login/itsme", "{\"nationalRegisterNumber\":\"" + nrn
                + "\"}");
        assertThat(login.statusCode()).as(TwoStepFlow.body(login)).isEqualTo(202);
        app.approve(app.pending(10).get(0).consentId(), CODE);
        assertThat(CLIENT.get("/api/citizen/login/itsme/" + ServiceClient.json(login).get("id").asString())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anotherPersonsEidCannotConfirmTheEnrolment() {
        String nrn = RequestFlow.newNationalNumber();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32472" + nrn.substring(5, 11), nrn, CODE, dir.resolve("a"));
        Citizen someoneElse = CLIENT.issueCitizen("Ander", "Persoon", RequestFlow.newNationalNumber());

        assertProblem(CLIENT.post("/api/itsme/enrolments/" + app.accountId() + "/contract/prepare",
                new Multipart().file("certificateChain", "chain.pem", "application/x-pem-file",
                        TwoStepFlow.pem(someoneElse.chain()))), 403, "signer-identity-mismatch");
    }
}
