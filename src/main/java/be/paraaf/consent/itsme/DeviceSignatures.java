package be.paraaf.consent.itsme;

import be.paraaf.system.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * What the app's device key (ECDSA P-256, SHA256withECDSA, DER signature) signs. Each message is a
 * domain-separated, newline-joined list of fields whose alphabets contain no newline (UUIDs, hex, digits,
 * base64url, E.164 phone numbers), so the encoding is unambiguous and the signature of one kind of
 * message cannot be reused as another (an approval is not a rejection, an enrolment not an approval).
 */
public final class DeviceSignatures {

    public static final String ALGORITHM = "SHA256withECDSA";
    private static final String RAW_ALGORITHM = "SHA256withECDSAinP1363Format";

    private DeviceSignatures() {
    }

    /** Proof of possession of the device key at enrolment. */
    public static byte[] enrolment(String nationalRegisterNumber, String phone) {
        return message("paraaf-itsme-enrol-v1", nationalRegisterNumber, phone);
    }

    /** Approval of one consent: {consent id, hash, nonce}. */
    public static byte[] approval(String consentId, String sha256Hex, String nonce) {
        return message("paraaf-itsme-approve-v1", consentId, sha256Hex, nonce);
    }

    /** Rejection of one consent. */
    public static byte[] rejection(String consentId, String sha256Hex, String nonce) {
        return message("paraaf-itsme-reject-v1", consentId, sha256Hex, nonce);
    }

    /** Authenticates a device on the push channel: {device id, Unix time in seconds}. */
    public static byte[] channel(String deviceId, long epochSecond) {
        return message("paraaf-itsme-channel-v1", deviceId, Long.toString(epochSecond));
    }

    static byte[] message(String purpose, String... fields) {
        StringBuilder text = new StringBuilder(purpose);
        for (String field : fields) {
            if (field == null || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("message field missing or contains a newline");
            }
            text.append('\n').append(field);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a base64 SubjectPublicKeyInfo and accepts only EC P-256. */
    static PublicKey parsePublicKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new ItsmeException(ProblemType.ITSME_INVALID_ENROLMENT,
                    "devicePublicKey is missing: send the device's EC P-256 public key as base64 SubjectPublicKeyInfo.");
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof ECPublicKey ec) || !(ec.getParams().getCurve().getField() instanceof ECFieldFp field)
                    || field.getP().bitLength() != 256) {
                throw new IllegalArgumentException("not a P-256 key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ItsmeException(ProblemType.ITSME_INVALID_ENROLMENT,
                    "The device public key must be a base64 SubjectPublicKeyInfo of an EC P-256 key.");
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length == 0 || signature.length > 80) {
            return false;
        }
        // DER (Java, most phones' keystores) or raw r||s (WebCrypto, IEEE P1363): a 64-byte value is tried as raw first
        return signature.length == 64 && verifies(RAW_ALGORITHM, key, message, signature)
                || verifies(ALGORITHM, key, message, signature);
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is simply not valid
        }
    }
}
