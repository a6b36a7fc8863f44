package be.paraaf.request;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** A signing request or signer action refused: not found, wrong state, wrong signer, not this signer's turn. */
public class RequestException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    public RequestException(ProblemType type, String detail) {
        super(type, detail);
    }

    /** A problem of the catalogue, with its status. */
    public RequestException(ProblemType type, String detail, Map<String, Object> properties) {
        super(type, detail, properties, null);
    }
}
