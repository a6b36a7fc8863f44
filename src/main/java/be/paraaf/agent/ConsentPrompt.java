package be.paraaf.agent;

import java.util.Optional;

/**
 * The agent's own window: for every request it says who asks and what will be signed, and asks the PIN there, so
 * the PIN never passes through the browser. {@link SwingConsentPrompt} is the window a citizen sees; a test
 * implements this interface to read the question and answer it, the same path the window takes.
 */
public interface ConsentPrompt {

    /** What the card will be used for. */
    enum Action {
        /** The Signature key signs a document. */
        SIGN,
        /** The Authentication key answers a login challenge. */
        LOGIN
    }

    /**
     * One request to show.
     *
     * @param origin the web page that asks (scheme://host:port), already on the allow-list
     * @param documentTitle the signing request's title as the service gives it (null for a login)
     * @param documentName the document's file name (null for a login)
     * @param signer who signs, as the service names them (null for a login)
     * @param verificationCode the code the page shows beside its button: the holder checks both match
     */
    record Question(Action action, String origin, String documentTitle, String documentName, String signer,
            String verificationCode) {
    }

    /**
     * Shows {@code question} and waits for the holder: the PIN they typed (the caller clears it after use), or
     * empty if they declined or closed the window.
     */
    Optional<char[]> ask(Question question);
}
