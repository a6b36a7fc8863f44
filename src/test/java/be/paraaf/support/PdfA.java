package be.paraaf.support;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF, the reference PDF/A validator, as an independent check of PDF/A-2 (ISO 19005-2, levels B and A) and of
 * PDF/UA-1 (ISO 14289-1, the machine-checkable part).
 */
public final class PdfA {

    /** The verdict and, when not compliant, each failed rule ("6.2.11.4.1-1: message @ location"), deduplicated. */
    public record Verdict(boolean compliant, PDFAFlavour claimed, List<String> failures) {
    }

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {
    }

    /** Validates against PDF/A-2B whatever the file claims, and reports what it claims in its XMP. */
    public static Verdict validate2b(byte[] pdf) {
        return validate(pdf, PDFAFlavour.PDFA_2_B);
    }

    /**
     * Validates against {@code profile} (e.g. {@link PDFAFlavour#PDFA_2_A}, or {@link PDFAFlavour#PDFUA_1} for
     * ISO 14289-1) whatever the file claims, and reports the PDF/A part and level it claims in its XMP.
     */
    public static Verdict validate(byte[] pdf, PDFAFlavour profile) {
        try (PDFAParser claims = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
                PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), profile);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(profile, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage() + " @ " + assertion.getLocation().getContext())
                    .distinct().limit(30).toList();
            return new Verdict(result.isCompliant(), claims.getFlavour(), failures);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the document", e);
        }
    }
}
