package be.paraaf.archive;

import java.time.Instant;
import java.util.List;

/** Search criteria (all optional, combined with AND) and one page of results. */
public record ArchiveSearch(String nationalNumber, String documentType, Instant from, Instant to, int page,
        int size) {

    public static final int MAX_SIZE = 100;

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
    }

    /** A page of entries (metadata without parts) and the total number of matches. */
    public record Page(List<ArchiveEntry> items, int page, int size, long total) {
    }
}
