package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.request.RequestState;
import be.paraaf.request.SignerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' texts have one source, {@code static/i18n.js}, and this test keeps it whole (as petclinic's
 * I18nPropertiesSyncTest does for its bundles): every key exists in Dutch, French and English, and every key a page
 * uses — {@code data-i18n="…"} in the HTML, a key literal in the scripts ({@code t("sign.done")},
 * {@code field("tenant-name", "agency.name", …)}), a request or signer state the service can send — is in the table.
 * Read as text, so CI needs no JavaScript engine.
 */
class PageTextsTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    @Test
    void everyKeyIsInEveryLanguage() {
        assertThat(parityProblems(read(STATIC.resolve("i18n.js")))).isEmpty();
    }

    @Test
    void everyKeyAPageUsesExists() {
        Map<String, Set<String>> texts = texts(read(STATIC.resolve("i18n.js")));
        assertThat(missingUses(texts.get("nl"), pageSources())).isEmpty();
    }

    @Test
    void everyStateTheServiceSendsHasWords() {
        Set<String> dutch = texts(read(STATIC.resolve("i18n.js"))).get("nl");
        List<String> missing = new ArrayList<>();
        Arrays.stream(RequestState.values()).map(state -> "request." + state).filter(key -> !dutch.contains(key))
                .forEach(missing::add);
        Arrays.stream(SignerState.values()).map(state -> "signer." + state).filter(key -> !dutch.contains(key))
                .forEach(missing::add);
        Arrays.stream(RequestState.values()).filter(state -> state != RequestState.IN_PROGRESS)
                .map(state -> "sign.requestState." + state).filter(key -> !dutch.contains(key)).forEach(missing::add);
        assertThat(missing).isEmpty();
    }

    /** The checks can fail: a key taken out of the French table, and a page using a key nobody wrote, are named. */
    @Test
    void aPlantedMissingKeyIsFound() {
        String table = read(STATIC.resolve("i18n.js"));
        String withoutFrench = table.replaceFirst("\"sign\\.done\": \"Vous avez signé[^\"]*\",?", "");
        assertThat(withoutFrench).isNotEqualTo(table);
        assertThat(parityProblems(withoutFrench)).containsExactly("sign.done is missing in fr");

        Set<String> dutch = texts(table).get("nl");
        assertThat(missingUses(dutch, Map.of("planted.html", "<p data-i18n=\"sign.nowhere\"></p>",
                "planted.js", "say(t(\"agency.nowhere\"), t(\"sign.done\"));")))
                .containsExactlyInAnyOrder("planted.html uses sign.nowhere", "planted.js uses agency.nowhere");
        assertThatThrownBy(() -> texts("const PARAAF_TEXTS = { nl: { \"a.b\": \"x\" }")).isInstanceOf(
                IllegalStateException.class);
    }

    static List<String> parityProblems(String table) {
        Map<String, Set<String>> texts = texts(table);
        Set<String> all = new TreeSet<>();
        texts.values().forEach(all::addAll);
        List<String> problems = new ArrayList<>();
        for (String key : all) {
            for (String language : LANGUAGES) {
                if (!texts.get(language).contains(key)) {
                    problems.add(key + " is missing in " + language);
                }
            }
        }
        return problems;
    }

    /** Keys used by the pages that the table lacks: "page uses key". */
    static List<String> missingUses(Set<String> keys, Map<String, String> sources) {
        Set<String> namespaces = keys.stream().map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
        Pattern attribute = Pattern.compile("data-i18n=\"([^\"]+)\"");
        // a key literal, but not an object's property name ({"agency.address.street": …} names a JSON path)
        Pattern literal = Pattern.compile("[\"']([a-z]+(?:\\.[A-Za-z0-9_-]+)+)[\"'](?!\\s*:)");
        List<String> missing = new ArrayList<>();
        sources.forEach((name, text) -> {
            Set<String> used = new TreeSet<>();
            Matcher attributes = attribute.matcher(text);
            while (attributes.find()) {
                used.add(attributes.group(1));
            }
            if (name.endsWith(".js")) {
                Matcher literals = literal.matcher(text);
                while (literals.find()) {
                    String key = literals.group(1);
                    if (namespaces.contains(key.substring(0, key.indexOf('.')))) {
                        used.add(key);
                    }
                }
            }
            used.stream().filter(key -> !keys.contains(key)).forEach(key -> missing.add(name + " uses " + key));
        });
        return missing;
    }

    /**
     * The keys per language: the object literal after {@code nl:} (etc.) in {@code PARAAF_TEXTS}, and any block
     * added later as {@code Object.assign(PARAAF_TEXTS.nl, {…})}. A key is a string literal followed by ':' at the
     * object's top level.
     */
    static Map<String, Set<String>> texts(String table) {
        Map<String, Set<String>> texts = new LinkedHashMap<>();
        LANGUAGES.forEach(language -> texts.put(language, new TreeSet<>()));
        int start = table.indexOf("const PARAAF_TEXTS = {");
        if (start < 0) {
            throw new IllegalStateException("i18n.js has no PARAAF_TEXTS table");
        }
        int end = closing(table, table.indexOf('{', start));
        Matcher language = Pattern.compile("\\b(nl|fr|en)\\s*:\\s*\\{").matcher(table).region(start, end);
        while (language.find()) {
            int open = language.end() - 1;
            texts.get(language.group(1)).addAll(keys(table, open));
            language.region(closing(table, open), end);
        }
        Matcher added = Pattern.compile("PARAAF_TEXTS(?:\\.(nl|fr|en)|\\[[\"'](nl|fr|en)[\"']\\])\\s*,\\s*\\{")
                .matcher(table);
        while (added.find()) {
            String code = added.group(1) != null ? added.group(1) : added.group(2);
            texts.get(code).addAll(keys(table, added.end() - 1));
        }
        return texts;
    }

    private static List<String> keys(String text, int open) {
        List<String> keys = new ArrayList<>();
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int after = endOfString(text, i);
                if (depth == 1) {
                    int next = after;
                    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                        next++;
                    }
                    if (next < text.length() && text.charAt(next) == ':') {
                        keys.add(text.substring(i + 1, after - 1));
                    }
                }
                i = after - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return keys;
            }
        }
        throw new IllegalStateException("an object in i18n.js is not closed");
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(text, i) - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalStateException("an object in i18n.js is not closed");
    }

    /** The index just after the string literal that starts at {@code start}. */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new IllegalStateException("a string in i18n.js is not closed");
    }

    private static Map<String, String> pageSources() {
        try (Stream<Path> files = Files.list(STATIC)) {
            Map<String, String> sources = new LinkedHashMap<>();
            files.filter(file -> file.toString().endsWith(".html") || file.toString().endsWith(".js"))
                    .filter(file -> !file.getFileName().toString().equals("i18n.js"))
                    .sorted().forEach(file -> sources.put(file.getFileName().toString(), read(file)));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
