package be.paraaf.archive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
        @Valid @NotNull @DefaultValue RetentionJob retentionJob,
        @Valid @NotNull @DefaultValue EvidenceRecordSettings evidenceRecords) {

    public ArchiveProperties {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    public Duration retentionOf(String documentType) {
        return retention.getOrDefault(documentType, defaultRetention);
    }

    /**
     * The preservation job (RFC 4998 evidence records, see {@link EvidenceRecordSettings}).
     *
     * @param horizon renew a batch's archive time-stamp when its TSA certificate ends within this (plus its share
     *        of the stagger)
     */
    public record Preservation(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("6h") Duration interval,
            @NotNull @DefaultValue("180d") Duration horizon) {
    }

    /**
     * RFC 4998 evidence records over batches of entries ({@code paraaf.archive.evidence-records.*}).
     *
     * @param digestAlgorithm the hash-tree digest (SHA256, SHA512, SHA3_256, SHA3_512)
     * @param digestWeakensOn from this instant on, {@code digestAlgorithm} counts as weak: every batch still using
     *        it gets a hash-tree renewal with {@code successorDigestAlgorithm} (RFC 4998 §5.2); none = never
     * @param batchSize entries per archive time-stamp at least (larger when the backlog needs it)
     * @param maxBatchesPerRun batches per sealing run: a backlog of N entries is sealed in batches of
     *        max(batchSize, ⌈N / maxBatchesPerRun⌉)
     * @param parallelism batches renewed at once (each waits mostly for its TSA call)
     * @param stagger a batch falls due between {@code horizon + stagger} and {@code horizon} before its TSA
     *        certificate ends, spread by batch, so batches stamped under one certificate do not all fall due at once
     * @param sealOnArchive seal an entry's record right after archiving it (else the next preservation run does)
     */
    public record EvidenceRecordSettings(
            @NotNull @DefaultValue("SHA256") EvidenceRecords.Digest digestAlgorithm,
            java.time.Instant digestWeakensOn,
            @NotNull @DefaultValue("SHA512") EvidenceRecords.Digest successorDigestAlgorithm,
            @Min(1) @DefaultValue("1000") int batchSize,
            @Min(1) @DefaultValue("1000") int maxBatchesPerRun,
            @Min(1) @DefaultValue("4") int parallelism,
            @NotNull @DefaultValue("30d") Duration stagger,
            @DefaultValue("true") boolean sealOnArchive) {

        /** The digest new batches use at {@code now}. */
        public EvidenceRecords.Digest digestAt(java.time.Instant now) {
            return digestWeakensOn != null && !now.isBefore(digestWeakensOn) ? successorDigestAlgorithm
                    : digestAlgorithm;
        }

        /** Entries per batch for a backlog of {@code backlog}. */
        public int batchSizeFor(long backlog) {
            return (int) Math.max(batchSize, Math.min(Integer.MAX_VALUE, (backlog + maxBatchesPerRun - 1)
                    / maxBatchesPerRun));
        }
    }

    /** The retention job: deletes entries past their retention period that are not under legal hold. */
    public record RetentionJob(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1d") Duration interval,
            @Min(1) @DefaultValue("500") int batchSize) {
    }
}
