package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.ParaafApplication;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A handle prepared before a restart completes after it: the pending state lives in the database,
 * not in memory. (A second node sharing the database is the same situation: TwoNodesPostgresIT.)
 */
class TwoStepRestartIT {

    @Test
    void preparedSignatureCompletesAfterTheServiceRestarts() {
        int port = ServiceIT.freePort();
        Path dataDir = ServiceIT.temporaryDirectory("paraaf-restart-");
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        TwoStepFlow flow = new TwoStepFlow(client);

        Citizen citizen;
        JsonNode prepared;
        try (ConfigurableApplicationContext first = start(port, dataDir)) {
            citizen = client.issueCitizen("Ann", "Lemmens", NationalRegisterNumber.withCheck("770202111", false).value());
            prepared = flow.prepare("/api/signatures/pades/prepare", "contract.pdf", "application/pdf",
                    TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen.chain(), Map.of("level", "B-LT", "fieldName", "tenant-1"));
        }
        try (ConfigurableApplicationContext second = start(port, dataDir)) {
            byte[] signed = flow.complete(prepared, citizen.signatureKey());
            JsonNode signature = TwoStepFlow.signatures(flow.validate(signed, "signed.pdf")).get(0);
            assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(PdfSig.trusting(client.rootCertificate(), dataDir.resolve("nss")).signatures(signed))
                    .allSatisfy(verdict -> assertThat(verdict.signatureValid()).isTrue());
        }
    }

    private static ConfigurableApplicationContext start(int port, Path dataDir) {
        return new SpringApplicationBuilder(ParaafApplication.class).run(
                "--server.port=" + port,
                "--paraaf.data-dir=" + dataDir,
                "--paraaf.public-base-url=http://localhost:" + port);
    }
}
