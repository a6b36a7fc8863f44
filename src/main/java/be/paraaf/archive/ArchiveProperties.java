package be.paraaf.archive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Archive settings ({@code paraaf.archive.*}).
 *
 * @param retention retention period per document type, e.g. {@code lease: 3650d}
 * @param defaultRetention for types not listed in {@code retention}
 */
@Validated
@ConfigurationProperties("paraaf.archive")
public record ArchiveProperties(
        @DefaultValue Map<String, Duration> retention,
        @NotNull @DefaultValue("3650d") Duration defaultRetention,
        @Valid @NotNull @DefaultValue Preservation preservation,
        @Valid @NotNull @DefaultValue RetentionJob retentionJob) {

    public ArchiveProperties {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    public Duration retentionOf(String documentType) {
        return retention.getOrDefault(documentType, defaultRetention);
    }

    /**
     * The re-time-stamping job.
     *
     * @param horizon renew an entry when its newest archive time-stamp's TSA certificate expires within this
     * @param weakDigests time-stamp digest algorithms near their end of life: entries using them are renewed
     *        (with SHA-256) whatever the certificate dates
     * @param batchSize entries per run at most
     */
    public record Preservation(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("6h") Duration interval,
            @NotNull @DefaultValue("180d") Duration horizon,
            @NotNull @DefaultValue({"SHA1", "SHA224", "MD5", "RIPEMD160"}) List<String> weakDigests,
            @Min(1) @DefaultValue("500") int batchSize) {
    }

    /** The retention job: deletes entries past their retention period that are not under legal hold. */
    public record RetentionJob(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1d") Duration interval,
            @Min(1) @DefaultValue("500") int batchSize) {
    }
}
