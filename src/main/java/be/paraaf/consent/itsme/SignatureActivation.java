package be.paraaf.consent.itsme;

import be.paraaf.system.ProblemType;
import be.paraaf.system.Digests;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issues and consumes Signature Activation Data. A token is 16 random bytes followed by
 * HMAC-SHA256(server key, account ‖ key alias ‖ data hash ‖ expiry ‖ random); the table keeps only the
 * token's SHA-256 and the binding. Consuming re-derives the HMAC from the stored binding (so a row edited
 * in the database no longer matches), checks that the key and the data to be signed are the bound ones and
 * that it has not expired, and marks it consumed with a conditional update, so each token signs once.
 */
final class SignatureActivation {

    /** The binding a consumed token proved. */
    record Binding(String accountId, String keyAlias, String dataSha256, Instant expiresAt) {
    }

    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 32;

    private final JdbcClient jdbc;
    private final byte[] key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignatureActivation(JdbcClient jdbc, ItsmeSecrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.key = secrets.derive("paraaf-itsme-sad-v1");
        this.clock = clock;
    }

    SignatureActivationData issue(Binding requested) {
        // the database keeps microseconds at best; the HMAC covers milliseconds
        Binding binding = new Binding(requested.accountId(), requested.keyAlias(), requested.dataSha256(),
                requested.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        byte[] mac = mac(binding, nonce);
        byte[] token = ByteBuffer.allocate(RANDOM_BYTES + MAC_BYTES).put(nonce).put(mac).array();
        SignatureActivationData sad = new SignatureActivationData(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(token));
        jdbc.sql("insert into itsme_sads (sad_sha256, account_id, key_alias, data_sha256, expires_at, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(Digests.sha256Hex(sad.token()), binding.accountId(), binding.keyAlias(), binding.dataSha256(),
                        utc(binding.expiresAt()), utc(clock.instant()))
                .update();
        return sad;
    }

    /**
     * Verifies that {@code sad} authorises {@code keyAlias} to sign data whose SHA-256 is {@code dataSha256},
     * and consumes it.
     *
     * @throws ItsmeException 403 {@code signature-activation-refused} otherwise
     */
    Binding consume(SignatureActivationData sad, String keyAlias, String dataSha256) {
        if (sad == null) {
            throw refused("no signature activation data");
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(sad.token());
        } catch (IllegalArgumentException e) {
            throw refused("malformed");
        }
        if (token.length != RANDOM_BYTES + MAC_BYTES) {
            throw refused("malformed");
        }
        String id = Digests.sha256Hex(sad.token());
        Optional<Binding> stored = jdbc.sql("select account_id, key_alias, data_sha256, expires_at from itsme_sads "
                        + "where sad_sha256 = ?")
                .param(id)
                .query((rs, row) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
        if (stored.isEmpty()) {
            throw refused("unknown");
        }
        Binding binding = stored.get();
        byte[] expected = mac(binding, Arrays.copyOf(token, RANDOM_BYTES));
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(token, RANDOM_BYTES, token.length))) {
            throw refused("binding altered");
        }
        if (!binding.keyAlias().equals(keyAlias) || !MessageDigest.isEqual(
                binding.dataSha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                dataSha256.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw refused("bound to another key or other data");
        }
        Instant now = clock.instant();
        if (!now.isBefore(binding.expiresAt())) {
            throw refused("expired");
        }
        int consumed = jdbc.sql("update itsme_sads set consumed_at = ? where sad_sha256 = ? and consumed_at is null")
                .params(utc(now), id).update();
        if (consumed != 1) {
            throw refused("already used");
        }
        return binding;
    }

    private byte[] mac(Binding binding, byte[] nonce) {
        return ItsmeSecrets.hmac(key, DeviceSignatures.message("paraaf-sad-v1", binding.accountId(),
                binding.keyAlias(), binding.dataSha256(), Long.toString(binding.expiresAt().toEpochMilli()),
                HexFormat.of().formatHex(nonce)));
    }

    private static ItsmeException refused(String why) {
        return new ItsmeException(ProblemType.SIGNATURE_ACTIVATION_REFUSED,
                "The remote key refuses to sign: the signature activation data is " + why + ".");
    }

    /**
     * The SHA-256 a signature over {@code dataToSign} with {@code algorithm} covers, which a SAD is bound to: the
     * digest of the data, or for {@code NONEwithECDSA} (the key signs a hash computed elsewhere) the data itself.
     */
    static String boundHash(byte[] dataToSign, String algorithm) {
        return "NONEwithECDSA".equals(algorithm) ? HexFormat.of().formatHex(dataToSign) : Digests.sha256Hex(dataToSign);
    }


    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
