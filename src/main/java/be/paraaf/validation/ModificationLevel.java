package be.paraaf.validation;

/**
 * What changed in a PDF after a signature, from harmless to suspicious (ordered: a later constant is
 * worse), after pyHanko's {@code ModificationLevel}. A policy ({@link ModificationPolicy}) says up to which
 * level the changes after a signature are allowed; a certification signature (DocMDP, ISO 32000-1 §12.8.2.2)
 * brings its own limit.
 */
public enum ModificationLevel {

    /** Nothing after the signature. */
    NONE,
    /** Only long-term validation data (/DSS) and document time-stamps (ETSI EN 319 142-1 B-LT, B-LTA). */
    LTA_UPDATES,
    /** Later signatures in signature fields (and validation data). */
    SIGNATURES,
    /** Form fields filled, or new signature fields with a visible appearance. */
    FORM_FILLING,
    /** Annotations (comments, stamps, drawings) created, changed or removed. */
    ANNOTATIONS,
    /** Page content, pages, structure or other objects changed: the document is not what was signed. */
    OTHER;

    ModificationLevel max(ModificationLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    boolean exceeds(ModificationLevel allowed) {
        return ordinal() > allowed.ordinal();
    }
}
