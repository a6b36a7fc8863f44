package be.paraaf.consent.itsme;

import java.time.Instant;

/**
 * A consent request pushed to the signer's app.
 *
 * @param id opaque, unguessable consent id ({@link ItsmeSigning#outcome})
 * @param verificationCode short code derived from the SHA-256 of the data to be signed; show it on the
 *        web page, the app shows the same one
 * @param expiresAt after this the consent can no longer be approved
 */
public record ConsentRequest(String id, String verificationCode, Instant expiresAt) {
}
