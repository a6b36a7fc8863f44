package be.paraaf.agent;

/**
 * The paraaf service refused a call or could not be reached. Carries the RFC 9457 problem's {@code type},
 * {@code title} and {@code detail} when the answer was a problem document.
 */
public final class ServerProblemException extends RuntimeException {

    private static final String EXPIRED = "pending-signature-expired";
    private static final String UNKNOWN_HANDLE = "pending-signature-not-found";
    private static final String LOGIN_EXPIRED = "login-expired";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    public ServerProblemException(int status, String type, String title, String detail) {
        super(describe(status, title, detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    /** The server could not be reached at all (status 0). */
    public static ServerProblemException unreachable(String url, Throwable cause) {
        ServerProblemException e = new ServerProblemException(0, null, "Server unreachable",
                "cannot reach " + url + " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage()) + ")");
        e.initCause(cause);
        return e;
    }

    /** True if the prepared signature's handle expired or is unknown: prepare again. */
    public boolean handleExpired() {
        return type != null && (type.endsWith("/" + EXPIRED) || type.endsWith("/" + UNKNOWN_HANDLE));
    }

    /** True if a citizen's eID login expired before the card answered: the page must start a new one. */
    public boolean loginExpired() {
        return type != null && type.endsWith("/" + LOGIN_EXPIRED);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    private static String describe(int status, String title, String detail) {
        StringBuilder text = new StringBuilder(status == 0 ? "" : "HTTP " + status + " ");
        text.append(title == null || title.isBlank() ? "error" : title);
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
