package be.paraaf.web;

import be.paraaf.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON body into a record whose constructor checks its input: the constructor's message (an
 * IllegalArgumentException or IllegalStateException buried in Jackson's) becomes the 422 problem's detail.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> T read(JsonMapper json, JsonNode body, Class<T> type, String problemType) {
        try {
            return json.treeToValue(body, type);
        } catch (JacksonException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)
                    && !(cause instanceof IllegalStateException)) {
                cause = cause.getCause();
            }
            String detail = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                    ? cause.getMessage() : mismatch(e);
            throw new InvalidInputException(problemType, 422, detail, Map.of(), e);
        }
    }

    /** Names the field and the expected form, without Jackson's internals (class names, exception text). */
    private static String mismatch(JacksonException e) {
        String field = e.getPath().stream().map(reference -> reference.getPropertyName() != null
                ? reference.getPropertyName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
        if (field.isEmpty() || !(e instanceof MismatchedInputException mismatch)) {
            return "The request body is not the expected JSON object" + (field.isEmpty() ? "." : " (at " + field + ").");
        }
        Class<?> target = mismatch.getTargetType();
        String expected;
        if (target == LocalDate.class) {
            expected = " (expected an ISO date such as 2026-12-31)";
        } else if (target == Instant.class) {
            expected = " (expected an ISO instant such as 2026-12-31T23:00:00Z)";
        } else if (target != null && (Number.class.isAssignableFrom(target) || target.isPrimitive())) {
            expected = " (expected a number)";
        } else if (target == String.class) {
            expected = " (expected a string)";
        } else {
            expected = "";
        }
        return field + " has the wrong type or format" + expected + ".";
    }
}
