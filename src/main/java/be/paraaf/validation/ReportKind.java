package be.paraaf.validation;

import java.util.Arrays;
import java.util.Optional;

/** The XML reports DSS produces for one validation, downloadable after the JSON summary. */
public enum ReportKind {
    SIMPLE("simple"),
    DETAILED("detailed"),
    DIAGNOSTIC("diagnostic"),
    /** ETSI TS 119 102-2 signature validation report. */
    ETSI("etsi");

    private final String slug;

    ReportKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<ReportKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equalsIgnoreCase(slug)).findFirst();
    }
}
