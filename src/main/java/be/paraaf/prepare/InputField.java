package be.paraaf.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a template's JSON input. The same declaration drives validation ({@link InputValidator})
 * and the published JSON Schema, so the two cannot drift apart.
 */
sealed interface InputField {

    String name();

    boolean required();

    Map<String, Object> schema();

    /** A single value of a {@link Kind}; {@code choices} only for {@link Kind#CHOICE}. */
    record Value(String name, Kind kind, boolean required, List<String> choices) implements InputField {

        public Value {
            choices = List.copyOf(choices);
            if (kind == Kind.CHOICE == choices.isEmpty()) {
                throw new IllegalStateException("choices belong to, and only to, a choice field: " + name);
            }
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> schema = kind.schema();
            if (!choices.isEmpty()) {
                schema.put("enum", choices);
            }
            return schema;
        }
    }

    /** A nested object. */
    record Group(String name, boolean required, List<InputField> fields) implements InputField {

        public Group {
            fields = List.copyOf(fields);
        }

        @Override
        public Map<String, Object> schema() {
            return objectSchema(fields);
        }
    }

    /** An array of {@code min}..{@code max} objects. */
    record Repeated(String name, int min, int max, List<InputField> fields) implements InputField {

        public Repeated {
            fields = List.copyOf(fields);
            if (min < 1 || max < min) {
                throw new IllegalStateException("bad bounds for " + name);
            }
        }

        @Override
        public boolean required() {
            return true;
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "array");
            schema.put("minItems", min);
            schema.put("maxItems", max);
            schema.put("items", objectSchema(fields));
            return schema;
        }
    }

    static InputField required(String name, Kind kind) {
        return new Value(name, kind, true, List.of());
    }

    static InputField optional(String name, Kind kind) {
        return new Value(name, kind, false, List.of());
    }

    static InputField choice(String name, String... choices) {
        return new Value(name, Kind.CHOICE, true, List.of(choices));
    }

    static InputField group(String name, InputField... fields) {
        return new Group(name, true, List.of(fields));
    }

    static InputField list(String name, int min, int max, InputField... fields) {
        return new Repeated(name, min, max, List.of(fields));
    }

    /** A JSON Schema (draft 2020-12) object listing {@code fields}; unknown properties are not allowed. */
    static Map<String, Object> objectSchema(List<InputField> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (InputField field : fields) {
            properties.put(field.name(), field.schema());
            if (field.required()) {
                required.add(field.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }
}
