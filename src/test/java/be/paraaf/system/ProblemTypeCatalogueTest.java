package be.paraaf.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * Throw sites name a catalogue entry and take its status; these few are still sent with a neighbouring one
     * (as are invalid-signature-options and remote-signing-failed, whose sites choose the status in an expression).
     */
    private static final Set<String> NEIGHBOURING_STATUSES = Set.of("device-authentication-failed",
            "itsme-invalid-enrolment", "remote-key-unusable");
    private static final Pattern LITERAL_STATUS = Pattern.compile("new\\s+(?:" + EXCEPTIONS + ")\\s*\\(\\s*(?:"
            + SLUG + "|ItsmeException\\.([A-Z_]+))\\s*,\\s*(\\d{3})\\s*,");

    @Test
    void aThrowSiteThatStillPicksAStatusPicksTheCataloguesOne() throws IOException {
        Map<String, String> itsmeConstants = new java.util.HashMap<>();
        Matcher constants = Pattern.compile("static final String ([A-Z_]+) = " + SLUG + ";")
                .matcher(Files.readString(Path.of("src/main/java/be/paraaf/consent/itsme/ItsmeException.java")));
        while (constants.find()) {
            itsmeConstants.put(constants.group(1), constants.group(2));
        }
        Set<String> disagreeing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher site = LITERAL_STATUS.matcher(Files.readString(file));
                while (site.find()) {
                    String slug = site.group(1) != null ? site.group(1) : itsmeConstants.get(site.group(2));
                    int status = Integer.parseInt(site.group(3));
                    ProblemType.of(slug).filter(type -> type.status() != status)
                            .filter(type -> !NEIGHBOURING_STATUSES.contains(slug))
                            .ifPresent(type -> disagreeing.add(file.getFileName() + ": " + slug + " sent as "
                                    + status + ", catalogue " + type.status()));
                }
            }
        }
        assertThat(disagreeing).as("use XxxException(ProblemType.X, …): the status is the catalogue's").isEmpty();
    }

    /**
     * The capability exceptions have no constructor that takes a status: a throw site names a catalogue entry.
     * (InvalidInputException and ItsmeException keep one for the neighbouring-status types docs/problems.md lists.)
     */
    @Test
    void capabilityExceptionsTakeNoStatusFromTheThrowSite() {
        for (Class<?> type : List.of(NotFoundException.class, be.paraaf.request.RequestException.class,
                be.paraaf.prepare.DocumentException.class, be.paraaf.signing.SigningException.class,
                be.paraaf.archive.ArchiveException.class, be.paraaf.actualisation.ActualisationException.class,
                be.paraaf.enrolment.EnrolmentException.class)) {
            assertThat(type.getDeclaredConstructors()).as(type.getSimpleName() + "'s constructors")
                    .noneMatch(constructor -> List.of(constructor.getParameterTypes()).contains(int.class));
        }
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
                Matcher constants = Pattern.compile("ProblemType\\.([A-Z0-9_]+)\\b").matcher(source);
                while (constants.find()) {
                    slugs.add(constants.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                }
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
