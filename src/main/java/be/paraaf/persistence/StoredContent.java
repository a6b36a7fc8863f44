package be.paraaf.persistence;

import be.paraaf.system.Digests;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** The address of stored bytes: their lowercase hex SHA-256 and their length. */
public record StoredContent(String sha256, long size) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public StoredContent {
        requireSha256(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    public static StoredContent of(byte[] content) {
        return new StoredContent(sha256(content), content.length);
    }

    public static String sha256(byte[] content) {
        return Digests.sha256Hex(content);
    }

    /** Rejects anything but 64 lowercase hex digits, so an address can never name a path outside the store. */
    public static String requireSha256(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return sha256;
    }
}
