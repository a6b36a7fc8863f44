package be.paraaf.agent;

/**
 * Turns SunPKCS11's failures into {@link CardException}s. SunPKCS11 reports the PKCS#11 return value
 * ({@code CKR_…}, PKCS#11 v2.40 §5.1) only as the message of an internal exception class, so this reads the
 * messages along the cause chain.
 */
final class Pkcs11Errors {

    private Pkcs11Errors() {
    }

    static CardException translate(Throwable failure, String what) {
        String codes = codes(failure);
        if (codes.contains("CKR_PIN_LOCKED")) {
            return new CardException(CardException.Kind.BLOCKED,
                    "The card is blocked (too many wrong PINs); it accepts no PIN until it is unblocked.", 0,
                    failure);
        }
        if (codes.contains("CKR_TOKEN_NOT_PRESENT") || codes.contains("CKR_DEVICE_REMOVED")
                || codes.contains("CKR_TOKEN_NOT_RECOGNIZED") || codes.contains("CKR_USER_PIN_NOT_INITIALIZED")
                || codes.contains("only 0 slots") || codes.contains("slotListIndex")) {
            return new CardException(CardException.Kind.NO_TOKEN,
                    "No eID card found: insert the card in the reader (" + what + ").", null, failure);
        }
        return new CardException(CardException.Kind.CARD_ERROR, "The card reported an error: " + what + ": "
                + (codes.isBlank() ? failure : codes.strip()), null, failure);
    }

    static boolean isPinIncorrect(Throwable failure) {
        String codes = codes(failure);
        return codes.contains("CKR_PIN_INCORRECT") || codes.contains("CKR_PIN_INVALID")
                || codes.contains("CKR_PIN_LEN_RANGE");
    }

    private static String codes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(' ');
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
