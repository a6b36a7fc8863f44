package be.paraaf.archive;

import java.time.Instant;
import java.util.List;

/**
 * The metadata of one archive entry. {@code parts} lists every version of every part, by name and version;
 * {@link #current} picks the newest version of one.
 *
 * @param verdict the signed PDF's validation verdict when it was archived
 * @param timestampsValidUntil when the TSA certificate behind the archived PDF's and sealed evidence's own
 *        time-stamps expires (whichever is earlier); long-term proof comes from the entry's RFC 4998 evidence record,
 *        renewed per batch ({@link EvidenceRecordService}), not from re-extending these files
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
