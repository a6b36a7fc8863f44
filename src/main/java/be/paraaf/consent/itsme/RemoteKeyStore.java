package be.paraaf.consent.itsme;

import java.security.PublicKey;

/**
 * Where the users' remote signing keys live (the "signature activation module" side of CEN EN 419 241-1):
 * the service can create a key for an account, and can make it sign only with valid, unused
 * {@link SignatureActivationData} bound to that key and to the hash of exactly the data being signed.
 * Implementations: one encrypted PKCS#12 file per account ({@code paraaf.itsme.key-store=pkcs12}) or a
 * PKCS#11 token through SunPKCS11 ({@code pkcs11}; SoftHSM2 in tests, an HSM in production).
 */
public interface RemoteKeyStore {

    /** Creates a new EC P-256 key pair under {@code alias} and returns its public key. */
    PublicKey createKey(String alias);

    /** Deletes the key under {@code alias} (an enrolment never confirmed); nothing if there is none. */
    void deleteKey(String alias);

    /**
     * Signs {@code dataToSign} with {@code algorithm} (e.g. SHA256withECDSA) after consuming {@code sad}.
     *
     * @throws ItsmeException 403 {@code signature-activation-refused} when the SAD is missing, used, expired
     *         or bound to another key or other data — nothing is signed then
     */
    byte[] sign(String alias, SignatureActivationData sad, byte[] dataToSign, String algorithm);
}
