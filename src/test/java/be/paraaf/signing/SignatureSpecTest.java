package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureSpecTest {

    @ParameterizedTest
    @CsvSource({"B-B,B_B", "b-lta,B_LTA", "PAdES-BASELINE-LT,B_LT", "XAdES_BASELINE_T,B_T", "LTA,B_LTA"})
    void levelParse_acceptsTheUsualSpellings(String text, SignatureLevel expected) {
        assertThat(SignatureLevel.parse(text)).isEqualTo(expected);
    }

    @Test
    void levelParse_refusesUnknownLevels() {
        assertThatThrownBy(() -> SignatureLevel.parse("B-XL")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B-LTA");
    }

    @Test
    void appearance_needsExactlyOneOfFieldAndPlacement() {
        Placement placement = new Placement(1, 10, 10, 200, 50);
        assertThatThrownBy(() -> new VisibleAppearance("tenant-1", placement, null, null, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VisibleAppearance(null, null, null, null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void appearance_refusesImagesThatAreNeitherPngNorJpeg() {
        assertThatThrownBy(() -> new VisibleAppearance("f", null, null, null, "GIF89a....".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placement_refusesRectanglesTooSmallToRead() {
        assertThatThrownBy(() -> new Placement(1, 0, 0, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Placement(0, 0, 0, 100, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hash_defaultsToSha256() {
        assertThat(HashAlgorithm.parse(null)).isEqualTo(HashAlgorithm.SHA256);
        assertThat(HashAlgorithm.parse("sha-384")).isEqualTo(HashAlgorithm.SHA384);
        assertThatThrownBy(() -> HashAlgorithm.parse("SHA-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appearanceLanguage_parsesTheThreeLanguagesAndDefaultsToEnglish() {
        assertThat(AppearanceLanguage.parse("nl")).isEqualTo(AppearanceLanguage.NL);
        assertThat(AppearanceLanguage.parse(" FR ")).isEqualTo(AppearanceLanguage.FR);
        assertThat(AppearanceLanguage.parse(null)).isEqualTo(AppearanceLanguage.EN);
        assertThatThrownBy(() -> AppearanceLanguage.parse("de")).isInstanceOf(IllegalArgumentException.class);
    }
}
