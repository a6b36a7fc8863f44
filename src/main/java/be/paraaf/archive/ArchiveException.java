package be.paraaf.archive;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** Archive refusals and failures, each with a stable problem type. */
public class ArchiveException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    ArchiveException(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        super(type, detail, properties, cause);
    }

    static ArchiveException invalid(String detail, Throwable cause) {
        return new ArchiveException(ProblemType.INVALID_ARCHIVE_REQUEST, detail, Map.of(), cause);
    }

    static ArchiveException notFound(String id) {
        // the same answer for "does not exist" and "belongs to someone else": ids are not an oracle
        return new ArchiveException(ProblemType.ARCHIVE_ENTRY_NOT_FOUND,
                "No archive entry " + id + ".", Map.of(), null);
    }

    static ArchiveException onLegalHold(String id) {
        return new ArchiveException(ProblemType.ARCHIVE_LEGAL_HOLD, "Archive entry " + id + " is under legal hold.",
                Map.of("id", id), null);
    }
}
