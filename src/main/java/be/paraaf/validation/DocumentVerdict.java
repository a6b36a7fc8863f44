package be.paraaf.validation;

/**
 * The one answer for a whole document, worst signature first: a verifier reads this before any detail.
 * Ordered from best to worst (after {@link #UNSIGNED}, which is no judgement at all).
 */
public enum DocumentVerdict {
    /** No electronic signature was found. */
    UNSIGNED,
    /** Every signature is valid; after each one only later signatures and validation data were added. */
    VALID,
    /** Every signature is valid; after one of them the document was changed in a way its signer allowed. */
    VALID_WITH_ALLOWED_CHANGES,
    /** No signature is broken or changed, but at least one could not be fully validated. */
    INDETERMINATE,
    /** At least one signature's document was changed afterwards beyond what is allowed. */
    CHANGED_AFTER_SIGNING,
    /** At least one signature is broken. */
    INVALID
}
