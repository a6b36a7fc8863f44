package be.paraaf.prepare;

import java.time.Instant;
import java.util.List;

/**
 * What paraaf learned from reading a PDF: pages, existing signatures, signature fields, active content and the
 * natural language the catalog declares ({@code /Lang}, e.g. {@code nl-BE}; null when none).
 */
public record PdfInspection(int pageCount, List<ExistingSignature> signatures, List<SignatureField> fields,
        List<ActiveContent> activeContent, String language) {

    public PdfInspection {
        signatures = List.copyOf(signatures);
        fields = List.copyOf(fields);
        activeContent = List.copyOf(activeContent);
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }

    /** A signature already in the document (its field, and what the signature dictionary claims). */
    public record ExistingSignature(String field, String signerName, Instant signingTime, String subFilter) {
    }

    /**
     * A signature field; the rectangle in PDF points from the page's top-left corner, like
     * {@link be.paraaf.signing.Placement}. {@code page} is 0 when the widget names no page.
     */
    public record SignatureField(String name, int page, float x, float y, float width, float height,
            boolean signed) {
    }

    /**
     * Something that runs or opens something when the document is viewed: {@code JavaScript}, {@code Launch}
     * (starts a program or opens a file) or {@code URI-JavaScript} (a link to a {@code javascript:} URI).
     *
     * @param location where it sits, e.g. {@code document OpenAction}, {@code page 1 annotation /A}
     */
    public record ActiveContent(String kind, String location) {
    }
}
