package be.paraaf.prepare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code documents} and {@code document_versions} tables. Every read is scoped to the owning client. */
@Repository
class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a document and its versions; the document row names the last one as current. */
    @Transactional
    void create(StoredDocument document, List<DocumentVersion> versions, List<FieldParty> parties) {
        jdbc.sql("""
                insert into documents (id, owner_client_id, name, source, content_sha256, size_bytes, page_count,
                    version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(document.id(), document.ownerClientId(), document.name(), document.source(),
                        document.sha256(), document.size(), document.pageCount(), document.version(),
                        utc(document.createdAt()), utc(document.updatedAt()))
                .update();
        versions.forEach(version -> insertVersion(document.id(), version));
        insertParties(document.id(), parties);
    }

    /**
     * Makes {@code version} current if the document is still at {@code expectedVersion}; false if another
     * change came first (the caller reports a conflict).
     */
    @Transactional
    boolean addVersion(String id, int expectedVersion, DocumentVersion version, int pageCount) {
        int updated = jdbc.sql("""
                update documents set content_sha256 = ?, size_bytes = ?, page_count = ?, version = ?, updated_at = ?
                where id = ? and version = ?""")
                .params(version.sha256(), version.size(), pageCount, version.version(), utc(version.createdAt()), id,
                        expectedVersion)
                .update();
        if (updated == 1) {
            insertVersion(id, version);
        }
        return updated == 1;
    }

    Optional<StoredDocument> find(String id, String ownerClientId) {
        return jdbc.sql("select * from documents where id = ? and owner_client_id = ?").params(id, ownerClientId)
                .query(DocumentRepository::document).optional();
    }

    void insertParties(String id, List<FieldParty> parties) {
        for (FieldParty party : parties) {
            jdbc.sql("""
                    insert into document_field_parties (document_id, field_name, role, name, national_number)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, party.field(), party.role(), party.name(), party.nationalNumber()).update();
        }
    }

    List<FieldParty> parties(String id) {
        return jdbc.sql("select * from document_field_parties where document_id = ? order by field_name").param(id)
                .query((rs, row) -> new FieldParty(rs.getString("field_name"), rs.getString("role"),
                        rs.getString("name"), rs.getString("national_number")))
                .list();
    }

    List<DocumentVersion> versions(String id) {
        return jdbc.sql("select * from document_versions where document_id = ? order by version").param(id)
                .query((rs, row) -> new DocumentVersion(rs.getInt("version"), rs.getString("content_sha256"),
                        rs.getLong("size_bytes"), rs.getString("reason"), instant(rs, "created_at")))
                .list();
    }

    private void insertVersion(String id, DocumentVersion version) {
        jdbc.sql("""
                insert into document_versions (document_id, version, content_sha256, size_bytes, reason, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, version.version(), version.sha256(), version.size(), version.reason(),
                        utc(version.createdAt()))
                .update();
    }

    private static StoredDocument document(ResultSet rs, int row) throws SQLException {
        return new StoredDocument(rs.getString("id"), rs.getString("owner_client_id"), rs.getString("name"),
                rs.getString("source"), rs.getString("content_sha256"), rs.getLong("size_bytes"),
                rs.getInt("page_count"), rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
