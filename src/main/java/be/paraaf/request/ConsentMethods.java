package be.paraaf.request;

import java.util.Locale;

/** How a signer may give consent: itsme (remote key, push approval), eID card (two-step) or either. */
public enum ConsentMethods {
    ITSME, EID, EITHER;

    public boolean allows(ConsentMethods method) {
        return this == EITHER || this == method;
    }

    public static ConsentMethods parse(String text) {
        if (text == null || text.isBlank()) {
            return EITHER;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consent methods must be ITSME, EID or EITHER, not " + text);
        }
    }
}
