package be.paraaf.persistence;

/**
 * Where document bytes live: a content-addressed blob store. A blob's id is the lowercase hex SHA-256
 * (FIPS 180-4) of its bytes, so storing the same bytes twice keeps one copy, and a reader can check that
 * what it got is what was stored. Metadata (owner, name, versions) is kept elsewhere, in the database.
 * Implementations: {@link FileDocumentStore} (files under the data directory, the default) and
 * {@link JdbcDocumentStore} (in the database, for several nodes sharing one PostgreSQL).
 */
public interface DocumentStore {

    /** Stores the bytes (idempotent) and returns their address. Durable when this returns. */
    StoredContent put(byte[] content);

    /** The bytes stored under {@code sha256}; a {@link be.paraaf.system.NotFoundException} if there are none. */
    byte[] get(String sha256);

    boolean exists(String sha256);

    /**
     * Removes the bytes stored under {@code sha256}, if any (idempotent). Blobs are write-once: the only reason
     * to call this is the end of a retention period, once no metadata refers to the blob any more.
     *
     * @return whether something was removed
     */
    boolean delete(String sha256);
}
