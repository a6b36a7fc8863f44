package be.paraaf.system;

import java.util.Map;

/**
 * Root of paraaf's unchecked exceptions. Each capability has a small hierarchy below it; every
 * exception carries a stable problem type (the last segment of an RFC 9457 {@code type} URI), an
 * HTTP status and optional extra members for the problem document. Library exceptions (DSS,
 * PDFBox, JDK) are translated into one of these at the adapter that catches them.
 */
public abstract class ParaafException extends RuntimeException {

    private final String problemType;
    private final int status;
    private final Map<String, Object> properties;

    protected ParaafException(String problemType, int status, String detail, Map<String, Object> properties,
            Throwable cause) {
        super(detail, cause);
        this.problemType = problemType;
        this.status = status;
        this.properties = Map.copyOf(properties);
    }

    protected ParaafException(String problemType, int status, String detail) {
        this(problemType, status, detail, Map.of(), null);
    }

    /** A problem of the catalogue: its slug and status come from there, so the throw site never picks a status. */
    protected ParaafException(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        this(type.slug(), type.status(), detail, properties, cause);
    }

    /** A problem of the catalogue without extra members. */
    protected ParaafException(ProblemType type, String detail) {
        this(type, detail, Map.of(), null);
    }

    /** Stable slug, e.g. {@code not-a-pdf}; published as {@code https://paraaf.be/problems/not-a-pdf}. */
    public String problemType() {
        return problemType;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
