package be.paraaf.consent.itsme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of itsme-style consent ({@code paraaf.itsme.*}).
 *
 * @param keyStore where the users' remote signing keys live: {@code pkcs12} (one encrypted file per
 *        account under {@code <data-dir>/itsme/keys}), {@code database} (the same PKCS#12s as rows, for several
 *        nodes without a shared data directory; profile postgres) or {@code pkcs11} (a token through SunPKCS11)
 * @param serverSecret secret (≥ 32 characters) from which the PKCS#12 passwords and the Signature Activation
 *        Data HMAC key are derived; empty means a random one generated once in {@code <data-dir>/itsme}
 *        (nodes sharing the data directory share it), or with {@code database} once in the database. Production
 *        sets it from a secret store.
 * @param consentLifetime how long a consent request can be approved; at most 3 minutes
 * @param maxWrongCodes consecutive wrong secret codes (across consents) that lock the account
 * @param codeHashIterations PBKDF2-HMAC-SHA256 iterations for the secret code hash (≥ 210,000)
 * @param channelClockSkew how far a device's signed channel timestamp may be from ours
 * @param sadLifetime lifetime of a Signature Activation Data token (it is used at once)
 * @param enrolmentLifetime how long an enrolment may wait for its eID confirmation; after it the account, its device
 *        and its remote key are deleted (checked every {@code paraaf.itsme.enrolment-purge-interval}, 10 minutes)
 * @param devActivation allow {@code POST /api/dev/itsme/accounts/{id}/activation} (dev profile only)
 */
@Validated
@ConfigurationProperties("paraaf.itsme")
public record ItsmeProperties(
        @NotNull @DefaultValue("pkcs12") KeyStoreKind keyStore,
        @DefaultValue("") String serverSecret,
        @NotNull @DefaultValue("3m") Duration consentLifetime,
        @Min(1) @Max(10) @DefaultValue("5") int maxWrongCodes,
        @Min(SecretCodes.MIN_ITERATIONS) @DefaultValue("210000") int codeHashIterations,
        @NotNull @DefaultValue("60s") Duration channelClockSkew,
        @NotNull @DefaultValue("30s") Duration sadLifetime,
        @Valid @DefaultValue Pkcs11 pkcs11,
        @NotNull @DefaultValue("24h") Duration enrolmentLifetime) {

    public enum KeyStoreKind {
        PKCS12, DATABASE, PKCS11
    }

    /**
     * SunPKCS11 settings for {@code key-store=pkcs11}.
     *
     * @param library the PKCS#11 module (SoftHSM2's by default; an HSM vendor's in production)
     * @param slot the token's slot id ({@code softhsm2-util --show-slots}); -1 = the first slot
     * @param pin the token's user PIN
     */
    public record Pkcs11(@DefaultValue("/usr/lib/softhsm/libsofthsm2.so") String library,
            @DefaultValue("-1") long slot, @DefaultValue("") String pin) {
    }

    public ItsmeProperties {
        if (consentLifetime != null && (consentLifetime.isNegative() || consentLifetime.isZero()
                || consentLifetime.compareTo(Duration.ofMinutes(3)) > 0)) {
            throw new IllegalArgumentException("paraaf.itsme.consent-lifetime must be between 0 and 3 minutes");
        }
        if (serverSecret != null && !serverSecret.isEmpty() && serverSecret.length() < 32) {
            throw new IllegalArgumentException("paraaf.itsme.server-secret must have at least 32 characters");
        }
        if (sadLifetime != null && (sadLifetime.isNegative() || sadLifetime.compareTo(Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("paraaf.itsme.sad-lifetime must be between 0 and 5 minutes");
        }
    }

    /** Defaults, for tests and code outside Spring. */
    public static ItsmeProperties defaults() {
        return new ItsmeProperties(KeyStoreKind.PKCS12, "", Duration.ofMinutes(3), 5, SecretCodes.MIN_ITERATIONS,
                Duration.ofSeconds(60), Duration.ofSeconds(30),
                new Pkcs11("/usr/lib/softhsm/libsofthsm2.so", -1, ""), Duration.ofHours(24));
    }
}
