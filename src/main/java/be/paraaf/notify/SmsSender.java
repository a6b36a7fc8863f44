package be.paraaf.notify;

/**
 * Sends a short text message to a phone number (E.164 or Belgian national format). A port: paraaf has no SMS
 * provider configured; the only adapter, {@link LoggingSmsSender}, logs that no provider is configured and sends
 * nothing.
 */
public interface SmsSender {

    /** Whether a provider is configured; callers skip the work of an SMS (a new link) when not. */
    boolean available();

    /** Sends {@code text} to {@code phone}; false when nothing was sent (no provider). */
    boolean send(String phone, String text);
}
