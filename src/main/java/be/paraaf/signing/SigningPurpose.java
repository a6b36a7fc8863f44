package be.paraaf.signing;

/**
 * The one flow a two-step signature was prepared for. Only that flow can complete it: a handle prepared
 * through a signing request's link never completes on the API clients' open two-step endpoint, in another
 * request, or in an itsme enrolment — so every signature paraaf produces belongs to exactly one purpose and
 * leaves that purpose's trace (request state, audit, enrolment).
 */
public record SigningPurpose(String value) {

    public SigningPurpose {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a signing purpose is required");
        }
    }

    /** The open two-step API, for the authenticated API client {@code clientId}. */
    public static SigningPurpose apiClient(String clientId) {
        return new SigningPurpose("api-client:" + clientId);
    }

    /** The signer at {@code position} of signing request {@code requestId}. */
    public static SigningPurpose requestSigner(String requestId, int position) {
        return new SigningPurpose("request:" + requestId + ":signer:" + position);
    }

    /** The eID signature on the itsme enrolment contract of account {@code accountId}. */
    public static SigningPurpose itsmeEnrolment(String accountId) {
        return new SigningPurpose("itsme-enrolment:" + accountId);
    }
}
