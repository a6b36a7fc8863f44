package be.paraaf.prepare;

import java.time.Instant;

/**
 * One version of a document's bytes. Versions are never changed or removed; a change (active content
 * removed, a field added) adds a version and moves the document's current pointer.
 */
public record DocumentVersion(int version, String sha256, long size, String reason, Instant createdAt) {
}
