package be.paraaf.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Search criteria (all optional, combined with AND) and one page of results. {@code requestId}: the entry archived
 * for that signing request (a UUID).
 */
public record ArchiveSearch(String nationalNumber, String documentType, String requestId, Instant from, Instant to,
        int page, int size) {

    public static final int MAX_SIZE = 100;

    public ArchiveSearch(String nationalNumber, String documentType, Instant from, Instant to, int page, int size) {
        this(nationalNumber, documentType, null, from, to, page, size);
    }

    public ArchiveSearch {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalStateException("from must not be after to");
        }
        if (nationalNumber != null && !nationalNumber.isBlank()) {
            nationalNumber = be.paraaf.identity.NationalRegisterNumber.parse(nationalNumber).value();
        } else {
            nationalNumber = null;
        }
        documentType = documentType == null || documentType.isBlank() ? null : documentType;
        if (requestId != null && !requestId.isBlank()) {
            try {
                requestId = UUID.fromString(requestId.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("requestId must be a request's id (a UUID)");
            }
        } else {
            requestId = null;
        }
    }

    /** A page of entries (metadata without parts) and the total number of matches. */
    public record Page(List<ArchiveEntry> items, int page, int size, long total) {
    }
}
