package be.paraaf.system;

import java.util.Map;

/**
 * The caller sent something paraaf cannot work with: not a PDF, a damaged or encrypted file, an empty
 * upload, a malformed certificate or signature value. Always a 4xx; the detail says what is wrong.
 */
public class InvalidInputException extends ParaafException {

    public InvalidInputException(String problemType, String detail) {
        super(problemType, 400, detail);
    }

    public InvalidInputException(String problemType, int status, String detail, Map<String, Object> properties,
            Throwable cause) {
        super(problemType, status, detail, properties, cause);
    }

    /** A problem of the catalogue, with its status. */
    public InvalidInputException(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        this(type.slug(), type.status(), detail, properties, cause);
    }

    public InvalidInputException(String problemType, String detail, Throwable cause) {
        super(problemType, 400, detail, Map.of(), cause);
    }
}
