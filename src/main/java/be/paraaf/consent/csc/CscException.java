package be.paraaf.consent.csc;

import be.paraaf.system.ParaafException;
import java.util.Map;

/** A CSC provider's refusal or failure, with the provider's OAuth-style {@code error} code when it gave one. */
public class CscException extends ParaafException {

    private final String error;

    CscException(String error, int status, String detail) {
        super("remote-signing-failed", status, detail, Map.of(), null);
        this.error = error;
    }

    /** The provider's error code, e.g. {@code access_denied} when the citizen refused; never null. */
    public String error() {
        return error;
    }

    /** True when the citizen (or the provider on their behalf) refused, rather than something failing. */
    public boolean refused() {
        return "access_denied".equals(error);
    }

    /** True when the citizen did not answer in time. */
    public boolean expired() {
        return "expired".equals(error) || "timeout".equals(error);
    }
}
