package be.paraaf.request;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.access.DemoClients;
import be.paraaf.cli.ItsmeApp;
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
        JsonNode created = agency.create(agency.requestBody(agency.leaseDocument(), "B-T", null, null,
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
    void anotherPersonsEidCannotConfirmTheEnrolment() {
        String nrn = RequestFlow.newNationalNumber();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32472" + nrn.substring(5, 11), nrn, CODE, dir.resolve("a"));
        Citizen someoneElse = CLIENT.issueCitizen("Ander", "Persoon", RequestFlow.newNationalNumber());

        assertProblem(CLIENT.post("/api/itsme/enrolments/" + app.accountId() + "/contract/prepare",
                new Multipart().file("certificateChain", "chain.pem", "application/x-pem-file",
                        TwoStepFlow.pem(someoneElse.chain()))), 403, "signer-identity-mismatch");
    }
}
