package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** The languages every template renders in. Dutch is the reference: its labels are written first. */
public enum Language {
    NL(Locale.forLanguageTag("nl-BE")),
    FR(Locale.forLanguageTag("fr-BE")),
    EN(Locale.forLanguageTag("en-GB"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The ISO 639-1 tag as used in the API: {@code nl}, {@code fr}, {@code en}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code nl}, {@code fr} or {@code en} (case-insensitive; a region such as {@code nl-BE} is ignored). */
    public static Language of(String tag) {
        String language = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return Arrays.stream(values()).filter(value -> value.tag().equals(language)).findFirst()
                .orElseThrow(() -> new InvalidInputException(ProblemType.UNSUPPORTED_LANGUAGE,
                        "Language '" + tag + "' is not supported; use nl, fr or en."));
    }
}
