package be.paraaf.prepare;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Plausible input for any field list, to render an uploaded template before anyone relies on it. */
final class SampleInput {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SampleInput() {
    }

    /** Every required field filled; the optional ones too when {@code optionals}. Lists get their minimum. */
    static JsonNode of(List<InputField> fields, boolean optionals) {
        ObjectNode object = JSON.objectNode();
        for (InputField field : fields) {
            if (!field.required() && !optionals) {
                continue;
            }
            if (field instanceof InputField.Group group) {
                object.set(field.name(), of(group.fields(), optionals));
            } else if (field instanceof InputField.Repeated list) {
                var array = object.putArray(field.name());
                for (int i = 0; i < Math.max(list.min(), 2) && i < list.max(); i++) {
                    array.add(of(list.fields(), optionals));
                }
            } else {
                InputField.Value value = (InputField.Value) field;
                object.put(field.name(), sample(value));
            }
        }
        return object;
    }

    private static String sample(InputField.Value field) {
        return switch (field.kind()) {
            case TEXT -> "Voorbeeld";
            case LONG_TEXT -> "Eerste alinea.\n\nTweede alinea.";
            case NATIONAL_NUMBER -> "85.07.30-033.28";
            case ENTERPRISE_NUMBER -> "0403.170.701";
            case DATE -> "1985-07-30";
            case AMOUNT -> "100.00";
            case IBAN -> "BE68 5390 0754 7034";
            case PHONE -> "+32 470 12 34 56";
            case POSTAL_CODE -> "9000";
            case MONTHS -> "12";
            case CHOICE -> field.choices().get(0);
        };
    }
}
