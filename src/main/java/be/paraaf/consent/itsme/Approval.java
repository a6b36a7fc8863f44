package be.paraaf.consent.itsme;

/**
 * The app's answer to one consent. {@code deviceSignature} (base64 DER ECDSA) covers
 * {@link DeviceSignatures#approval} or {@link DeviceSignatures#rejection} of {consentId, hash, nonce};
 * {@code code} is the 5-digit secret code (ignored for a rejection). {@code nonce}: 16-64 base64url
 * characters, fresh for every answer.
 */
public record Approval(String consentId, String hash, String nonce, String code, String deviceSignature) {

    @Override
    public String toString() {
        return "Approval[consentId=" + consentId + ", hash=" + hash + ", nonce=" + nonce + "]";
    }
}
