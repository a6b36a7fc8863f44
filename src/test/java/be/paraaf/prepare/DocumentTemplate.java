package be.paraaf.prepare;

import be.paraaf.prepare.TemplateInputException.FieldError;
import java.util.List;

/**
 * One document template: its input declaration, checks that span several fields, and the document it
 * composes in a given language. Implementations are stateless.
 */
interface DocumentTemplate {

    /** The name in the API, e.g. {@code lease}. */
    String name();

    /** The input declaration; it also yields the published JSON Schema. */
    List<InputField> fields();

    /** The signature field names as documented in the listing, e.g. {@code tenant-{n}, agency}. */
    List<String> signatureFields();

    /** Checks across fields; {@code values} may be partial (fields that failed their own check are absent). */
    default void crossCheck(Values values, List<FieldError> errors) {
    }

    /** The document title in the template's language. */
    default String title(Labels labels) {
        return labels.text(name() + ".title");
    }

    List<Block> compose(Values values, Labels labels);

    /** The postal address fields shared by templates. */
    static InputField address(String name) {
        return InputField.group(name,
                InputField.required("street", Kind.TEXT),
                InputField.required("number", Kind.TEXT),
                InputField.optional("box", Kind.TEXT),
                InputField.required("postalCode", Kind.POSTAL_CODE),
                InputField.required("municipality", Kind.TEXT));
    }

    /** "Kerkstraat 12 bus 3, 9000 Gent". */
    static String formatAddress(Values address, Labels labels) {
        String box = address.has("box") ? " " + labels.text("address.box") + " " + address.text("box") : "";
        return address.text("street") + " " + address.text("number") + box + ", " + address.text("postalCode") + " "
                + address.text("municipality");
    }
}
