package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.agent.VirtualCard;
import be.paraaf.demo.DemoClients;
import be.paraaf.support.CliProcess;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole lease, as issue #4 describes it: the agency renders the lease and sends it; tenant 1 signs with
 * itsme (push to the simulated app, code, approval), tenant 2 with the eID agent on a SoftHSM2 virtual card,
 * the agency's representative with itsme; sequentially, at PAdES-B-LTA. The final PDF has three signatures,
 * all TOTAL_PASSED in DSS and "Signature is Valid." in pdfsig.
 */
class LeaseFlowIT extends ServiceIT {

    private static final String CODE = "24680";
    private static final String PIN = "1357";

    @TempDir
    Path dir;

    @Test
    void twoItsmeSignersAndOneEidCardSignTheLeaseInTurn() {
        ExternalTool.require("softhsm2-util", "softhsm2");
        RequestFlow agency = new RequestFlow(CLIENT, DemoClients.WOONPUNT_KEY);
        String tenant1 = RequestFlow.newNationalNumber();
        String tenant2 = RequestFlow.newNationalNumber();
        String representative = RequestFlow.newNationalNumber();
        ItsmeApp tenant1App = itsmeAccount(tenant1, "Zoë", "Van den Broeck");
        ItsmeApp representativeApp = itsmeAccount(representative, "Jérôme", "Maës");
        Path card = virtualCard(tenant2, "Anaïs", "Çelik");

        JsonNode created = agency.create(agency.leaseRequestBody("B-LTA", null, null, List.of(
                new RequestFlow.Party("tenant-1", "tenant-1", 1, null, tenant1),
                new RequestFlow.Party("tenant-2", "tenant-2", 2, null, tenant2),
                new RequestFlow.Party("agency", "agency", 3, null, representative))));
        String id = created.get("id").asString();
        Map<String, String> links = RequestFlow.tokens(created);
        agency.start(id);

        agency.signWithItsme(links.get("tenant-1"), tenant1App, CODE);
        assertThat(signerState(agency.get(id), 0)).isEqualTo("SIGNED");

        CliProcess.Result agent = CliProcess.run(Map.of(VirtualCard.SOFTHSM2_CONF,
                card.resolve("softhsm2.conf").toString()), PIN + "\n", List.of("eid-agent", "sign", "--link",
                CLIENT.baseUrl() + "/api/sign/" + links.get("tenant-2"), "--card-dir", card.toString(), "--pin-stdin"));
        assertThat(agent.exitCode()).as(agent.output()).isZero();
        assertThat(signerState(agency.get(id), 1)).isEqualTo("SIGNED");

        agency.signWithItsme(links.get("agency"), representativeApp, CODE);
        JsonNode completed = agency.get(id);
        assertThat(completed.get("state").asString()).as(completed.toString()).isEqualTo("COMPLETED");

        HttpResponse<byte[]> document = CLIENT.get("/api/requests/" + id + "/document", DemoClients.WOONPUNT_KEY);
        assertThat(document.statusCode()).isEqualTo(200);
        TwoStepFlow flow = new TwoStepFlow(CLIENT);
        List<JsonNode> signatures = TwoStepFlow.signatures(flow.validate(document.body(), "lease-signed.pdf"));
        assertThat(signatures).hasSize(3).allSatisfy(signature -> {
            assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(signature.get("level").asString()).isEqualTo("PAdES-BASELINE-LTA");
        });
        assertThat(signatures).extracting(signature -> signature.get("nationalRegisterNumber").asString())
                .containsExactlyInAnyOrder(tenant1, tenant2, representative);
        List<PdfSig.Verdict> verdicts = PdfSig.trusting(CLIENT.rootCertificate(), dir.resolve("nss"))
                .signatures(document.body()).stream().filter(verdict -> !verdict.documentTimestamp()).toList();
        assertThat(verdicts).hasSize(3).allSatisfy(verdict ->
                assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());

        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", DemoClients.WOONPUNT_KEY));
        assertThat(audit.toString()).contains("consent.approved", "completed");

        // completion archives the lease: the agency finds it by a tenant's national number, with its evidence
        JsonNode entry = archivedEntry(tenant2, id);
        assertThat(entry.get("documentType").asString()).isEqualTo("lease");
        HttpResponse<byte[]> evidence = CLIENT.get("/api/archive/" + entry.get("id").asString() + "/evidence",
                DemoClients.WOONPUNT_KEY);
        assertThat(evidence.statusCode()).isEqualTo(200);
        assertThat(ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", DemoClients.WOONPUNT_KEY))
                .toString()).contains("request.archived");
    }

    private static JsonNode archivedEntry(String nationalNumber, String requestId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = ServiceClient.json(CLIENT.get("/api/archive?nationalNumber=" + nationalNumber,
                    DemoClients.WOONPUNT_KEY));
            for (JsonNode item : page.get("items")) {
                if (requestId.equals(item.get("requestId").asString())) {
                    return item;
                }
            }
            sleep();
        }
        throw new AssertionError("the completed request was not archived: " + TwoStepFlow.body(CLIENT.get(
                "/api/requests/" + requestId + "/audit", DemoClients.WOONPUNT_KEY)));
    }

    private ItsmeApp itsmeAccount(String nrn, String givenName, String surname) {
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32470" + nrn.substring(5, 11), nrn, CODE,
                dir.resolve("app-" + nrn));
        HttpResponse<byte[]> activated = CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"%s\",\"givenName\":\"%s\",\"surname\":\"%s\"}"
                        .formatted(nrn, givenName, surname));
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);
        return app;
    }

    private Path virtualCard(String nrn, String givenName, String surname) {
        Path card = dir.resolve("card-" + nrn);
        CliProcess.Result created = CliProcess.run(Map.of(), null, List.of("eid", "virtual-card", "create",
                "--server", CLIENT.baseUrl(), "--given-name", givenName, "--surname", surname,
                "--national-number", nrn, "--pin", PIN, "--dir", card.toString()));
        assertThat(created.exitCode()).as(created.output()).isZero();
        return card;
    }

    private static String signerState(JsonNode request, int index) {
        return request.get("signers").get(index).get("state").asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
