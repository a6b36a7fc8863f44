package be.paraaf.archive;

import java.time.Instant;
import java.util.List;

/**
 * The metadata of one archive entry. {@code parts} lists every version of every part, by name and version;
 * {@link #current} picks the newest version of one.
 *
 * @param verdict the signed PDF's validation verdict when it was archived
 * @param timestampsValidUntil when the TSA certificate behind the entry's newest archive time-stamp ends: that of
 *        its evidence-record batch (RFC 4998, renewed per batch by {@link EvidenceRecordService}), or, while the entry
 *        waits for its first batch, that of the archived PDF's own newest time-stamp
 * @param timestampDigest the digest of that time-stamp's hash tree (SHA256, SHA512…), likewise
 * @param renewals the renewals of the entry's evidence record: its batches' time-stamp renewals and its hash-tree
 *        renewals (each a new chain)
 * @param lastRenewedAt when the newest of those renewals was made; null before the first
 */
public record ArchiveEntry(
        String id,
        String ownerClientId,
        String documentType,
        String requestId,
        List<Party> parties,
        Instant archivedAt,
        Instant updatedAt,
        Instant retainUntil,
        boolean legalHold,
        String verdict,
        Instant timestampsValidUntil,
        String timestampDigest,
        int renewals,
        Instant lastRenewedAt,
        List<ArchivePart> parts) {

    public ArchiveEntry {
        parties = List.copyOf(parties);
        // one order everywhere (by name, then version), whether built in memory or read from the database
        parts = parts.stream().sorted(java.util.Comparator.comparing(ArchivePart::name)
                .thenComparingInt(ArchivePart::version)).toList();
    }

    /** The newest version of the part called {@code name}. */
    public ArchivePart current(String name) {
        return parts.stream().filter(part -> part.name().equals(name))
                .max(java.util.Comparator.comparingInt(ArchivePart::version))
                .orElseThrow(() -> new IllegalStateException("entry " + id + " has no part " + name));
    }

    /** The newest version of every part, in a stable order. */
    public List<ArchivePart> currentParts() {
        return parts.stream().map(ArchivePart::name).distinct().sorted().map(this::current).toList();
    }
}
