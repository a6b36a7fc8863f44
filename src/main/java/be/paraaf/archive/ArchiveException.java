package be.paraaf.archive;

import be.paraaf.system.ParaafException;
import java.util.Map;

/** Archive refusals and failures, each with a stable problem type. */
public class ArchiveException extends ParaafException {

    ArchiveException(String problemType, int status, String detail, Map<String, Object> properties, Throwable cause) {
        super(problemType, status, detail, properties, cause);
    }

    static ArchiveException invalid(String detail, Throwable cause) {
        return new ArchiveException("invalid-archive-request", 400, detail, Map.of(), cause);
    }

    static ArchiveException notFound(String id) {
        // the same answer for "does not exist" and "belongs to someone else": ids are not an oracle
        return new ArchiveException("archive-entry-not-found", 404, "No archive entry " + id + ".", Map.of(), null);
    }

    static ArchiveException onLegalHold(String id) {
        return new ArchiveException("archive-legal-hold", 409, "Archive entry " + id + " is under legal hold.",
                Map.of("id", id), null);
    }
}
