package be.paraaf.consent.itsme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server secret and the keys derived from it (HMAC-SHA256 of a purpose label, as HKDF-Expand with a
 * single block): one per PKCS#12 file password, one for Signature Activation Data. The configured secret
 * wins; otherwise a random 256-bit secret is created once in {@code dir/server-secret} (owner-only).
 */
final class ItsmeSecrets {

    private final byte[] secret;

    ItsmeSecrets(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("server secret too short");
        }
        this.secret = secret.clone();
    }

    static ItsmeSecrets configuredOrGenerated(String configured, Path dir) {
        if (configured != null && !configured.isEmpty()) {
            return new ItsmeSecrets(configured.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("server-secret");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path temporary = Files.createTempFile(dir, "server-secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: rely on the data directory's permissions
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(random), StandardOpenOption.WRITE);
                try {
                    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(temporary); // another node won the race: use its secret
                }
            }
            return new ItsmeSecrets(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /**
     * The configured secret, else one generated once for every node sharing the database (table
     * {@code itsme_server_secret}), for remote keys kept in the database. A configured secret (from a vault) or an
     * HSM keeps the key-encryption secret apart from the keys; the generated one is for the demo and tests.
     */
    static ItsmeSecrets configuredOrShared(String configured, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        if (configured != null && !configured.isEmpty()) {
            return new ItsmeSecrets(configured.getBytes(StandardCharsets.UTF_8));
        }
        java.util.function.Supplier<java.util.Optional<String>> stored = () -> jdbc.sql(
                "select secret from itsme_server_secret where id = 1").query(String.class).optional();
        if (stored.get().isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                jdbc.sql("insert into itsme_server_secret (id, secret) values (1, ?)")
                        .param(Base64.getEncoder().encodeToString(random)).update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another node stored one first: use it
            }
        }
        return new ItsmeSecrets(Base64.getDecoder().decode(stored.get().orElseThrow()));
    }

    /** HMAC-SHA256(secret, label). */
    byte[] derive(String label) {
        return hmac(secret, label.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
