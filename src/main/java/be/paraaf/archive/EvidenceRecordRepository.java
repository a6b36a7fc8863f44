package be.paraaf.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The evidence-record tables of {@code V30__evidence_records.sql}; callers own the transactions. */
class EvidenceRecordRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EvidenceRecordRepository(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    record Batch(String id, EvidenceRecords.Digest digest, int entries, Instant createdAt, byte[] token,
            Instant validUntil, Instant renewAfter, int renewals, Instant supersededAt) {
    }

    /** One stored leaf: an entry's place in one batch (chain numbers start at 1). */
    record Leaf(String entryId, int chain, String batchId, byte[] reducedHashTree) {
    }

    void enqueue(String entryId, int chain) {
        jdbc.sql("insert into archive_evidence_leaves (entry_id, chain) values (?, ?)").params(entryId, chain)
                .update();
    }

    long countPending() {
        return jdbc.sql("select count(*) from archive_evidence_leaves where batch_id is null").query(Long.class)
                .single();
    }

    /**
     * Entries waiting for a batch after {@code afterId} (keyset paging: slices still being sealed are skipped), with
     * the chain they wait in, in id order. An entry waits in one chain at a time. Ordered by the index's own columns:
     * H2 otherwise sorts every waiting row for each slice (1,000,000 waiting: minutes per slice).
     */
    List<Leaf> pendingAfter(String afterId, int max) {
        return jdbc.sql("select entry_id, chain from archive_evidence_leaves where batch_id is null and entry_id > ? "
                        + "order by batch_id, entry_id limit ?").params(afterId, max)
                .query((rs, row) -> new Leaf(rs.getString(1), rs.getInt(2), null, null)).list();
    }

    /** SHA-256 of the first version of every part of the entries between two ids (inclusive), by entry. */
    Map<String, List<ArchivePart>> firstParts(String fromId, String toId) {
        Map<String, List<ArchivePart>> parts = new LinkedHashMap<>();
        jdbc.sql("select entry_id, name, version, media_type, sha256, size_bytes, created_at from archive_parts "
                        + "where entry_id >= ? and entry_id <= ? and version = 1 order by entry_id, name")
                .params(fromId, toId)
                .query((ResultSet rs) -> {
                    parts.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new ArchivePart(
                            rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                            instant(rs, "created_at")));
                });
        return parts;
    }

    void insertBatch(Batch batch) {
        jdbc.sql("insert into archive_evidence_batches (id, digest_algorithm, entries, created_at, timestamp_token, "
                        + "valid_until, renew_after, renewals) values (?, ?, ?, ?, ?, ?, ?, 0)")
                .params(batch.id(), batch.digest().name(), batch.entries(), time(batch.createdAt()), batch.token(),
                        time(batch.validUntil()), time(batch.renewAfter()))
                .update();
    }

    /** A waiting leaf and its place in a batch. */
    record Placement(String entryId, int chain, byte[] reducedHashTree) {
    }

    /** Puts waiting leaves into a batch (one JDBC batch); false when another run already placed any of them. */
    boolean place(String batchId, List<Placement> placements) {
        int[][] counts = template.batchUpdate("update archive_evidence_leaves set batch_id = ?, reduced_hash_tree = ? "
                        + "where entry_id = ? and chain = ? and batch_id is null", placements, 1000,
                (statement, placement) -> {
                    statement.setString(1, batchId);
                    statement.setBytes(2, placement.reducedHashTree());
                    statement.setString(3, placement.entryId());
                    statement.setInt(4, placement.chain());
                });
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    Optional<Batch> batch(String id) {
        return jdbc.sql("select * from archive_evidence_batches where id = ?").param(id)
                .query((rs, row) -> batch(rs)).optional();
    }

    /** Live batches whose (staggered) renewal date has come, soonest first. */
    List<String> dueForTimestampRenewal(Instant now, int max) {
        return jdbc.sql("select id from archive_evidence_batches where superseded_at is null and renew_after < ? "
                        + "order by renew_after, id limit ?").params(time(now), max).query(String.class).list();
    }

    long countDueForTimestampRenewal(Instant now) {
        return jdbc.sql("select coalesce(sum(entries), 0) from archive_evidence_batches where superseded_at is null "
                + "and renew_after < ?").param(time(now)).query(Long.class).single();
    }

    /** Live batches whose digest algorithm is no longer the configured one (hash-tree renewal), oldest first. */
    List<String> weakBatches(EvidenceRecords.Digest current, int max) {
        return jdbc.sql("select id from archive_evidence_batches where superseded_at is null and digest_algorithm <> ? "
                        + "order by created_at, id limit ?").params(current.name(), max).query(String.class).list();
    }

    long countWeakEntries(EvidenceRecords.Digest current) {
        return jdbc.sql("select coalesce(sum(entries), 0) from archive_evidence_batches where superseded_at is null "
                + "and digest_algorithm <> ?").param(current.name()).query(Long.class).single();
    }

    List<byte[]> renewals(String batchId) {
        return jdbc.sql("select archive_timestamp from archive_evidence_renewals where batch_id = ? order by seq")
                .param(batchId).query((rs, row) -> rs.getBytes(1)).list();
    }

    void addRenewal(String batchId, int seq, byte[] archiveTimestamp, Instant now, Instant validUntil,
            Instant renewAfter) {
        jdbc.sql("insert into archive_evidence_renewals (batch_id, seq, archive_timestamp, created_at) "
                        + "values (?, ?, ?, ?)").params(batchId, seq, archiveTimestamp, time(now)).update();
        jdbc.sql("update archive_evidence_batches set renewals = renewals + 1, valid_until = ?, renew_after = ? "
                + "where id = ?").params(time(validUntil), time(renewAfter), batchId).update();
    }

    void supersede(String batchId, Instant now) {
        jdbc.sql("update archive_evidence_batches set superseded_at = ? where id = ?").params(time(now), batchId)
                .update();
    }

    /** The leaves of one entry, oldest chain first. */
    List<Leaf> leaves(String entryId) {
        return jdbc.sql("select entry_id, chain, batch_id, reduced_hash_tree from archive_evidence_leaves "
                        + "where entry_id = ? order by chain").param(entryId)
                .query((rs, row) -> new Leaf(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4))).list();
    }

    /** The entries of a batch. */
    List<String> members(String batchId) {
        return jdbc.sql("select entry_id from archive_evidence_leaves where batch_id = ? order by entry_id")
                .param(batchId).query(String.class).list();
    }

    /** Any one entry of a batch, or none when retention has deleted them all. */
    Optional<String> anyMember(String batchId) {
        return jdbc.sql("select entry_id from archive_evidence_leaves where batch_id = ? order by entry_id limit 1")
                .param(batchId).query(String.class).optional();
    }

    /** The entry's cached evidence package if it was made for the record with {@code recordSha256}. */
    Optional<byte[]> evidencePackage(String entryId, String recordSha256) {
        return jdbc.sql("select content from archive_evidence_packages where entry_id = ? and record_sha256 = ?")
                .params(entryId, recordSha256).query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** Keeps an entry's evidence package, replacing one made for an earlier record. */
    void keepEvidencePackage(String entryId, String recordSha256, byte[] content, Instant now) {
        jdbc.sql("delete from archive_evidence_packages where entry_id = ?").param(entryId).update();
        jdbc.sql("insert into archive_evidence_packages (entry_id, record_sha256, content, created_at) "
                + "values (?, ?, ?, ?)").params(entryId, recordSha256, content, time(now)).update();
    }

    /** Drops the evidence packages of a batch's entries: their record has just changed. */
    int forgetEvidencePackages(String batchId) {
        return jdbc.sql("delete from archive_evidence_packages where entry_id in "
                + "(select entry_id from archive_evidence_leaves where batch_id = ?)").param(batchId).update();
    }

    void deleteLeaves(String entryId) {
        jdbc.sql("delete from archive_evidence_leaves where entry_id = ?").param(entryId).update();
    }

    private static Batch batch(ResultSet rs) throws SQLException {
        return new Batch(rs.getString("id"), EvidenceRecords.Digest.valueOf(rs.getString("digest_algorithm")),
                rs.getInt("entries"), instant(rs, "created_at"), rs.getBytes("timestamp_token"),
                instant(rs, "valid_until"), instant(rs, "renew_after"), rs.getInt("renewals"),
                instant(rs, "superseded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
