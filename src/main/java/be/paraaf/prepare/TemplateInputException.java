package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template data has one or more invalid fields. All of them are reported at once, as the problem
 * member {@code errors}: a list of {@code {field, message}} where {@code field} is a path such as
 * {@code tenants[1].nationalNumber}.
 */
public class TemplateInputException extends InvalidInputException {

    /** One invalid field. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public TemplateInputException(String template, List<FieldError> errors) {
        super(ProblemType.INVALID_TEMPLATE_DATA, detail(template, errors),
                Map.of("errors", errors.stream().map(TemplateInputException::member).toList()), null);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** {@code {"field": …, "message": …}} in that order, as clients read it. */
    private static Map<String, String> member(FieldError error) {
        Map<String, String> member = new LinkedHashMap<>();
        member.put("field", error.field());
        member.put("message", error.message());
        return member;
    }

    private static String detail(String template, List<FieldError> errors) {
        return "The data for template '" + template + "' has " + errors.size() + " invalid field"
                + (errors.size() == 1 ? "" : "s") + ".";
    }
}
