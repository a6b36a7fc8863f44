package be.paraaf.signing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pendingSignatureLifetime how long a prepared two-step signature can be completed
 * @param checkRevocationBeforeSigning refuse to sign with a revoked signer certificate (costs an OCSP
 *        or CRL lookup at prepare time)
 * @param appearanceTimeZone the zone in which the visible signature prints its date and time
 * @param revocationCheckReuse how long a signer certificate found unrevoked is not checked again (0: every time)
 */
@Validated
@ConfigurationProperties("paraaf.signing")
public record SigningProperties(
        @NotNull @DefaultValue("15m") Duration pendingSignatureLifetime,
        @DefaultValue("true") boolean checkRevocationBeforeSigning,
        @NotNull @DefaultValue("Europe/Brussels") ZoneId appearanceTimeZone,
        @NotNull @DefaultValue("1m") Duration revocationCheckReuse) {
}
