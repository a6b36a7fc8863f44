package be.paraaf.actualisation;

import be.paraaf.system.ParaafException;
import be.paraaf.system.ProblemType;
import java.util.Map;

/** A refused actualisation step; its status is the catalogue's. */
public class ActualisationException extends ParaafException {

    ActualisationException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    ActualisationException(ProblemType type, String detail, Map<String, Object> properties) {
        super(type, detail, properties, null);
    }
}
