package be.paraaf.validation;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Multipart;
import be.paraaf.support.PdfUpdates;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The named modification policies are configuration a request can choose: default, strict, dss-default. */
class ModificationPoliciesIT extends ServiceIT {

    private static final TwoStepFlow FLOW = new TwoStepFlow(CLIENT);

    @Test
    void anOverlayAfterSigningIsAChangeUnderDefaultAndStrict_butDssDefaultOnlyListsIt() {
        byte[] covered = PdfUpdates.coverWithFreeText(signed(TestDocs.read(TestDocs.SAMPLE_CONTRACT)), "EUR 9,50");

        JsonNode byDefault = validate(covered, null);
        assertThat(byDefault.get("modificationPolicy").asString()).isEqualTo("default");
        assertThat(byDefault.get("verdict").asString()).isEqualTo("CHANGED_AFTER_SIGNING");
        assertThat(validate(covered, "strict").get("verdict").asString()).isEqualTo("CHANGED_AFTER_SIGNING");

        JsonNode dss = validate(covered, "dss-default");
        assertThat(dss.get("modificationPolicy").asString()).isEqualTo("dss-default");
        assertThat(dss.get("verdict").asString()).as("DSS's indication alone passes it").isEqualTo("VALID");
        assertThat(dss.get("signatures").get(0).get("findings").toString()).contains("ANNOTATION_ADDED");
    }

    @Test
    void aLaterSignatureInANewVisibleFieldIsAllowedByDefault_notByStrict() {
        byte[] once = signed(TestDocs.read(TestDocs.SAMPLE_CONTRACT));
        byte[] twice = FLOW.signPdf(once, citizen("Karel", "Mertens", "660505"), Map.of("level", "B-B", "page", "1",
                "x", "330", "y", "740", "width", "200", "height", "50"));

        JsonNode byDefault = validate(twice, "default");
        assertThat(byDefault.get("verdict").asString()).as(byDefault.toString()).isIn("VALID", "VALID_WITH_ALLOWED_CHANGES");
        JsonNode strict = validate(twice, "strict");
        assertThat(strict.get("verdict").asString()).isEqualTo("CHANGED_AFTER_SIGNING");
        assertThat(strict.get("signatures").get(0).get("allowedModificationLevel").asString()).isEqualTo("SIGNATURES");
    }

    @Test
    void anUnknownPolicyIsRefusedByName() {
        HttpResponse<byte[]> response = CLIENT.post("/api/validations?policy=lenient", new Multipart()
                .file("document", "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertProblem(response, 400, "unknown-policy");
    }

    private static byte[] signed(byte[] pdf) {
        return FLOW.signPdf(pdf, citizen("Sofie", "Jacobs", "790909"), Map.of("level", "B-B"));
    }

    private static Citizen citizen(String given, String surname, String birth) {
        return CLIENT.issueCitizen(given, surname, NationalRegisterNumber.withCheck(birth + "123", false).value());
    }

    private static JsonNode validate(byte[] pdf, String policy) {
        HttpResponse<byte[]> response = CLIENT.post("/api/validations" + (policy == null ? "" : "?policy=" + policy),
                new Multipart().file("document", "signed.pdf", "application/pdf", pdf));
        assertThat(response.statusCode()).isEqualTo(200);
        return ServiceClient.json(response);
    }
}
