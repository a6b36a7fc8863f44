package be.paraaf.staff;

import be.paraaf.system.ParaafException;
import be.paraaf.system.ProblemType;
import java.util.Map;

/** Something staff asked that cannot be done; the problem type says what. */
public class StaffException extends ParaafException {

    public StaffException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public StaffException(ProblemType type, String detail, Map<String, Object> properties) {
        super(type, detail, properties, null);
    }
}
