package be.paraaf.access;

import be.paraaf.persistence.StoredContent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys: 32 random bytes, base64url, prefixed {@code pk_} so they are recognisable in logs and secret
 * scanners. Only the SHA-256 of a key is stored; with 256 bits of entropy there is nothing to brute-force,
 * so a salt or a slow hash would add cost without adding safety.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return StoredContent.sha256(key.getBytes(StandardCharsets.UTF_8));
    }
}
