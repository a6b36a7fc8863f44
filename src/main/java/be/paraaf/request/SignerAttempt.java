package be.paraaf.request;

import java.time.Instant;

/**
 * A signature a signer started: the signing service's handle, the document version it was prepared on, the
 * signing certificate (base64 DER) whose identity was checked, and for remote consent the consent id.
 */
record SignerAttempt(String handle, String requestId, int position, ConsentMethods method, int documentVersion,
        String signerCertificate, String consentId, Instant createdAt, Instant expiresAt, Instant finishedAt) {
}
