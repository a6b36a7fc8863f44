package be.paraaf.system;

import java.util.Map;

/**
 * The caller sent something paraaf cannot work with: not a PDF, a damaged or encrypted file, an empty
 * upload, a malformed certificate or signature value. Always a 4xx; the detail says what is wrong.
 */
public class InvalidInputException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    public InvalidInputException(ProblemType type, String detail) {
        super(type, detail);
    }

    /** A problem of the catalogue, with its status, caused by a library's refusal. */
    public InvalidInputException(ProblemType type, String detail, Throwable cause) {
        super(type, detail, Map.of(), cause);
    }

    /**
     * Only for a type still sent with a neighbouring status (DssErrors: invalid-signature-options as 422, see
     * docs/problems.md); every other site names its catalogue entry.
     */
    public InvalidInputException(String problemType, int status, String detail, Map<String, Object> properties,
            Throwable cause) {
        super(problemType, status, detail, properties, cause);
    }

    /** A problem of the catalogue, with its status. */
    public InvalidInputException(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        super(type, detail, properties, cause);
    }
}
