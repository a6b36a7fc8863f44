package be.paraaf.audit;

import java.time.Instant;

/**
 * One link of a request's audit chain. {@code entryHash} is the hex SHA-256 of {@link CanonicalJson#entry}: every
 * other member including {@code previousHash} (64 zeros for the first entry), so changing, removing or
 * reordering an entry breaks every hash after it.
 *
 * @param details canonical JSON object with event-specific facts (reason, consent method, status code…)
 * @param documentSha256 hex SHA-256 of the document version the event concerns; null if none
 */
public record AuditEntry(String requestId, int sequence, String event, String actor, String documentSha256,
        String details, Instant occurredAt, String previousHash, String entryHash) {
}
