package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/** A rate limit refused a call that a controller checks itself (one whose key is in the body). */
final class RateLimitedException extends ParaafException {

    private final long retryAfterSeconds;
    private final String who;

    RateLimitedException(long retryAfterSeconds, String who) {
        super(ProblemType.RATE_LIMITED, "Too many requests of this kind for " + who + ".", Map.of(), null);
        this.retryAfterSeconds = retryAfterSeconds;
        this.who = who;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    String who() {
        return who;
    }
}
