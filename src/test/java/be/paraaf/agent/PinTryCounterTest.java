package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinTryCounterTest {

    @TempDir
    Path dir;

    private final AtomicInteger tokenAsked = new AtomicInteger();

    private PinGuard.LoginAttempt pin(boolean correct) {
        return () -> {
            tokenAsked.incrementAndGet();
            return correct;
        };
    }

    @Test
    void threeWrongPinsBlockTheCardAndACorrectPinIsThenRefusedWithoutAskingTheToken() {
        PinTryCounter counter = PinTryCounter.create(dir.resolve("pin-tries-left"));

        assertThatThrownBy(() -> counter.login(pin(false))).isInstanceOfSatisfying(CardException.class, e -> {
            assertThat(e.kind()).isEqualTo(CardException.Kind.WRONG_PIN);
            assertThat(e.triesLeft()).hasValue(2);
            assertThat(e.getMessage()).contains("2 tries left");
        });
        assertThatThrownBy(() -> counter.login(pin(false))).isInstanceOfSatisfying(CardException.class, e -> {
            assertThat(e.kind()).isEqualTo(CardException.Kind.WRONG_PIN);
            assertThat(e.triesLeft()).hasValue(1);
            assertThat(e.getMessage()).contains("1 try left");
        });
        assertThatThrownBy(() -> counter.login(pin(false))).isInstanceOfSatisfying(CardException.class, e -> {
            assertThat(e.kind()).isEqualTo(CardException.Kind.BLOCKED);
            assertThat(e.getMessage()).contains("now blocked");
        });
        assertThat(tokenAsked).hasValue(3);

        assertThatThrownBy(() -> counter.login(pin(true))).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.kind()).isEqualTo(CardException.Kind.BLOCKED));
        assertThat(tokenAsked).as("a blocked card does not reach C_Login").hasValue(3);
        assertThat(counter.triesLeft()).isZero();
    }

    @Test
    void aCorrectPinRestoresAllTries() {
        PinTryCounter counter = PinTryCounter.create(dir.resolve("pin-tries-left"));
        assertThatThrownBy(() -> counter.login(pin(false))).isInstanceOf(CardException.class);
        assertThatThrownBy(() -> counter.login(pin(false))).isInstanceOf(CardException.class);

        counter.login(pin(true));

        assertThat(counter.triesLeft()).isEqualTo(PinTryCounter.MAX_TRIES);
    }

    @Test
    void aMissingOrDamagedCounterCountsAsBlocked() throws Exception {
        PinTryCounter missing = new PinTryCounter(dir.resolve("nothing"));
        assertThatThrownBy(() -> missing.login(pin(true))).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.kind()).isEqualTo(CardException.Kind.BLOCKED));

        Path damaged = Files.writeString(dir.resolve("damaged"), "three");
        assertThatThrownBy(() -> new PinTryCounter(damaged).login(pin(true)))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.kind()).isEqualTo(CardException.Kind.BLOCKED));
        assertThat(tokenAsked).hasValue(0);
    }

    @Test
    void chipEnforcedGuardReportsAWrongPinWithoutCounting() {
        assertThatThrownBy(() -> PinGuard.chipEnforced().login(pin(false)))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CardException.Kind.WRONG_PIN);
                    assertThat(e.triesLeft()).isEmpty();
                });
    }
}
