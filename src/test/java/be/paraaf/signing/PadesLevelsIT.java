package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.PdfSig;
import be.paraaf.support.QPdf;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TestDocs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** A citizen signs through the two-step flow at each baseline level; DSS and pdfsig both accept it. */
class PadesLevelsIT extends SigningScenario {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "B-B,   PAdES-BASELINE-B",
        "B-T,   PAdES-BASELINE-T",
        "B-LT,  PAdES-BASELINE-LT",
        "B-LTA, PAdES-BASELINE-LTA"})
    void signatureAtEachLevelValidatesInDssAndPdfsig(String level, String expectedFormat) {
        Citizen citizen = citizen("Jan", "Peeters", "85073003328");
        byte[] signed = signTwoStep(TestDocs.read(TestDocs.SAMPLE_CONTRACT), citizen,
                Map.of("level", level, "fieldName", "tenant-1", "consentMethod", "eID card", "reason", "Huurcontract"));

        JsonNode signature = signatures(validate(signed, "signed.pdf")).get(0);
        assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("level").asString()).isEqualTo(expectedFormat);
        assertThat(signature.get("signerName").asString()).contains("Peeters");
        assertThat(signature.get("nationalRegisterNumber").asString()).isEqualTo("85073003328");

        List<PdfSig.Verdict> verdicts = pdfsig().signatures(signed);
        assertThat(verdicts).hasSize(1).allSatisfy(verdict -> {
            assertThat(verdict.signatureValid()).as(verdict.block()).isTrue();
            assertThat(verdict.certificateValidation()).as(verdict.block()).isEqualTo("Certificate is Trusted.");
        });
        // B-LT appends a /DSS revision and B-LTA also a document time-stamp after the signature: then the
        // signature covers its own revision and the time-stamp (which pdfsig 22.12 cannot verify; DSS does)
        // covers the whole file.
        boolean appendsRevisions = level.equals("B-LT") || level.equals("B-LTA");
        assertThat(verdicts.get(0).totalDocumentSigned()).isEqualTo(!appendsRevisions);
        if (level.equals("B-LTA")) {
            assertThat(pdfsig().wholeFileCovered(signed)).isTrue();
        }
        assertThat(QPdf.check(signed).exitCode()).isZero();
    }
}
