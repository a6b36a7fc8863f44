package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** Signing could not be done as asked. The problem type says why; the detail says what to do. */
public class SigningException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    public SigningException(ProblemType type, String detail) {
        super(type, detail);
    }

    /** A problem of the catalogue, with its status. */
    public SigningException(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        super(type, detail, properties, cause);
    }
}
