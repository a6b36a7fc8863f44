package be.paraaf.consent.itsme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VerificationCodesTest {

    @Test
    void derive_isFourDigitsFromTheFirstFourBytes() {
        byte[] hash = new byte[32];
        assertThat(VerificationCodes.derive(hash)).isEqualTo("0000");
        hash[0] = (byte) 0xFF;
        hash[1] = (byte) 0xFF;
        hash[2] = (byte) 0xFF;
        hash[3] = (byte) 0xFF;
        assertThat(VerificationCodes.derive(hash)).isEqualTo("7295"); // 4294967295 mod 10000
        hash[31] = 1; // later bytes do not matter
        assertThat(VerificationCodes.derive(hash)).isEqualTo("7295");
    }

    @Test
    void derive_sameFromBytesAndHexAndDiffersForOtherData() throws Exception {
        byte[] a = MessageDigest.getInstance("SHA-256").digest("contract A".getBytes());
        byte[] b = MessageDigest.getInstance("SHA-256").digest("contract B".getBytes());
        assertThat(VerificationCodes.derive(a)).matches("[0-9]{4}")
                .isEqualTo(VerificationCodes.deriveFromHex(HexFormat.of().formatHex(a)))
                .isNotEqualTo(VerificationCodes.derive(b));
    }

    @Test
    void derive_refusesAnythingButASha256() {
        assertThatThrownBy(() -> VerificationCodes.derive(new byte[20])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationCodes.derive(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
