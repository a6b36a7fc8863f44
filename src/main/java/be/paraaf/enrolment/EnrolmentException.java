package be.paraaf.enrolment;

import be.paraaf.system.ParaafException;
import be.paraaf.system.ProblemType;
import java.util.Map;

/** A refused step of the itsme enrolment contract; its status is the catalogue's. */
public class EnrolmentException extends ParaafException {

    EnrolmentException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    EnrolmentException(ProblemType type, String detail, Map<String, Object> properties) {
        super(type, detail, properties, null);
    }
}
