package be.paraaf.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NationalRegisterNumberTest {

    @Test
    void acceptsThePrintedFormAndNormalisesIt() {
        NationalRegisterNumber number = NationalRegisterNumber.parse("85.07.30-033.28");
        assertThat(number.value()).isEqualTo("85073003328");
        assertThat(number.formatted()).isEqualTo("85.07.30-033.28");
    }

    @Test
    void checksTheModulo97ForPeopleBornBefore2000() {
        assertThat(NationalRegisterNumber.isValid("85073003328")).isTrue();
        assertThat(NationalRegisterNumber.isValid("85073003329")).isFalse();
    }

    @Test
    void checksTheModulo97WithThePrefix2ForPeopleBornFrom2000() {
        NationalRegisterNumber born2001 = NationalRegisterNumber.withCheck("010101123", true);
        assertThat(NationalRegisterNumber.isValid(born2001.value())).isTrue();
        // the same nine digits with the pre-2000 check are a different, also valid number
        assertThat(NationalRegisterNumber.withCheck("010101123", false).value()).isNotEqualTo(born2001.value());
    }

    @Test
    void refusesWrongLengthsAndLetters() {
        assertThatThrownBy(() -> NationalRegisterNumber.parse("1234")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 digits");
        assertThatThrownBy(() -> NationalRegisterNumber.parse("8507300332A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NationalRegisterNumber.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
