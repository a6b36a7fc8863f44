package be.paraaf.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultLifetime how long a request runs when the agency gives no expiry
 * @param maxLifetime the latest expiry an agency may ask for, from creation
 * @param jobInterval how often expiry and reminders are checked
 * @param reminderDelay how long an invited signer may stay silent before (each) reminder
 * @param maxReminders reminders per signer at most
 */
@Validated
@ConfigurationProperties("paraaf.requests")
public record RequestProperties(
        @NotNull @DefaultValue("14d") Duration defaultLifetime,
        @NotNull @DefaultValue("365d") Duration maxLifetime,
        @NotNull @DefaultValue("1m") Duration jobInterval,
        @NotNull @DefaultValue("2d") Duration reminderDelay,
        @Min(0) @Max(100) @DefaultValue("3") int maxReminders,
        @Valid @NotNull @DefaultValue Webhooks webhooks) {

    /**
     * @param maxAttempts deliveries tried per event before it is given up
     * @param initialBackoff wait before the second attempt; doubles after each failure
     * @param pollInterval how often failed deliveries that are due again are handed back to delivery
     * @param timeout connect and response timeout of one delivery
     * @param allowPrivateAddresses deliver to loopback, private and link-local addresses too (the embedded
     *        default mode, where receivers run on the same machine); off, such callbacks are refused so an
     *        agency cannot make paraaf call hosts inside its own network
     */
    public record Webhooks(
            @Min(1) @Max(30) @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("10s") Duration initialBackoff,
            @NotNull @DefaultValue("1s") Duration pollInterval,
            @NotNull @DefaultValue("10s") Duration timeout,
            @DefaultValue("false") boolean allowPrivateAddresses) {
    }
}
