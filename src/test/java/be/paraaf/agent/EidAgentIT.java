package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.CliProcess;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The eID card side end to end, through the real CLI in child JVMs: a SoftHSM2 virtual card provisioned
 * against the running service, the agent signing through SunPKCS11, verdicts from DSS and poppler's pdfsig.
 */
class EidAgentIT extends ServiceIT {

    private static final String PIN = "1234";

    @TempDir
    Path dir;

    private final TwoStepFlow flow = new TwoStepFlow(CLIENT);

    @BeforeEach
    void requireSoftHsm() {
        ExternalTool.require("softhsm2-util", "softhsm2");
    }

    private Path createCard(String nationalNumber) {
        Path card = dir.resolve("card-" + nationalNumber);
        // no SOFTHSM2_CONF here: the command starts its own child JVM with it
        CliProcess.Result created = CliProcess.run(Map.of(), null, List.of("eid", "virtual-card", "create",
                "--server", CLIENT.baseUrl(), "--given-name", "Jan", "--surname", "Peeters",
                "--national-number", nationalNumber, "--pin", PIN, "--dir", card.toString()));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output()).contains("Token 'BELPIC Jan Peeters'", "PIN tries left: 3");
        return card;
    }

    private CliProcess.Result sign(Path card, String pin, Path out) {
        List<String> arguments = new ArrayList<>(List.of("eid-agent", "sign", "--server", CLIENT.baseUrl(),
                "--api-key", DemoClients.WOONPUNT_KEY, "--document", TestDocs.SAMPLE_CONTRACT.toString(), "--field", "tenant-1", "--level", "B-LTA",
                "--out", out.toString(), "--card-dir", card.toString(), "--pin-stdin"));
        return CliProcess.run(Map.of(VirtualCard.SOFTHSM2_CONF, card.resolve("softhsm2.conf").toString()),
                pin + "\n", arguments);
    }

    @Test
    void virtualCardSignsTheContractAtBltaAndBothVerifiersAccept() throws Exception {
        Path card = createCard("85073003328");
        Path out = dir.resolve("signed.pdf");

        CliProcess.Result signed = sign(card, PIN, out);

        assertThat(signed.exitCode()).as(signed.output()).isZero();
        assertThat(signed.output()).contains("Signing as C=BE,CN=Jan Peeters (Signature)");
        byte[] pdf = Files.readAllBytes(out);
        JsonNode validation = flow.validate(pdf, "signed.pdf");
        List<JsonNode> signatures = TwoStepFlow.signatures(validation);
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(signatures.get(0).get("level").asString()).isEqualTo("PAdES-BASELINE-LTA");
        assertThat(signatures.get(0).get("signatureFieldName").asString()).isEqualTo("tenant-1");
        assertThat(signatures.get(0).get("nationalRegisterNumber").asString()).isEqualTo("85073003328");

        List<PdfSig.Verdict> verdicts = PdfSig.trusting(CLIENT.rootCertificate(), dir.resolve("nss")).signatures(pdf);
        assertThat(verdicts).hasSize(1);
        assertThat(verdicts.get(0).signatureValidation()).isEqualTo("Signature is Valid.");
    }

    @Test
    void threeWrongPinsBlockTheCardAndACorrectPinIsRefusedAfterwards() {
        Path card = createCard(NationalRegisterNumber.withCheck("900101123", false).value());
        Path out = dir.resolve("never.pdf");

        CliProcess.Result first = sign(card, "9999", out);
        assertThat(first.exitCode()).as(first.output()).isEqualTo(4);
        assertThat(first.output()).contains("Wrong PIN. 2 tries left");

        CliProcess.Result second = sign(card, "0000", out);
        assertThat(second.exitCode()).as(second.output()).isEqualTo(4);
        assertThat(second.output()).contains("Wrong PIN. 1 try left");

        CliProcess.Result third = sign(card, "4321", out);
        assertThat(third.exitCode()).as(third.output()).isEqualTo(5);
        assertThat(third.output()).contains("the card is now blocked");

        CliProcess.Result correct = sign(card, PIN, out);
        assertThat(correct.exitCode()).as(correct.output()).isEqualTo(5);
        assertThat(correct.output()).contains("The card is blocked");
        assertThat(out).doesNotExist();
    }

    @Test
    void noCardIsReportedClearly() throws Exception {
        CliProcess.Result noVirtualCard = sign(dir.resolve("empty"), PIN, dir.resolve("x.pdf"));
        assertThat(noVirtualCard.exitCode()).as(noVirtualCard.output()).isEqualTo(3);
        assertThat(noVirtualCard.output()).contains("No eID card", "holds no virtual card");

        // a SoftHSM2 with no initialised token: like a reader without a card
        Path tokens = Files.createDirectories(dir.resolve("no-token/tokens"));
        Path config = Files.writeString(dir.resolve("no-token/softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
        Path module = Pkcs11Module.firstInstalled(Pkcs11Module.SOFTHSM_LOCATIONS).orElseThrow();
        CliProcess.Result noToken = CliProcess.run(Map.of(VirtualCard.SOFTHSM2_CONF, config.toString()), PIN + "\n",
                List.of("eid-agent", "sign", "--server", CLIENT.baseUrl(), "--api-key", DemoClients.WOONPUNT_KEY,
                        "--document",
                        TestDocs.SAMPLE_CONTRACT.toString(), "--out", dir.resolve("x.pdf").toString(), "--module",
                        module.toString(), "--pin-stdin"));
        assertThat(noToken.exitCode()).as(noToken.output()).isEqualTo(3);
        assertThat(noToken.output()).contains("No eID card found");
    }
}
