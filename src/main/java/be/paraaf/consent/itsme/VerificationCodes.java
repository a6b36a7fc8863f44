package be.paraaf.consent.itsme;

import java.util.HexFormat;

/**
 * The short code shown both on the requester's web page and in the app, so the signer sees that the
 * approval on the phone belongs to the document on the screen. Four decimal digits from the first four
 * bytes of the SHA-256 of the data to be signed (the modulo bias, 2^32 mod 10^4, is below 10^-5). It is
 * a visual cross-check, not a security binding: the binding is the hash the device signs.
 */
public final class VerificationCodes {

    private VerificationCodes() {
    }

    /** @param sha256 the 32-byte SHA-256 of the data to be signed */
    public static String derive(byte[] sha256) {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 value has 32 bytes");
        }
        long value = ((sha256[0] & 0xFFL) << 24) | ((sha256[1] & 0xFFL) << 16) | ((sha256[2] & 0xFFL) << 8)
                | (sha256[3] & 0xFFL);
        return String.format("%04d", value % 10_000);
    }

    /** As {@link #derive(byte[])} from the hex form the app receives. */
    public static String deriveFromHex(String sha256Hex) {
        return derive(HexFormat.of().parseHex(sha256Hex));
    }
}
