package be.paraaf.agent;

import java.util.OptionalInt;

/**
 * Why the card side of an eID signature could not go on. Client-side only (the agent's process): never
 * served as an HTTP problem, so it is not a {@code ParaafException}; the CLI turns each {@link Kind} into
 * its own exit code.
 */
public final class CardException extends RuntimeException {

    /** What went wrong, from the holder's point of view. */
    public enum Kind {
        /** The PKCS#11 module (eID middleware, SoftHSM2) is not installed where we looked. */
        NO_MODULE,
        /** No card in the reader, or the token is not an initialised card. */
        NO_TOKEN,
        /** The token holds no "Signature" key with a certificate. */
        NO_SIGNATURE_KEY,
        /** The PIN was refused; {@link #triesLeft()} says how many tries remain when known. */
        WRONG_PIN,
        /** Too many wrong PINs: the card refuses every PIN until it is unblocked or replaced. */
        BLOCKED,
        /** Anything else the token reported. */
        CARD_ERROR
    }

    private final Kind kind;
    private final Integer triesLeft;

    public CardException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public CardException(Kind kind, String message, Integer triesLeft, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.triesLeft = triesLeft;
    }

    public Kind kind() {
        return kind;
    }

    /** Tries left after a wrong PIN, if the card abstraction knows them (a virtual card does). */
    public OptionalInt triesLeft() {
        return triesLeft == null ? OptionalInt.empty() : OptionalInt.of(triesLeft);
    }
}
