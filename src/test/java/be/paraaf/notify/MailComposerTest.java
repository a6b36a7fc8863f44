package be.paraaf.notify;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.notify.MailComposer.Kind;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailComposerTest {

    @Test
    void everyLanguageHasTheSameKeys() {
        Set<String> reference = MailComposer.bundle("nl").keySet();
        for (String language : MailComposer.languages()) {
            ResourceBundle bundle = MailComposer.bundle(language);
            assertThat(bundle.keySet()).as(language).containsExactlyInAnyOrderElementsOf(reference);
        }
        for (Kind kind : Kind.values()) {
            String key = kind.name().toLowerCase(Locale.ROOT);
            assertThat(reference).contains(key + ".subject", key + ".body");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void textAndHtmlSayTheSameWithoutImagesAndEscapeWhatTheyQuote(Kind kind) {
        boolean personal = kind == Kind.INVITATION || kind == Kind.REMINDER;
        String link = personal ? "https://paraaf.example.be/sign.html?token=abc" : null;
        for (String language : MailComposer.languages()) {
            Mail mail = MailComposer.compose(kind, language, "a@example.be", "Zoë <b>", List.of("Huur & <script>",
                    "Woonpunt", "1 januari 2027", "2"), link, List.of());
            assertThat(mail.subject()).as(language).contains("Huur & <script>").doesNotContain("{");
            assertThat(mail.text()).contains("Zoë <b>").doesNotContain("{0}", "{1}", "{2}", "{3}");
            assertThat(mail.html()).contains("<html lang=\"" + language + "\">", "Zoë &lt;b&gt;")
                    .doesNotContain("<img", "<script>", "src=", "<b>");
            assertThat(mail.html().contains("href=\"https://paraaf.example.be/sign.html?token=abc\"")).isEqualTo(personal);
            assertThat(mail.text().contains("https://paraaf.example.be/sign.html?token=abc")).isEqualTo(personal);
        }
    }

    @Test
    void anUnknownLanguageFallsBackToDutch() {
        Mail mail = MailComposer.compose(Kind.EXPIRED, "de", "a@example.be", "Woonpunt", List.of("Huur", "1/1", "Jan"),
                null, List.of());
        assertThat(mail.subject()).isEqualTo("Verlopen: Huur");
        assertThat(mail.html()).doesNotContain("href=");
    }
}
