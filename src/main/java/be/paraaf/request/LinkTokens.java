package be.paraaf.request;

import be.paraaf.system.Digests;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Signers' personal link tokens: 256 random bits, base64url; only their SHA-256 is stored. */
final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
