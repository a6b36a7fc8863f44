package be.paraaf.prepare;

/**
 * The party a template document names for one of its signature fields: whoever signs there must be this person.
 *
 * @param field          the signature field, e.g. {@code tenant-1}
 * @param role           the role as the document prints it, e.g. "Huurder 1"
 * @param name           the name the document prints under the field
 * @param nationalNumber the national register number the document names for that party (11 digits), or null
 *                       when the document names none (e.g. an agency's representative)
 */
public record FieldParty(String field, String role, String name, String nationalNumber) {

    public FieldParty {
        if (field == null || field.isBlank() || name == null) {
            throw new IllegalArgumentException("a field party needs a field and a name");
        }
    }
}
