package be.paraaf.validation;

/** The three outcomes of ETSI EN 319 102-1 in plain words: TOTAL_PASSED, INDETERMINATE, TOTAL_FAILED. */
public enum Verdict {
    VALID,
    INDETERMINATE,
    INVALID;

    static Verdict of(String indication) {
        if (indication == null) {
            return INDETERMINATE;
        }
        return switch (indication) {
            case "TOTAL_PASSED", "PASSED" -> VALID;
            case "TOTAL_FAILED", "FAILED" -> INVALID;
            default -> INDETERMINATE;
        };
    }
}
