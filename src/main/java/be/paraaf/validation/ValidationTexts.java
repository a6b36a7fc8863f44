package be.paraaf.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The words of validation results — verdicts, reasons, findings — from one source per language,
 * {@code be/paraaf/validation/texts_<lang>.properties} (UTF-8; every key in all three, which a test checks).
 * Sentences name values as {@code {signer}}, {@code {field}}, {@code {subtype}}; pages are appended in the
 * reader's language. Never an object path: those stay in the detail.
 */
final class ValidationTexts {

    static final List<String> LANGUAGES = List.of("nl", "fr", "en");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, ResourceBundle> BUNDLES = LANGUAGES.stream().collect(Collectors.toMap(
            language -> language, language -> ResourceBundle.getBundle("be.paraaf.validation.texts",
                    Locale.forLanguageTag(language), NO_FALLBACK)));

    /** Named values that are codes, put into words through {@code <name>.<value>} keys. */
    private static final java.util.Set<String> TRANSLATED_ARGUMENTS = java.util.Set.of("subtype", "problem",
            "permission");

    private ValidationTexts() {
    }

    static ResourceBundle bundle(String language) {
        return BUNDLES.get(language);
    }

    /** The sentence for a finding about {@code signer}'s signature (null: the document as a whole). */
    static PlainWords finding(Finding finding, String signer) {
        return words(language -> {
            String text = text(language, "finding." + finding.code().name());
            text = fill(language, text, finding.arguments(), signer);
            return withPages(language, text, finding.pages());
        });
    }

    /** A keyed sentence with named values. */
    static PlainWords sentence(String key, Map<String, String> arguments, String signer) {
        return words(language -> fill(language, text(language, key), arguments, signer));
    }

    /** The plain reason for an ETSI sub-indication (or VALID), with a generic sentence for rare ones. */
    static PlainWords reason(String verdictOrSubIndication) {
        return words(language -> {
            String key = "reason." + verdictOrSubIndication;
            return BUNDLES.get(language).containsKey(key) ? text(language, key)
                    : text(language, "reason.OTHER").replace("{code}", String.valueOf(verdictOrSubIndication));
        });
    }

    private static PlainWords words(java.util.function.Function<String, String> perLanguage) {
        return new PlainWords(perLanguage.apply("nl"), perLanguage.apply("fr"), perLanguage.apply("en"));
    }

    private static String text(String language, String key) {
        return BUNDLES.get(language).getString(key);
    }

    private static String fill(String language, String text, Map<String, String> arguments, String signer) {
        String result = text.replace("{signer}", signer == null || signer.isBlank() ? text(language, "signer.unknown")
                : signer);
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            String value = argument.getValue();
            if (TRANSLATED_ARGUMENTS.contains(argument.getKey())) {
                String key = argument.getKey() + "." + value;
                value = BUNDLES.get(language).containsKey(key) ? text(language, key)
                        : text(language, argument.getKey() + ".other");
            }
            result = result.replace("{" + argument.getKey() + "}", value);
        }
        return result.replaceAll("\\{[a-z]+}", "…");
    }

    private static String withPages(String language, String text, List<Integer> pages) {
        if (pages.isEmpty()) {
            return text;
        }
        String list = pages.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
                + (pages.size() > 20 ? ", …" : "");
        String suffix = text(language, pages.size() == 1 ? "pages.one" : "pages.many").replace("{pages}", list);
        String sentence = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return sentence + " (" + suffix + ").";
    }
}
