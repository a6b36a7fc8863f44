package be.paraaf.consent.itsme;

import be.paraaf.system.ProblemType;
import be.paraaf.system.ParaafException;
import java.util.Map;

/**
 * A refusal of the itsme-style consent capability: unknown or inactive account, locked account, expired,
 * replayed or hash-swapped approval, bad device signature, wrong secret code. Each has a stable problem
 * type; the constants below are the ones clients can rely on.
 */
public class ItsmeException extends ParaafException {

    public static final String ACCOUNT_NOT_FOUND = "itsme-account-not-found";
    public static final String ACCOUNT_NOT_ACTIVE = "itsme-account-not-active";
    public static final String ACCOUNT_LOCKED = "itsme-account-locked";
    public static final String ACCOUNT_EXISTS = "itsme-account-exists";
    public static final String INVALID_ENROLMENT = "itsme-invalid-enrolment";
    public static final String IDENTITY_MISMATCH = "itsme-identity-mismatch";
    public static final String NO_REMOTE_SIGNING_CA = "itsme-no-remote-signing-ca";
    public static final String CONSENT_NOT_FOUND = "consent-not-found";
    public static final String CONSENT_EXPIRED = "consent-expired";
    public static final String CONSENT_ALREADY_DECIDED = "consent-already-decided";
    public static final String CONSENT_HASH_MISMATCH = "consent-hash-mismatch";
    public static final String APPROVAL_REPLAYED = "approval-replayed";
    public static final String INVALID_CONSENT_REQUEST = "invalid-consent-request";
    public static final String DEVICE_NOT_FOUND = "itsme-device-not-found";
    public static final String DEVICE_AUTHENTICATION_FAILED = "device-authentication-failed";
    public static final String WRONG_SECRET_CODE = "wrong-secret-code";
    public static final String SIGNATURE_ACTIVATION_REFUSED = "signature-activation-refused";
    public static final String REMOTE_KEY_UNUSABLE = "remote-key-unusable";

    /** A problem of the catalogue, with its status. */
    public ItsmeException(ProblemType type, String detail) {
        super(type, detail);
    }

    /**
     * Only for the three types still sent with a neighbouring status (docs/problems.md): every other site names
     * its catalogue entry and takes that status.
     */
    public ItsmeException(String problemType, int status, String detail) {
        super(problemType, status, detail, Map.of(), null);
    }

    /** A problem of the catalogue, with its status. */
    public ItsmeException(ProblemType type, String detail, Map<String, Object> properties) {
        super(type, detail, properties, null);
    }

    /** A problem of the catalogue, with its status. */
    public ItsmeException(ProblemType type, String detail, Throwable cause) {
        super(type, detail, Map.of(), cause);
    }

    /** As {@link #ItsmeException(String, int, String)}, with the library's failure. */
    public ItsmeException(String problemType, int status, String detail, Throwable cause) {
        super(problemType, status, detail, Map.of(), cause);
    }
}
