package be.paraaf.consent.itsme;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The 5-digit secret code, stored only as a slow salted hash: PBKDF2WithHmacSHA256 (NIST SP 800-132),
 * 16-byte random salt, at least 210,000 iterations (OWASP 2023 guidance for PBKDF2-HMAC-SHA256), encoded
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. With only 100,000 possible codes the hash alone cannot
 * protect a stolen database for long; the lock after five wrong codes protects the online path, and the
 * iteration count makes an offline search cost hours rather than milliseconds.
 */
final class SecretCodes {

    static final int MIN_ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretCodes() {
    }

    /** True for exactly five ASCII digits. */
    static boolean wellFormed(String code) {
        return code != null && code.matches("[0-9]{5}");
    }

    static String hash(String code, int iterations) {
        if (!wellFormed(code)) {
            throw new IllegalArgumentException("the secret code must be five digits");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " PBKDF2 iterations");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(pbkdf2(code, salt, iterations));
    }

    /**
     * Recomputes the hash of {@code code} with the stored salt and iterations and compares in constant time.
     * A malformed code costs the same as a wrong one.
     */
    static boolean matches(String code, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw new IllegalStateException("unknown secret code hash format");
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = pbkdf2(wellFormed(code) ? code : "", salt, iterations);
        return MessageDigest.isEqual(expected, actual) && wellFormed(code);
    }

    private static byte[] pbkdf2(String code, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
