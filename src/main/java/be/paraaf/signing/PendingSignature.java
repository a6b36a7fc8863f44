package be.paraaf.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The first half of a two-step signature: what the holder of the key (an eID card, a remote key)
 * must sign. {@code dataToSign} is the DER of the CMS signed attributes (PAdES) or the canonicalised
 * SignedInfo (XAdES); sign it with {@code signatureAlgorithm} (e.g. SHA256withRSA, PKCS#1 v1.5), or
 * sign {@link #digest()} with a raw-hash mechanism (for RSA, wrapped in a DigestInfo).
 *
 * @param handle opaque, unguessable; completes the signature on any node until {@code expiresAt}
 */
public record PendingSignature(String handle, SignatureFormat format, byte[] dataToSign, HashAlgorithm hash,
        String signatureAlgorithm, Instant signingTime, Instant expiresAt) {

    /** The hash of {@code dataToSign}, for signers that only take a digest (CSC signHash, CKM_RSA_PKCS). */
    public byte[] digest() {
        try {
            return MessageDigest.getInstance(hash.javaName()).digest(dataToSign);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
