package be.paraaf.request;

/** Life of a signing request: DRAFT → IN_PROGRESS → COMPLETED, or DECLINED / EXPIRED / CANCELLED. */
public enum RequestState {
    DRAFT, IN_PROGRESS, COMPLETED, DECLINED, EXPIRED, CANCELLED;

    public boolean active() {
        return this == DRAFT || this == IN_PROGRESS;
    }
}
