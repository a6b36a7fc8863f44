package be.paraaf.web;

import be.paraaf.system.InvalidInputException;
import be.paraaf.system.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON body into a record whose constructor checks its input: the constructor's message (an
 * IllegalArgumentException or IllegalStateException buried in Jackson's) becomes the 422 problem's detail.
 * Jackson's own failures are described in words naming the member, never with Jackson's text or class names.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> T read(JsonMapper json, JsonNode body, Class<T> type, ProblemType problemType) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(problemType, "The request body must be a JSON object"
                    + (body == null || body.isMissingNode() ? "." : ", not " + kind(body) + "."), Map.of(), null);
        }
        try {
            return json.treeToValue(body, type);
        } catch (JacksonException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)
                    && !(cause instanceof IllegalStateException)) {
                cause = cause.getCause();
            }
            String detail = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                    ? cause.getMessage() : describe(e);
            throw new InvalidInputException(problemType, detail, Map.of(), e);
        }
    }

    /** Names the member and the expected form, without Jackson's internals (class names, exception text). */
    static String describe(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "The JSON body is nested too deeply or holds a value too long to be read.";
        }
        String member = e.getPath().stream().map(reference -> reference.getPropertyName() != null
                ? reference.getPropertyName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."))
                .replace(".[", "[");
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
            return "The request body is not valid JSON" + location(e) + ".";
        }
        if (member.isEmpty() || !(e instanceof MismatchedInputException mismatch)) {
            return "The request body is not the expected JSON object" + (member.isEmpty() ? "." : " (at member '"
                    + member + "').");
        }
        return "member '" + member + "' must be " + expected(mismatch.getTargetType()) + ".";
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target == LocalDate.class) {
            return "an ISO date such as 2026-12-31";
        }
        if (target == Instant.class) {
            return "an ISO instant such as 2026-12-31T23:00:00Z";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target == String.class || target.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String kind(JsonNode body) {
        if (body.isNull()) {
            return "null";
        }
        if (body.isArray()) {
            return "a list";
        }
        return body.isString() ? "a string" : body.isNumber() ? "a number" : body.isBoolean() ? "a boolean" : "that";
    }
}
