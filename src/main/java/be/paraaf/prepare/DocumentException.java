package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** A document could not be stored or changed as asked: too large, too many pages, already signed, a clash. */
public class DocumentException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    public DocumentException(ProblemType type, String detail) {
        this(type.slug(), type.status(), detail);
    }

    public DocumentException(String problemType, int status, String detail) {
        super(problemType, status, detail);
    }

    /** A problem of the catalogue, with its status. */
    public DocumentException(ProblemType type, String detail, Map<String, Object> properties) {
        this(type.slug(), type.status(), detail, properties);
    }

    public DocumentException(String problemType, int status, String detail, Map<String, Object> properties) {
        super(problemType, status, detail, properties, null);
    }
}
