package be.paraaf.consent.itsme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCodesTest {

    @Test
    void hashIsSaltedSlowAndMatchesOnlyTheCode() {
        String first = SecretCodes.hash("12345", SecretCodes.MIN_ITERATIONS);
        String second = SecretCodes.hash("12345", SecretCodes.MIN_ITERATIONS);
        assertThat(first).startsWith("pbkdf2-sha256$210000$").doesNotContain("12345").isNotEqualTo(second);
        assertThat(SecretCodes.matches("12345", first)).isTrue();
        assertThat(SecretCodes.matches("12345", second)).isTrue();
        assertThat(SecretCodes.matches("12346", first)).isFalse();
        assertThat(SecretCodes.matches("1234", first)).isFalse();
        assertThat(SecretCodes.matches(null, first)).isFalse();
        assertThat(SecretCodes.matches("12345 ", first)).isFalse();
    }

    @Test
    void hash_refusesMalformedCodesAndFewIterations() {
        assertThatThrownBy(() -> SecretCodes.hash("1234", SecretCodes.MIN_ITERATIONS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretCodes.hash("12a45", SecretCodes.MIN_ITERATIONS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretCodes.hash("12345", 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashingTakesAMeasurableTime() {
        long start = System.nanoTime();
        SecretCodes.matches("12345", SecretCodes.hash("12345", SecretCodes.MIN_ITERATIONS));
        // two PBKDF2 runs of 210,000 iterations: tens of milliseconds at least on any current CPU
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(20);
    }
}
