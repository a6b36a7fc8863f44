package be.paraaf.prepare;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of the templates in one language, from {@code be/paraaf/prepare/labels_<lang>.properties}
 * (UTF-8; Dutch is the reference and every key exists in all three files), and the formatting of dates,
 * amounts and durations as a Belgian reader expects them.
 */
final class Labels {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle bundle;

    private Labels(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("be.paraaf.prepare.labels", Locale.forLanguageTag(language.tag()),
                NO_FALLBACK);
    }

    static Labels of(Language language) {
        return new Labels(language);
    }

    Language language() {
        return language;
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}… replaced (no MessageFormat: French has apostrophes). */
    String text(String key, Object... arguments) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("label '" + key + "' is missing for " + language.tag(), e);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** The lines of a multi-line label, e.g. the numbered steps of the leaflet ({@code key.1}, {@code key.2}…). */
    List<String> numbered(String key) {
        return java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> key + "." + i)
                .takeWhile(bundle::containsKey).map(this::text).toList();
    }

    /** "30 juli 1985", "30 juillet 1985", "30 July 1985". */
    String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(date);
    }

    /** "€ 1.225,50" (nl), "1 225,50 €" (fr), "€1,225.50" (en). */
    String amount(BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language.locale());
        if (language == Language.FR) {
            symbols.setGroupingSeparator(' ');
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        String number = format.format(amount);
        return switch (language) {
            case NL -> "€ " + number;
            case FR -> number + " €";
            case EN -> "€" + number;
        };
    }

    /** "9 jaar", "18 maanden", "1 an"… */
    String duration(int months) {
        if (months % 12 == 0) {
            int years = months / 12;
            return text(years == 1 ? "duration.year" : "duration.years", years);
        }
        return text(months == 1 ? "duration.month" : "duration.months", months);
    }
}
