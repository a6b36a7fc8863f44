package be.paraaf.validation.legit;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.MuTool;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * The checks every legitimate document of the corpus must pass: DSS through paraaf's validation API (each
 * signature TOTAL_PASSED, the verdict contract's document and signature verdicts, the findings), DSS's own
 * modification detection in the diagnostic data, poppler's pdfsig for each CMS signature, and MuPDF's mutool.
 */
public final class LegitVerdicts {

    /** How much a legitimate document may differ from "nothing happened but signing". */
    public enum Expectation {
        /** Our own documents signed in their fields, extended: exactly VALID, findings only about later data. */
        OURS(Set.of("VALIDATION_DATA_ADDED", "SIGNED_LATER", "SIGNATURE_FIELD_ADDED"), Set.of("VALID")),
        /** Later signatures in new fields, foreign writers: VALID or VALID_WITH_ALLOWED_CHANGES. */
        SIGNED_LATER(Set.of("VALIDATION_DATA_ADDED", "SIGNED_LATER", "SIGNATURE_FIELD_ADDED",
                "VISIBLE_SIGNATURE_FIELD_ADDED"),
                Set.of("VALID", "VALID_WITH_ALLOWED_CHANGES")),
        /** A certified form filled after signing. */
        FORM_FILLED(Set.of("VALIDATION_DATA_ADDED", "SIGNED_LATER", "SIGNATURE_FIELD_ADDED", "FORM_FIELD_FILLED"),
                Set.of("VALID", "VALID_WITH_ALLOWED_CHANGES")),
        /** A certified document commented on after signing. */
        COMMENTED(Set.of("VALIDATION_DATA_ADDED", "SIGNED_LATER", "SIGNATURE_FIELD_ADDED", "ANNOTATION_ADDED"),
                Set.of("VALID", "VALID_WITH_ALLOWED_CHANGES"));

        final Set<String> allowedFindings;
        final Set<String> documentVerdicts;

        Expectation(Set<String> allowedFindings, Set<String> documentVerdicts) {
            this.allowedFindings = allowedFindings;
            this.documentVerdicts = documentVerdicts;
        }
    }

    /** What one validation of a corpus document gave. */
    public record Outcome(String name, JsonNode validation, List<DssModifications> revisions,
            List<PdfSig.Verdict> pdfsig) {
    }

    private final ServiceClient client;
    private final TwoStepFlow flow;
    private final PdfSig pdfsig;
    private final Path keep;

    /**
     * @param keep where to write each corpus document and its diagnostic data (null: nowhere); the system
     *        property {@code paraaf.legit.out} sets it for NoFalseAlarmsIT
     */
    public LegitVerdicts(ServiceClient client, PdfSig pdfsig, Path keep) {
        this.client = client;
        this.flow = new TwoStepFlow(client);
        this.pdfsig = pdfsig;
        this.keep = keep;
    }

    /** Validates and checks everything that can be checked today; the verdict contract's fields softly. */
    public Outcome assertLegitimate(String name, byte[] pdf, int expectedSignatures, Expectation expectation) {
        JsonNode validation = flow.validate(pdf, name + ".pdf");
        String diagnostic = report(validation, "diagnostic");
        List<DssModifications> revisions = DssModifications.of(diagnostic);
        List<PdfSig.Verdict> cms = pdfsig.signatures(pdf);
        save(name, pdf, diagnostic, validation);

        List<JsonNode> signatures = TwoStepFlow.signatures(validation);
        // the verdict contract (document verdict, signature findings) is asserted unless switched off while main
        // does not have it yet: -Dparaaf.legit.contract=false
        boolean contract = !"false".equals(System.getProperty("paraaf.legit.contract"));
        assertThat(signatures).as(name + ": signatures").hasSize(expectedSignatures);
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode signature : signatures) {
            String who = name + ": " + signature.path("signatureFieldName").asString("?") + " "
                    + signature.path("signerName").asString("?");
            soft.assertThat(signature.path("indication").asString()).as(who + " " + signature).isEqualTo("TOTAL_PASSED");
            if (contract) {
                soft.assertThat(signature.path("verdict").asString()).as(who + " verdict").isEqualTo("VALID");
                soft.assertThat(codes(signature.path("findings"))).as(who + " findings " + signature.path("findings"))
                        .isSubsetOf(expectation.allowedFindings);
            }
        }
        for (JsonNode timestamp : validation.path("timestamps")) {
            soft.assertThat(timestamp.path("indication").asString()).as(name + ": time-stamp " + timestamp)
                    .isIn("PASSED", "TOTAL_PASSED");
        }
        for (DssModifications revision : revisions) {
            soft.assertThat(revision.undefined()).as(name + ": DSS undefined changes, " + revision.describe())
                    .isEmpty();
            if (expectation == Expectation.OURS || expectation == Expectation.SIGNED_LATER) {
                soft.assertThat(revision.clean()).as(name + ": DSS modification detection, " + revision.describe())
                        .isTrue();
            }
        }
        soft.assertThat(cms).as(name + ": pdfsig CMS signatures").hasSize(expectedSignatures);
        for (PdfSig.Verdict verdict : cms) {
            soft.assertThat(verdict.signatureValid()).as(name + ": pdfsig " + verdict.block()).isTrue();
            soft.assertThat(verdict.certificateValidation()).as(name + ": pdfsig " + verdict.block())
                    .isEqualTo("Certificate is Trusted.");
        }
        // MuPDF, the second independent reader: every CMS signature's signed bytes match (time-stamps included)
        for (MuTool.Signature signature : MuTool.signatures(pdf)) {
            if (signature.signed()) {
                soft.assertThat(signature.digestValid()).as(name + ": mutool " + signature.block()).isTrue();
            }
        }
        if (contract) {
            soft.assertThat(validation.path("verdict").asString())
                    .as(name + ": document verdict " + validation.path("findings")).isIn(expectation.documentVerdicts);
        }
        soft.assertAll();
        return new Outcome(name, validation, revisions, cms);
    }

    /** One of the downloadable reports of a validation ({@code simple}, {@code detailed}, {@code diagnostic}, {@code etsi}). */
    public String report(JsonNode validation, String kind) {
        HttpResponse<byte[]> response = client.get(validation.get("reports").get(kind).asString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static List<String> codes(JsonNode findings) {
        List<String> codes = new ArrayList<>();
        if (findings != null) {
            findings.forEach(finding -> codes.add(finding.path("code").asString()));
        }
        return codes;
    }

    private void save(String name, byte[] pdf, String diagnostic, JsonNode validation) {
        if (keep == null) {
            return;
        }
        try {
            Files.createDirectories(keep);
            Files.write(keep.resolve(name + ".pdf"), pdf);
            Files.writeString(keep.resolve(name + ".diagnostic.xml"), diagnostic);
            Files.writeString(keep.resolve(name + ".validation.json"), validation.toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
