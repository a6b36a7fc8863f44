package be.paraaf.prepare;

import be.paraaf.prepare.TemplateInputException.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks template input against its {@link InputField} declaration and collects every problem, so the
 * caller learns about all invalid fields in one answer rather than one per attempt.
 */
final class InputValidator {

    private final List<FieldError> errors = new ArrayList<>();

    private InputValidator() {
    }

    /** The values that passed their checks (absent when they did not), and every error found. */
    record Result(Values values, List<FieldError> errors) {
        Result {
            errors = List.copyOf(errors);
        }
    }

    static Result check(List<InputField> fields, JsonNode input) {
        InputValidator validator = new InputValidator();
        if (input == null || !input.isObject()) {
            validator.errors.add(new FieldError("$", "must be a JSON object"));
            return new Result(new Values(Map.of()), validator.errors);
        }
        return new Result(validator.object("", fields, input), validator.errors);
    }

    private Values object(String path, List<InputField> fields, JsonNode node) {
        Map<String, Object> values = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (InputField field : fields) {
            known.add(field.name());
            JsonNode value = node.get(field.name());
            String fieldPath = path + field.name();
            if (value == null || value.isNull() || value.isMissingNode()
                    || value.isString() && value.asString().isBlank()) {
                if (field.required()) {
                    errors.add(new FieldError(fieldPath, "is required"));
                }
                continue;
            }
            Object parsed;
            if (field instanceof InputField.Value scalar) {
                parsed = scalar(fieldPath, scalar, value);
            } else if (field instanceof InputField.Group group) {
                parsed = value.isObject() ? object(fieldPath + ".", group.fields(), value)
                        : error(fieldPath, "must be an object");
            } else {
                parsed = list(fieldPath, (InputField.Repeated) field, value);
            }
            if (parsed != null) {
                values.put(field.name(), parsed);
            }
        }
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(path + name, "is not a field of this template"));
            }
        }
        return new Values(values);
    }

    private Object scalar(String path, InputField.Value field, JsonNode value) {
        try {
            Object parsed = field.kind().parse(value);
            if (!field.choices().isEmpty() && !field.choices().contains(parsed)) {
                return error(path, "must be one of " + String.join(", ", field.choices()));
            }
            return parsed;
        } catch (Kind.Invalid e) {
            return error(path, e.getMessage());
        }
    }

    private Object list(String path, InputField.Repeated field, JsonNode value) {
        if (!value.isArray()) {
            return error(path, "must be an array");
        }
        if (value.size() < field.min() || value.size() > field.max()) {
            return error(path, "must have between " + field.min() + " and " + field.max() + " entries");
        }
        List<Values> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (value.get(i).isObject()) {
                items.add(object(itemPath + ".", field.fields(), value.get(i)));
            } else {
                error(itemPath, "must be an object");
            }
        }
        return items;
    }

    private Object error(String path, String message) {
        errors.add(new FieldError(path, message));
        return null;
    }
}
