package be.paraaf.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The problem-type catalogue cannot drift: every slug a throw site names is in {@link ProblemType} and the docs. */
class ProblemTypeCatalogueTest {

    private static final String EXCEPTIONS = "ParaafException|InvalidInputException|NotFoundException|SigningException"
            + "|RequestException|DocumentException|ItsmeException|ArchiveException|TemplateInputException|Refused"
            + "|LoginException|AppException|PreviewException";
    private static final String SLUG = "\"([a-z0-9]+(?:-[a-z0-9]+)*)\"";
    /** {@code new XxxException("slug", …)}, a capability's slug constant, a factory or reader taking the slug first. */
    private static final Pattern THROW_SITE = Pattern.compile("new\\s+(?:[\\w.]+\\.)?(?:" + EXCEPTIONS + ")\\s*\\(\\s*"
            + SLUG + "|static final String [A-Z_]+\\s*=\\s*" + SLUG + "(?=;)"
            + "|\\b(?:unprocessable|refusal|gone|Refusals)\\(\\s*" + SLUG
            + "|JsonBodies\\.read\\([^;]*?,\\s*" + SLUG + "\\)");

    @Test
    void everyProblemTypeNamedInTheSourcesIsInTheCatalogue() throws IOException {
        Set<String> named = namedInSources();
        assertThat(named).as("slugs found in src/main/java").hasSizeGreaterThan(100);
        Set<String> missing = new TreeSet<>(named);
        missing.removeIf(slug -> ProblemType.of(slug).isPresent());
        assertThat(missing).as("problem types thrown but missing from ProblemType").isEmpty();
    }

    @Test
    void everyCatalogueEntryIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("docs/problems.md"));
        for (ProblemType type : ProblemType.values()) {
            assertThat(docs).as("docs/problems.md lists " + type.slug()).contains("`" + type.slug() + "`");
        }
    }

    @Test
    void catalogueEntriesAreWellFormed() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(type.status()).isBetween(400, 599);
            assertThat(type.title()).isNotBlank();
            assertThat(type.name()).isEqualTo(type.slug().toUpperCase().replace('-', '_'));
        }
        assertThat(ProblemType.of("rate-limited")).hasValueSatisfying(type -> assertThat(type.status()).isEqualTo(429));
    }

    private static Set<String> namedInSources() throws IOException {
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                boolean exceptionClass = file.getFileName().toString().endsWith("Exception.java");
                Matcher matcher = THROW_SITE.matcher(source);
                while (matcher.find()) {
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        if (matcher.group(group) != null && (group != 2 || exceptionClass)) {
                            slugs.add(matcher.group(group));
                        }
                    }
                }
            }
        }
        return slugs;
    }
}
