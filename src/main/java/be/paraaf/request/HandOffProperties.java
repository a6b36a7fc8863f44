package be.paraaf.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The durable "after commit" hand-offs (Spring Modulith's event publication registry; {@link HandOffResubmission}).
 *
 * @param resubmissionInterval how often failed publications are handed to their listener again
 * @param minAge a failed publication waits at least this long before it is resubmitted
 * @param maxAttempts a publication that failed this often is left for an operator (the log and the
 *        {@code event_publication} table show it)
 * @param batchSize publications resubmitted per run at most
 */
@Validated
@ConfigurationProperties("paraaf.hand-offs")
public record HandOffProperties(
        @NotNull @DefaultValue("1m") Duration resubmissionInterval,
        @NotNull @DefaultValue("1m") Duration minAge,
        @Min(1) @Max(1000) @DefaultValue("10") int maxAttempts,
        @Min(1) @Max(10000) @DefaultValue("100") int batchSize) {
}
