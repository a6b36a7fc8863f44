package be.paraaf.notify;

/** A notification could not be delivered (SMTP refused or unreachable); the hand-off that sent it retries. */
public class NotificationException extends RuntimeException {

    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
