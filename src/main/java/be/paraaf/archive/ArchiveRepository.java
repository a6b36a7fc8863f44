package be.paraaf.archive;

import be.paraaf.persistence.ContentReferences;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive tables of {@code V4__archive.sql}. Plain SQL that H2 and PostgreSQL both accept. Callers group
 * writes in transactions; this class never commits on its own.
 */
public class ArchiveRepository {

    private static final String ENTRY_COLUMNS = "e.id, e.owner_client_id, e.document_type, e.request_id, "
            + "e.archived_at, e.updated_at, e.retain_until, e.legal_hold, e.verdict, e.timestamps_valid_until, "
            + "e.timestamp_digest, e.renewals, e.last_renewed_at, " + EvidenceState.COLUMNS;

    /**
     * Preservation state lives in the entry's evidence-record batches (renewed per batch, not per entry): the
     * newest sealed chain's batch gives the digest and the end of its newest TSA certificate; renewals are the
     * batches' time-stamp renewals plus one per later chain (hash-tree renewal). Null while the entry waits for its
     * first batch: then the archived PDF's own time-stamps speak ({@code archive_entries}).
     */
    private static final class EvidenceState {
        private static final String NEWEST_BATCH = "from archive_evidence_leaves l join archive_evidence_batches b "
                + "on b.id = l.batch_id where l.entry_id = e.id order by l.chain desc limit 1";
        static final String COLUMNS = "(select b.valid_until " + NEWEST_BATCH + ") as er_valid_until, "
                + "(select b.digest_algorithm " + NEWEST_BATCH + ") as er_digest, "
                + "(select case when count(*) = 0 then null else sum(b.renewals) + count(*) - 1 end "
                + "from archive_evidence_leaves l join archive_evidence_batches b on b.id = l.batch_id "
                + "where l.entry_id = e.id) as er_renewals, "
                + "(select max(r.created_at) from archive_evidence_leaves l join archive_evidence_renewals r "
                + "on r.batch_id = l.batch_id where l.entry_id = e.id) as er_last_timestamp_renewal, "
                + "(select max(b.created_at) from archive_evidence_leaves l join archive_evidence_batches b "
                + "on b.id = l.batch_id where l.entry_id = e.id and l.chain > 1) as er_last_hash_tree_renewal";

        private EvidenceState() {
        }
    }

    private final JdbcClient jdbc;

    public ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A part as the integrity check sees it. */
    public record PartReference(String entryId, String name, int version, String sha256, long size) {
    }

    /** What is left of a deleted entry. */
    public record Tombstone(String id, String ownerClientId, String documentType, Instant archivedAt,
            Instant retainUntil, Instant deletedAt, List<String> partHashes, Instant blobsPurgedAt) {
    }

    /** Inserts an entry with its parties and parts; the caller owns the transaction (and wrote the blobs first). */
    public void insert(ArchiveEntry entry) {
        jdbc.sql("insert into archive_entries (id, owner_client_id, document_type, request_id, archived_at, "
                        + "updated_at, retain_until, legal_hold, verdict, timestamps_valid_until, timestamp_digest, "
                        + "renewals, last_renewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.id(), entry.ownerClientId(), entry.documentType(), entry.requestId(),
                        time(entry.archivedAt()), time(entry.updatedAt()), time(entry.retainUntil()),
                        entry.legalHold(), entry.verdict(), time(entry.timestampsValidUntil()),
                        entry.timestampDigest(), entry.renewals(), time(entry.lastRenewedAt()))
                .update();
        int seq = 0;
        for (Party party : entry.parties()) {
            jdbc.sql("insert into archive_parties (entry_id, seq, name, national_number, role) values (?, ?, ?, ?, ?)")
                    .params(entry.id(), seq++, party.name(), party.nationalNumber(), party.role()).update();
        }
        for (ArchivePart part : entry.parts()) {
            insertPart(entry.id(), part);
        }
    }

    void insertPart(String entryId, ArchivePart part) {
        jdbc.sql("insert into archive_parts (entry_id, name, version, media_type, sha256, size_bytes, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(entryId, part.name(), part.version(), part.mediaType(), part.sha256(), part.size(),
                        time(part.createdAt()))
                .update();
    }

    /** The entry with its parties and every part version, whoever owns it. */
    Optional<ArchiveEntry> find(String id) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from archive_entries e where e.id = ?").param(id)
                .query((rs, row) -> entry(rs, parties(rs.getString("id")), parts(rs.getString("id"))))
                .optional();
    }

    /** The entry if {@code viewer} may see it. */
    Optional<ArchiveEntry> find(ArchiveViewer viewer, String id) {
        return find(id).filter(entry -> viewer instanceof ArchiveViewer.Agency agency
                ? entry.ownerClientId().equals(agency.clientId())
                : entry.parties().stream().anyMatch(party -> ((ArchiveViewer.Citizen) viewer).nationalNumber()
                        .equals(party.nationalNumber())));
    }

    ArchiveSearch.Page search(ArchiveViewer viewer, ArchiveSearch search) {
        StringBuilder where = new StringBuilder(" from archive_entries e where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (viewer instanceof ArchiveViewer.Agency agency) {
            where.append(" and e.owner_client_id = ?");
            params.add(agency.clientId());
        } else if (viewer instanceof ArchiveViewer.Citizen citizen) {
            where.append(" and e.id in (select c.entry_id from archive_parties c where c.national_number = ?)");
            params.add(citizen.nationalNumber());
        }
        if (search.nationalNumber() != null) {
            // IN (not EXISTS): both databases then start from the national-number index, not from every entry
            where.append(" and e.id in (select p.entry_id from archive_parties p where p.national_number = ?)");
            params.add(search.nationalNumber());
        }
        if (search.documentType() != null) {
            where.append(" and e.document_type = ?");
            params.add(search.documentType());
        }
        if (search.requestId() != null) {
            where.append(" and e.request_id = ?");
            params.add(search.requestId());
        }
        if (search.from() != null) {
            where.append(" and e.archived_at >= ?");
            params.add(time(search.from()));
        }
        if (search.to() != null) {
            where.append(" and e.archived_at < ?");
            params.add(time(search.to()));
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(search.size());
        pageParams.add((long) search.page() * search.size());
        List<ArchiveEntry> items = jdbc.sql("select " + ENTRY_COLUMNS + where
                        + " order by e.archived_at desc, e.id limit ? offset ?")
                .params(pageParams)
                .query((rs, row) -> entry(rs, List.of(), List.of())).list()
                .stream().map(entry -> withParties(entry, parties(entry.id()))).toList();
        return new ArchiveSearch.Page(items, search.page(), search.size(), total);
    }

    /** Every part (all versions) of every live entry, for the integrity check. */
    public List<PartReference> allParts() {
        return jdbc.sql("select entry_id, name, version, sha256, size_bytes from archive_parts "
                        + "order by entry_id, name, version")
                .query((rs, row) -> new PartReference(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getLong(5)))
                .list();
    }

    public long countEntries() {
        return jdbc.sql("select count(*) from archive_entries").query(Long.class).single();
    }

    int setLegalHold(String id, boolean hold, Instant now) {
        return jdbc.sql("update archive_entries set legal_hold = ?, updated_at = ? where id = ?")
                .params(hold, time(now), id).update();
    }

    /** Entries past retention and not under legal hold. */
    List<String> expired(Instant now, int max) {
        return jdbc.sql("select id from archive_entries where retain_until < ? and legal_hold = ? "
                        + "order by retain_until, id limit ?")
                .params(time(now), false, max).query(String.class).list();
    }

    /** Replaces the entry by its tombstone and a deletion record (one transaction, the caller's). */
    void tombstone(ArchiveEntry entry, Instant now, String reason) {
        List<String> hashes = entry.parts().stream()
                .map(part -> part.name() + " v" + part.version() + " " + part.sha256()).toList();
        jdbc.sql("insert into archive_tombstones (id, owner_client_id, document_type, archived_at, retain_until, "
                        + "deleted_at, part_hashes) values (?, ?, ?, ?, ?, ?, ?)")
                .params(entry.id(), entry.ownerClientId(), entry.documentType(), time(entry.archivedAt()),
                        time(entry.retainUntil()), time(now), String.join("\n", hashes))
                .update();
        jdbc.sql("insert into archive_deletions (entry_id, deleted_at, reason) values (?, ?, ?)")
                .params(entry.id(), time(now), reason).update();
        jdbc.sql("delete from archive_evidence_packages where entry_id = ?").param(entry.id()).update();
        jdbc.sql("delete from archive_evidence_leaves where entry_id = ?").param(entry.id()).update();
        jdbc.sql("delete from archive_parts where entry_id = ?").param(entry.id()).update();
        jdbc.sql("delete from archive_parties where entry_id = ?").param(entry.id()).update();
        jdbc.sql("delete from archive_entries where id = ?").param(entry.id()).update();
    }

    Optional<Tombstone> tombstone(String id) {
        return jdbc.sql("select id, owner_client_id, document_type, archived_at, retain_until, deleted_at, "
                        + "part_hashes, blobs_purged_at from archive_tombstones where id = ?").param(id)
                .query((rs, row) -> tombstone(rs)).optional();
    }

    List<Tombstone> tombstonesAwaitingPurge(int max) {
        return jdbc.sql("select id, owner_client_id, document_type, archived_at, retain_until, deleted_at, "
                        + "part_hashes, blobs_purged_at from archive_tombstones where blobs_purged_at is null "
                        + "order by deleted_at, id limit ?").param(max)
                .query((rs, row) -> tombstone(rs)).list();
    }

    void markPurged(String id, int blobsDeleted, Instant now) {
        jdbc.sql("update archive_tombstones set blobs_purged_at = ? where id = ?").params(time(now), id).update();
        jdbc.sql("update archive_deletions set blobs_deleted = ? where entry_id = ?").params(blobsDeleted, id).update();
    }

    /**
     * Whether anything else still refers to these bytes: a live archive part or a document of the
     * {@code prepare} capability (V1 tables). Capabilities that add their own references to the shared blob
     * store must be added here before retention may delete blobs they use.
     */
    boolean referenced(String sha256) {
        return ContentReferences.referenced(jdbc, sha256);
    }

    private List<Party> parties(String entryId) {
        return jdbc.sql("select name, national_number, role from archive_parties where entry_id = ? order by seq")
                .param(entryId)
                .query((rs, row) -> new Party(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private List<ArchivePart> parts(String entryId) {
        return jdbc.sql("select name, version, media_type, sha256, size_bytes, created_at from archive_parts "
                        + "where entry_id = ? order by name, version").param(entryId)
                .query((rs, row) -> new ArchivePart(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), instant(rs, "created_at")))
                .list();
    }

    private static ArchiveEntry entry(ResultSet rs, List<Party> parties, List<ArchivePart> parts) throws SQLException {
        Instant sealedUntil = instant(rs, "er_valid_until");
        boolean sealed = sealedUntil != null;
        Instant timestampRenewal = instant(rs, "er_last_timestamp_renewal");
        Instant hashTreeRenewal = instant(rs, "er_last_hash_tree_renewal");
        Instant lastRenewal = timestampRenewal == null ? hashTreeRenewal : hashTreeRenewal == null ? timestampRenewal
                : java.util.Collections.max(List.of(timestampRenewal, hashTreeRenewal));
        return new ArchiveEntry(rs.getString("id"), rs.getString("owner_client_id"), rs.getString("document_type"),
                rs.getString("request_id"), parties, instant(rs, "archived_at"), instant(rs, "updated_at"),
                instant(rs, "retain_until"), rs.getBoolean("legal_hold"), rs.getString("verdict"),
                sealed ? sealedUntil : instant(rs, "timestamps_valid_until"),
                sealed ? rs.getString("er_digest") : rs.getString("timestamp_digest"),
                sealed ? rs.getInt("er_renewals") : rs.getInt("renewals"),
                sealed ? lastRenewal : instant(rs, "last_renewed_at"), parts);
    }

    private static ArchiveEntry withParties(ArchiveEntry e, List<Party> parties) {
        return new ArchiveEntry(e.id(), e.ownerClientId(), e.documentType(), e.requestId(), parties, e.archivedAt(),
                e.updatedAt(), e.retainUntil(), e.legalHold(), e.verdict(), e.timestampsValidUntil(),
                e.timestampDigest(), e.renewals(), e.lastRenewedAt(), e.parts());
    }

    private static Tombstone tombstone(ResultSet rs) throws SQLException {
        return new Tombstone(rs.getString("id"), rs.getString("owner_client_id"), rs.getString("document_type"),
                instant(rs, "archived_at"), instant(rs, "retain_until"), instant(rs, "deleted_at"),
                List.of(rs.getString("part_hashes").split("\n")), instant(rs, "blobs_purged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
