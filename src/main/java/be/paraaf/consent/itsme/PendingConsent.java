package be.paraaf.consent.itsme;

import java.time.Instant;

/**
 * What the app shows for a pending consent: the document title and the verification code, plus the hash
 * the app signs in its approval (hex SHA-256 of the data to be signed).
 */
public record PendingConsent(String consentId, String documentTitle, String hash, String verificationCode,
        Instant expiresAt) {
}
