package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** Signing could not be done as asked. The problem type says why; the detail says what to do. */
public class SigningException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    public SigningException(ProblemType type, String detail) {
        this(type.slug(), type.status(), detail);
    }

    public SigningException(String problemType, int status, String detail) {
        super(problemType, status, detail);
    }

    /** A problem of the catalogue, with its status. */
    public SigningException(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        this(type.slug(), type.status(), detail, properties, cause);
    }

    public SigningException(String problemType, int status, String detail, Map<String, Object> properties,
            Throwable cause) {
        super(problemType, status, detail, properties, cause);
    }

    static SigningException unprocessable(String problemType, String detail) {
        return new SigningException(problemType, 422, detail);
    }
}
