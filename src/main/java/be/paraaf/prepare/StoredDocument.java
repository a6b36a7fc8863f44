package be.paraaf.prepare;

import java.time.Instant;

/**
 * A row of {@code documents}: who owns it, where its current bytes are (SHA-256 in the document store).
 *
 * @param source {@code upload} or {@code template:<name>}
 */
record StoredDocument(String id, String ownerClientId, String name, String source, String sha256, long size,
        int pageCount, int version, Instant createdAt, Instant updatedAt) {
}
