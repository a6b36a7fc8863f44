package be.paraaf.prepare;

import be.paraaf.system.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * An uploaded template package cannot be used; the problem member {@code problems} lists every reason in words
 * ("template.html: placeholder 'rent' names no input field …").
 */
public class TemplatePackageException extends InvalidInputException {

    private final List<String> problems;

    public TemplatePackageException(List<String> problems) {
        super("invalid-template-package", 422, "The template package has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems.subList(0,
                Math.min(3, problems.size()))) + (problems.size() > 3 ? "; …" : "") + ".",
                Map.of("problems", List.copyOf(problems)), null);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
