package be.paraaf.request;

/**
 * What became of a {@link RemoteConsent} consent. Published by the adapter as a Spring application event.
 *
 * @param signatureValue for {@link Outcome#APPROVED}: the signature over the {@code dataToSign} bytes, as
 *        {@link java.security.Signature#sign()} returns it (PKCS#1 v1.5 for RSA; DER or raw r||s for ECDSA);
 *        null otherwise
 */
public record RemoteConsentDecision(String consentId, Outcome outcome, byte[] signatureValue) {

    public enum Outcome { APPROVED, REFUSED, EXPIRED }

    public RemoteConsentDecision {
        if (consentId == null || outcome == null) {
            throw new IllegalArgumentException("consent id and outcome are required");
        }
        if (outcome == Outcome.APPROVED && (signatureValue == null || signatureValue.length == 0)) {
            throw new IllegalStateException("an approved consent carries the signature value");
        }
    }
}
