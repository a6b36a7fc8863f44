package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One source of validation words per language, with the same keys in each (Dutch is the reference). */
class ValidationTextsTest {

    @Test
    void everyLanguageHasEveryKey() {
        Set<String> dutch = keys("nl");
        for (String language : ValidationTexts.LANGUAGES) {
            assertThat(keys(language)).as(language).isEqualTo(dutch);
        }
    }

    @Test
    void everyFindingCodeAndVerdictHasWords() {
        for (String language : ValidationTexts.LANGUAGES) {
            Set<String> keys = keys(language);
            for (FindingCode code : FindingCode.values()) {
                assertThat(keys).as(language).contains("finding." + code.name());
            }
            for (Verdict verdict : Verdict.values()) {
                assertThat(keys).as(language).contains("verdict.signature." + verdict.name());
            }
            for (DocumentVerdict verdict : DocumentVerdict.values()) {
                assertThat(keys).as(language).contains("verdict.document." + verdict.name(),
                        "verdict.label." + verdict.name());
            }
        }
    }

    @Test
    void findingsReadAsSentencesWithTheSignerAndPages() {
        Finding finding = Finding.onPages(FindingCode.PAGE_CONTENT_CHANGED, List.of(2), "/Contents 12 0 R");
        PlainWords words = ValidationTexts.finding(finding, "Jan Peeters");
        assertThat(words.en()).isEqualTo("After Jan Peeters signed, text or drawings on the page were changed (page 2).");
        assertThat(words.nl()).contains("Jan Peeters", "pagina 2").doesNotContain("12 0 R");
        assertThat(words.fr()).contains("Jan Peeters", "page 2");
    }

    @Test
    void codedValuesAreTranslatedAndUnknownOnesStayReadable() {
        Finding stamp = Finding.of(FindingCode.ANNOTATION_ADDED, "").with("subtype", "Stamp");
        assertThat(ValidationTexts.finding(stamp, null).nl()).isEqualTo(
                "Na de handtekening van de ondertekenaar werd een stempel toegevoegd.");
        Finding odd = Finding.of(FindingCode.ANNOTATION_ADDED, "").with("subtype", "3D");
        assertThat(ValidationTexts.finding(odd, "Ann").en()).isEqualTo("After Ann signed, an annotation was added.");
        PlainWords noField = ValidationTexts.finding(Finding.of(FindingCode.SIGNED_LATER, ""), "Ann");
        assertThat(noField.en()).doesNotContain("{");
    }

    private static Set<String> keys(String language) {
        return new TreeSet<>(Collections.list(ValidationTexts.bundle(language).getKeys()));
    }

}
