package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** A document could not be stored or changed as asked: too large, too many pages, already signed, a clash. */
public class DocumentException extends ParaafException {

    /** A problem of the catalogue, with its status. */
    public DocumentException(ProblemType type, String detail) {
        super(type, detail);
    }

    /** A problem of the catalogue, with its status. */
    public DocumentException(ProblemType type, String detail, Map<String, Object> properties) {
        super(type, detail, properties, null);
    }
}
