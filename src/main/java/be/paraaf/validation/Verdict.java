package be.paraaf.validation;

/**
 * One signature's verdict: the outcome of ETSI EN 319 102-1 (TOTAL_PASSED, INDETERMINATE, TOTAL_FAILED)
 * combined with what changed in the document after it was signed. Ordered from best to worst.
 */
public enum Verdict {
    /** The signature is valid and nothing changed afterwards beyond what the policy allows. */
    VALID,
    /** The signature could not be fully validated (e.g. an untrusted chain, no revocation data yet). */
    INDETERMINATE,
    /** The signed bytes are intact, but the document was changed afterwards beyond what is allowed. */
    CHANGED_AFTER_SIGNING,
    /** The signature is broken: wrong hash or value, malformed, or not covering what it claims. */
    INVALID;

    /** The verdict from the ETSI indication alone (DSS's view, before any change analysis). */
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

    Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
