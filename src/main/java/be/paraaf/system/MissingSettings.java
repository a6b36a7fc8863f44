package be.paraaf.system;

import java.util.List;

/**
 * A capability's own account of the settings it lacks outside the demo. At start they are reported in one line;
 * a required one refuses the start when {@code paraaf.startup.require-complete-configuration} is on (profile prod);
 * readiness shows every capability that is off and why.
 */
public interface MissingSettings {

    /** What does not work while the settings are missing, in words, e.g. "seals (POST /api/seals, archive evidence)". */
    String capability();

    /** The settings to set; empty when the capability is configured. */
    List<String> missing();

    /** True if the service should not start without it in production. */
    boolean required();
}
