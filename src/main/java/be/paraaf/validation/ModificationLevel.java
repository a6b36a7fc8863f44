package be.paraaf.validation;

/**
 * What changed in a PDF after a signature, from harmless to suspicious (ordered: a later constant is
 * worse). Long-term validation data and document time-stamps are not modifications at all; filling
 * fields and adding signatures is what a form expects; annotations may hide or add content; anything
 * else (page content, pages, undefined objects) changes what the signer saw.
 */
public enum ModificationLevel {

    /** Nothing after the signature, or only validation data (/DSS) and document time-stamps. */
    NONE("nothing changed after signing"),
    /** Form fields filled or later signatures added. */
    FORM_FILLING("form fields were filled or signatures added after signing"),
    /** Annotations created, changed or removed after signing. */
    ANNOTATIONS("annotations were added, changed or removed after signing"),
    /** Page content, pages or other objects changed after signing. */
    OTHER("the document's content changed after signing");

    private final String description;

    ModificationLevel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    ModificationLevel max(ModificationLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
