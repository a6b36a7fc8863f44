package be.paraaf.agent;

/**
 * Who counts wrong PINs. A real Belgian eID card counts them in its chip and blocks itself after three
 * ({@link #chipEnforced()}: nothing to do here); SoftHSM2 never blocks, so a virtual card counts them in a
 * file next to its token ({@link PinTryCounter}). {@link CardSigner} runs every C_Login through the guard.
 */
public interface PinGuard {

    /** One login attempt: returns true if the token accepted the PIN, false if it said CKR_PIN_INCORRECT. */
    @FunctionalInterface
    interface LoginAttempt {
        boolean tryPin();
    }

    /**
     * Runs {@code attempt} unless the card is blocked; a refused PIN becomes a {@link CardException} of kind
     * {@code WRONG_PIN} (with tries left when known) or {@code BLOCKED}.
     */
    void login(LoginAttempt attempt);

    /** The card enforces the PIN try limit itself (a real eID card); tries left are not visible here. */
    static PinGuard chipEnforced() {
        return attempt -> {
            if (!attempt.tryPin()) {
                throw new CardException(CardException.Kind.WRONG_PIN,
                        "Wrong PIN. The card blocks itself after 3 wrong PINs in a row.");
            }
        };
    }
}
