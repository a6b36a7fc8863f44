package be.paraaf.validation;

/**
 * What a verifier is told about a signature or a document, each with the level of change it stands for
 * (the default; a {@link ModificationPolicy} may rate a code differently). Integrity findings make a
 * signature {@link Verdict#INVALID} whatever the policy; notes explain and change nothing.
 */
public enum FindingCode {

    // the signature itself
    HASH_MISMATCH(Kind.INTEGRITY, null),
    SIGNATURE_UNREADABLE(Kind.INTEGRITY, null),
    BYTE_RANGE_ANOMALY(Kind.INTEGRITY, null),
    REVISION_NOT_COVERED(Kind.INTEGRITY, null),
    NOT_WHOLE_DOCUMENT(Kind.CHANGE, ModificationLevel.OTHER),
    SIGNATURE_NOT_VALIDATED(Kind.NOTE, null),

    // changes after the signature, harmless first
    VALIDATION_DATA_ADDED(Kind.CHANGE, ModificationLevel.LTA_UPDATES),
    SIGNED_LATER(Kind.CHANGE, ModificationLevel.SIGNATURES),
    SIGNATURE_FIELD_ADDED(Kind.CHANGE, ModificationLevel.SIGNATURES),
    VISIBLE_SIGNATURE_FIELD_ADDED(Kind.CHANGE, ModificationLevel.FORM_FILLING),
    FORM_FIELD_FILLED(Kind.CHANGE, ModificationLevel.FORM_FILLING),
    FORM_FIELD_CHANGED(Kind.CHANGE, ModificationLevel.OTHER),
    ANNOTATION_ADDED(Kind.CHANGE, ModificationLevel.ANNOTATIONS),
    ANNOTATION_CHANGED(Kind.CHANGE, ModificationLevel.ANNOTATIONS),
    ANNOTATION_REMOVED(Kind.CHANGE, ModificationLevel.ANNOTATIONS),
    ANNOTATION_COVERS_CONTENT(Kind.CHANGE, ModificationLevel.OTHER),
    HIDDEN_CONTENT_REVEALED(Kind.CHANGE, ModificationLevel.OTHER),
    FIELD_REMOVED(Kind.CHANGE, ModificationLevel.OTHER),
    LOCKED_FIELD_CHANGED(Kind.CHANGE, ModificationLevel.OTHER),
    PAGE_CONTENT_CHANGED(Kind.CHANGE, ModificationLevel.OTHER),
    PAGES_ADDED_OR_REMOVED(Kind.CHANGE, ModificationLevel.OTHER),
    ACTIVE_CONTENT_ADDED(Kind.CHANGE, ModificationLevel.OTHER),
    OBJECTS_CHANGED(Kind.CHANGE, ModificationLevel.OTHER),
    CERTIFICATION_NOT_FIRST(Kind.CHANGE, ModificationLevel.OTHER),
    XREF_POINTS_INTO_SIGNED_BYTES(Kind.CHANGE, ModificationLevel.OTHER),
    XREF_DAMAGED(Kind.CHANGE, ModificationLevel.OTHER),
    DATA_AFTER_LAST_REVISION(Kind.CHANGE, ModificationLevel.OTHER),

    // why a verdict is what it is
    CERTIFICATION_FORBIDS_CHANGE(Kind.NOTE, null);

    enum Kind { INTEGRITY, CHANGE, NOTE }

    private final Kind kind;
    private final ModificationLevel level;

    FindingCode(Kind kind, ModificationLevel level) {
        this.kind = kind;
        this.level = level;
    }

    Kind kind() {
        return kind;
    }

    /** The default level of a change finding; null for integrity findings and notes. */
    ModificationLevel level() {
        return level;
    }
}
