package be.paraaf.consent.itsme;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ItsmePropertiesTest {

    private static final ItsmeProperties D = ItsmeProperties.defaults();

    @Test
    void consentLifetime_atMostThreeMinutes() {
        assertThatThrownBy(() -> new ItsmeProperties(D.keyStore(), "", Duration.ofMinutes(4), 5, 210_000,
                D.channelClockSkew(), D.sadLifetime(), D.pkcs11(), D.enrolmentLifetime())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 minutes");
    }

    @Test
    void serverSecret_emptyOrAtLeast32Characters() {
        assertThatThrownBy(() -> new ItsmeProperties(D.keyStore(), "short", D.consentLifetime(), 5, 210_000,
                D.channelClockSkew(), D.sadLifetime(), D.pkcs11(), D.enrolmentLifetime())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }
}
