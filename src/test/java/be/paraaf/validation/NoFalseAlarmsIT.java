package be.paraaf.validation;

import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceIT;
import be.paraaf.validation.legit.FormFiller;
import be.paraaf.validation.legit.ForeignWriters;
import be.paraaf.validation.legit.LegitCorpus;
import be.paraaf.validation.legit.LegitVerdicts;
import be.paraaf.validation.legit.LegitVerdicts.Expectation;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No false alarms: legitimately signed, multi-signed, extended and certified documents must come out VALID (or
 * VALID_WITH_ALLOWED_CHANGES where a certification allowed the change), with every signature VALID, DSS finding no
 * undefined object change, and pdfsig accepting every signature. Write the corpus to a folder with
 * {@code -Dparaaf.legit.out=/tmp/legit}.
 */
class NoFalseAlarmsIT extends ServiceIT {

    private static final LegitCorpus CORPUS = new LegitCorpus(CLIENT);
    private static LegitVerdicts verdicts;

    static synchronized LegitVerdicts verdicts() {
        if (verdicts == null) {
            String out = System.getProperty("paraaf.legit.out");
            verdicts = new LegitVerdicts(CLIENT, PdfSig.trusting(CLIENT.rootCertificate(),
                    DATA_DIR.resolve("nss-legit-" + System.nanoTime())), out == null ? null : Path.of(out));
        }
        return verdicts;
    }

    @ParameterizedTest(name = "{0} signed by all its signers at {1}")
    @CsvSource({"lease, B-B", "lease, B-T", "lease, B-LT", "lease, B-LTA",
        "itsme-contract, B-B", "itsme-contract, B-T", "itsme-contract, B-LT", "itsme-contract, B-LTA",
        "actualisation, B-B", "actualisation, B-T", "actualisation, B-LT", "actualisation, B-LTA"})
    void templateSignedByAllItsSignersInTheirFields(String template, String level) {
        List<String> fields = LegitCorpus.TEMPLATE_FIELDS.get(template);
        byte[] signed = CORPUS.signAll(CORPUS.template(template), fields, level);
        verdicts().assertLegitimate(template + "-" + level, signed, fields.size(), Expectation.OURS);
    }

    @ParameterizedTest(name = "{0} at B-LTA, extended to B-LTA twice later")
    @ValueSource(strings = {"lease", "itsme-contract", "actualisation"})
    void longTermArchivalExtendedTwiceLater(String template) {
        List<String> fields = LegitCorpus.TEMPLATE_FIELDS.get(template);
        byte[] signed = CORPUS.signAll(CORPUS.template(template), fields, "B-LTA");
        byte[] once = CORPUS.extend(signed, "B-LTA");
        byte[] twice = CORPUS.extend(once, "B-LTA");
        verdicts().assertLegitimate(template + "-LTA-extended-twice", twice, fields.size(), Expectation.OURS);
    }

    /** A document time-stamp (/api/timestamps) over a signed template is validation data, not a change. */
    @Test
    void documentTimestampAfterTheSignatures() {
        List<String> fields = LegitCorpus.TEMPLATE_FIELDS.get("lease");
        byte[] signed = CORPUS.signAll(CORPUS.template("lease"), fields, "B-LT");
        verdicts().assertLegitimate("lease-B-LT-doc-timestamp", CORPUS.timestamp(signed), fields.size(),
                Expectation.OURS);
    }

    /**
     * Ten signature fields added to an upload through /api/documents/{id}/fields, signed one by one (B-T), the
     * document extended to B-LTA after the 3rd and the 7th: every intermediate state is legitimate.
     */
    @Test
    void tenFieldsSignedByOneToTenSignersWithLongTermArchivalInBetween() {
        byte[] document = CORPUS.withSignatureFields(CORPUS.template("itsme-leaflet"), 1, 10);
        for (int n = 1; n <= 10; n++) {
            document = CORPUS.sign(document, n - 1, "signer-" + n, "B-T");
            if (n == 3 || n == 7) {
                document = CORPUS.extend(document, "B-LTA");
            }
            verdicts().assertLegitimate("ten-fields-signed-" + n, document, n, Expectation.OURS);
        }
    }

    /**
     * A signed lease gets a signature in a new visible field (placement), then one in a new invisible field, then the
     * remaining signers sign their prepared fields.
     */
    @Test
    void newVisibleAndInvisibleFieldsOnASignedDocument() {
        // in the blank lower half of page 2: a visible signature over the text would hide what the others signed
        byte[] lease = CORPUS.sign(CORPUS.template("lease"), 0, "tenant-1", "B-T");
        byte[] witnessed = CORPUS.sign(lease, 3, "B-T", Map.of("page", "2", "x", "50", "y", "520", "width", "220",
                "height", "60", "signerName", "Lotte Claes"));
        verdicts().assertLegitimate("lease-new-visible-field", witnessed, 2, Expectation.SIGNED_LATER);
        byte[] invisible = CORPUS.signInvisibly(witnessed, 4, "B-T");
        verdicts().assertLegitimate("lease-new-invisible-field", invisible, 3, Expectation.SIGNED_LATER);
        byte[] complete = CORPUS.sign(CORPUS.sign(invisible, 1, "tenant-2", "B-T"), 2, "agency", "B-LTA");
        byte[] secondInvisible = CORPUS.signInvisibly(complete, 5, "B-B");
        verdicts().assertLegitimate("lease-new-fields-then-all-signers", secondInvisible, 6,
                Expectation.SIGNED_LATER);
    }

    /**
     * Certified with form filling allowed (DocMDP P=2); a text field is then filled with PDFBox (appearance
     * regenerated, incremental update) and the other signers approve.
     */
    @Test
    void certifiedForFormFillingThenFilledThenApproved() {
        byte[] form = FormFiller.addTextField(CORPUS.template("lease"), 2, "opmerkingen",
                new PDRectangle(62, 330, 470, 24));
        byte[] certified = CORPUS.sign(form, 0, "B-T",
                Map.of("fieldName", "tenant-1", "certification", "FORM_FILLING_AND_SIGNING"));
        byte[] filled = FormFiller.fill(certified, "opmerkingen", "Sleutels overhandigd op 2 januari");
        verdicts().assertLegitimate("certified-p2-filled", filled, 1, Expectation.FORM_FILLED);
        byte[] approved = CORPUS.sign(CORPUS.sign(filled, 1, "tenant-2", "B-T"), 2, "agency", "B-LTA");
        verdicts().assertLegitimate("certified-p2-filled-approved", approved, 3, Expectation.FORM_FILLED);
    }

    /** Certified with annotations allowed (DocMDP P=3), then comments (sticky notes), then another signer. */
    @Test
    void certifiedForAnnotationsThenCommented() {
        byte[] certified = CORPUS.sign(CORPUS.template("lease"), 0, "B-T",
                Map.of("fieldName", "tenant-1", "certification", "FORM_FILLING_SIGNING_AND_ANNOTATIONS"));
        // page 1 has no /Annots yet (DSS sees a new array), page 2 has the signature widgets (DSS sees one more)
        byte[] commented = FormFiller.comment(FormFiller.comment(certified, 1, "Woonpunt", "Huurprijs nagekeken"),
                2, "Woonpunt", "Handtekeningen volgen");
        verdicts().assertLegitimate("certified-p3-commented", commented, 1, Expectation.COMMENTED);
        byte[] signed = CORPUS.sign(commented, 1, "tenant-2", "B-LTA");
        verdicts().assertLegitimate("certified-p3-commented-signed", signed, 2, Expectation.COMMENTED);
    }

    /** Certified with no changes allowed (DocMDP P=1): only validation data and archive time-stamps follow. */
    @Test
    void certifiedWithNoChangesThenOnlyExtended() {
        byte[] certified = CORPUS.sign(CORPUS.template("itsme-contract"), 0, "B-LT",
                Map.of("fieldName", "citizen", "certification", "NO_CHANGES"));
        byte[] extended = CORPUS.extend(CORPUS.extend(certified, "B-LTA"), "B-LTA");
        verdicts().assertLegitimate("certified-p1-extended", extended, 1, Expectation.OURS);
    }

    /** A signature by bare PDFBox + BouncyCastle in our template's first field, then paraaf signatures. */
    @Test
    void pdfBoxSignatureThenParaafSignatures() {
        byte[] foreign = ForeignWriters.pdfBoxSign(CORPUS.template("lease"), "tenant-1", CORPUS.signer(0));
        verdicts().assertLegitimate("pdfbox-signed", foreign, 1, Expectation.SIGNED_LATER);
        byte[] signed = CORPUS.sign(CORPUS.sign(foreign, 1, "tenant-2", "B-T"), 2, "agency", "B-LTA");
        verdicts().assertLegitimate("pdfbox-then-paraaf", signed, 3, Expectation.SIGNED_LATER);
    }

    @Autowired
    CertificateVerifier certificateVerifier;

    @Autowired
    TSPSource tspSource;

    /** Bare DSS (PAdESService, its defaults, in process) signs all the lease's fields, then paraaf extends. */
    @Test
    void bareDssMultiSignature() {
        byte[] signed = CORPUS.template("lease");
        List<String> fields = LegitCorpus.TEMPLATE_FIELDS.get("lease");
        for (int i = 0; i < fields.size(); i++) {
            signed = ForeignWriters.dssSign(signed, fields.get(i), CORPUS.signer(i), SignatureLevel.PAdES_BASELINE_T,
                    certificateVerifier, tspSource);
        }
        verdicts().assertLegitimate("bare-dss-3-signers", signed, 3, Expectation.SIGNED_LATER);
        verdicts().assertLegitimate("bare-dss-3-signers-lta", CORPUS.extend(signed, "B-LTA"), 3,
                Expectation.SIGNED_LATER);
    }
}
