package be.paraaf.signing;

import java.util.Locale;

/** Digest algorithms paraaf signs with. SHA-1 and MD5 are deliberately absent. */
public enum HashAlgorithm {
    SHA256("SHA-256"), SHA384("SHA-384"), SHA512("SHA-512");

    private final String javaName;

    HashAlgorithm(String javaName) {
        this.javaName = javaName;
    }

    public String javaName() {
        return javaName;
    }

    /** Accepts "SHA256", "SHA-256", "sha256". */
    public static HashAlgorithm parse(String text) {
        if (text == null || text.isBlank()) {
            return SHA256;
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace("-", "");
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unsupported digest algorithm '" + text + "' (expected SHA-256, SHA-384 or SHA-512)");
        }
    }
}
