package be.paraaf.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which metadata refers to a blob of the {@link DocumentStore}: documents and their versions, archive parts and
 * pending two-step signatures. Blobs are shared by address, so whoever wants to delete one asks here first.
 */
public final class ContentReferences {

    private ContentReferences() {
    }

    /** Whether any table still names {@code sha256}. */
    public static boolean referenced(JdbcClient jdbc, String sha256) {
        StoredContent.requireSha256(sha256);
        return jdbc.sql("select (select count(*) from archive_parts where sha256 = ?) "
                        + "+ (select count(*) from documents where content_sha256 = ?) "
                        + "+ (select count(*) from document_versions where content_sha256 = ?) "
                        + "+ (select count(*) from pending_signatures where document_sha256 = ?)")
                .params(sha256, sha256, sha256, sha256).query(Long.class).single() > 0;
    }
}
