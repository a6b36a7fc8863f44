package be.paraaf.request;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** A signing request or signer action refused: not found, wrong state, wrong signer, not this signer's turn. */
public class RequestException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    public RequestException(ProblemType type, String detail) {
        this(type.slug(), type.status(), detail);
    }

    public RequestException(String problemType, int status, String detail) {
        super(problemType, status, detail);
    }

    /** A problem of the catalogue, with its status. */
    public RequestException(ProblemType type, String detail, Map<String, Object> properties) {
        this(type.slug(), type.status(), detail, properties);
    }

    public RequestException(String problemType, int status, String detail, Map<String, Object> properties) {
        super(problemType, status, detail, properties, null);
    }
}
