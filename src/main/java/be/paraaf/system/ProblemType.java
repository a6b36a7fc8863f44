package be.paraaf.system;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every problem type paraaf answers with (RFC 9457): the slug (last segment of
 * {@code https://paraaf.be/problems/<slug>}), the status it is normally sent with and its title. Listed for clients
 * in docs/problems.md; {@code ProblemTypeCatalogueTest} fails when a throw site names a slug missing here. Ordered by
 * slug.
 */
public enum ProblemType {

    ACTUALISATION_DECIDED("actualisation-decided", 409, "Actualisation decided"),
    ACTUALISATION_EXISTS("actualisation-exists", 409, "Actualisation exists"),
    ACTUALISATION_NOT_FOUND("actualisation-not-found", 404, "Actualisation not found"),
    ACTUALISATION_NOT_SIGNED("actualisation-not-signed", 409, "Actualisation not signed"),
    ACTUALISATION_OVERDUE("actualisation-overdue", 409, "Actualisation overdue"),
    API_KEY_CONFIGURED("api-key-configured", 409, "API key configured"),
    APP_ALREADY_ENROLLED("app-already-enrolled", 409, "App already enrolled"),
    APP_NOT_ENROLLED("app-not-enrolled", 404, "App not enrolled"),
    APPROVAL_REPLAYED("approval-replayed", 409, "Approval replayed"),
    ARCHIVE_BLOB_DAMAGED("archive-blob-damaged", 500, "Archive blob damaged"),
    ARCHIVE_ENTRY_NOT_FOUND("archive-entry-not-found", 404, "Archive entry not found"),
    ARCHIVE_LEGAL_HOLD("archive-legal-hold", 409, "Archive legal hold"),
    BAD_REQUEST("bad-request", 400, "Bad request"),
    BULK_SEND_REFUSED("bulk-send-refused", 422, "Bulk send refused"),
    CERTIFICATE_ALREADY_REVOKED("certificate-already-revoked", 409, "Certificate already revoked"),
    CERTIFICATION_NOT_FIRST("certification-not-first", 409, "Certification not first"),
    CITIZEN_LOGIN_REFUSED("citizen-login-refused", 401, "Citizen login refused"),
    CONCURRENT_CHANGE("concurrent-change", 409, "Concurrent change"),
    CONSENT_ALREADY_DECIDED("consent-already-decided", 409, "Consent already decided"),
    CONSENT_EXPIRED("consent-expired", 410, "Consent expired"),
    CONSENT_HASH_MISMATCH("consent-hash-mismatch", 409, "Consent hash mismatch"),
    CONSENT_ID_MISMATCH("consent-id-mismatch", 400, "Consent ID mismatch"),
    CONSENT_METHOD_NOT_ALLOWED("consent-method-not-allowed", 403, "Consent method not allowed"),
    CONSENT_NOT_FOUND("consent-not-found", 404, "Consent not found"),
    CONSENT_NOT_PENDING("consent-not-pending", 404, "Consent not pending"),
    CSRF_TOKEN_INVALID("csrf-token-invalid", 403, "CSRF token invalid"),
    DAMAGED_DOCUMENT("damaged-document", 422, "Damaged document"),
    DEVICE_AUTHENTICATION_FAILED("device-authentication-failed", 401, "Device authentication failed"),
    DOCUMENT_CHANGED("document-changed", 409, "Document changed"),
    DOCUMENT_CONTENT_NOT_FOUND("document-content-not-found", 404, "Document content not found"),
    DOCUMENT_LOCKED("document-locked", 409, "Document locked"),
    DOCUMENT_NOT_FOUND("document-not-found", 404, "Document not found"),
    DOCUMENT_SIGNED("document-signed", 409, "Document signed"),
    DOCUMENT_TOO_COMPLEX("document-too-complex", 422, "Document too complex"),
    DOCUMENT_TOO_LARGE("document-too-large", 413, "Document too large"),
    EMPTY_DOCUMENT("empty-document", 400, "Empty document"),
    ENCRYPTED_DOCUMENT("encrypted-document", 422, "Encrypted document"),
    ENROLMENT_CONTRACT_REFUSED("enrolment-contract-refused", 422, "Enrolment contract refused"),
    EVIDENCE_RECORD_PENDING("evidence-record-pending", 503, "Evidence record pending"),
    FIELD_EXISTS("field-exists", 409, "Field exists"),
    FIELD_OVERLAP("field-overlap", 409, "Field overlap"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", 505, "HTTP version not supported"),
    INPUT_TOO_COMPLEX("input-too-complex", 422, "Input too complex"),
    INSPECTION_TIMEOUT("inspection-timeout", 422, "Inspection timeout"),
    INSUFFICIENT_MEMORY("insufficient-memory", 503, "Insufficient memory"),
    INSUFFICIENT_STORAGE("insufficient-storage", 507, "Insufficient storage"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    INTERRUPTED("interrupted", 503, "Interrupted"),
    INVALID_ACTIVATION("invalid-activation", 400, "Invalid activation"),
    INVALID_ACTUALISATION("invalid-actualisation", 422, "Invalid actualisation"),
    INVALID_ARCHIVE_REQUEST("invalid-archive-request", 400, "Invalid archive request"),
    INVALID_AUDIT_TRAIL("invalid-audit-trail", 422, "Invalid audit trail"),
    INVALID_CALLBACK_URL("invalid-callback-url", 422, "Invalid callback URL"),
    INVALID_CERTIFICATE("invalid-certificate", 400, "Invalid certificate"),
    INVALID_CHOICE("invalid-choice", 422, "Invalid choice"),
    INVALID_CONSENT_REQUEST("invalid-consent-request", 422, "Invalid consent request"),
    INVALID_CSV("invalid-csv", 400, "Invalid CSV"),
    INVALID_DOCUMENT("invalid-document", 422, "Invalid document"),
    INVALID_FIELD_NAME("invalid-field-name", 422, "Invalid field name"),
    INVALID_LEGAL_HOLD("invalid-legal-hold", 400, "Invalid legal hold"),
    INVALID_LEVEL("invalid-level", 422, "Invalid level"),
    INVALID_MULTIPART("invalid-multipart", 400, "Invalid multipart"),
    INVALID_NAME("invalid-name", 400, "Invalid name"),
    INVALID_NATIONAL_REGISTER_NUMBER("invalid-national-register-number", 400, "Invalid national register number"),
    INVALID_PAGING("invalid-paging", 400, "Invalid paging"),
    INVALID_PLACEMENT("invalid-placement", 422, "Invalid placement"),
    INVALID_PUBLIC_KEY("invalid-public-key", 400, "Invalid public key"),
    INVALID_PURPOSE("invalid-purpose", 400, "Invalid purpose"),
    INVALID_QUERY("invalid-query", 400, "Invalid query"),
    INVALID_REASON("invalid-reason", 400, "Invalid reason"),
    INVALID_REQUEST("invalid-request", 422, "Invalid request"),
    INVALID_RESOLUTION("invalid-resolution", 400, "Invalid resolution"),
    INVALID_REVOCATION_REASON("invalid-revocation-reason", 400, "Invalid revocation reason"),
    INVALID_SEARCH("invalid-search", 400, "Invalid search"),
    INVALID_SERIAL("invalid-serial", 400, "Invalid serial"),
    INVALID_SIGNATURE_FIELD("invalid-signature-field", 422, "Invalid signature field"),
    INVALID_SIGNATURE_OPTIONS("invalid-signature-options", 400, "Invalid signature options"),
    INVALID_SIGNATURE_VALUE("invalid-signature-value", 400, "Invalid signature value"),
    INVALID_STATE("invalid-state", 400, "Invalid state"),
    INVALID_TEMPLATE_DATA("invalid-template-data", 422, "Invalid template data"),
    INVALID_TEMPLATE_PACKAGE("invalid-template-package", 422, "Invalid template package"),
    ITSME_ACCOUNT_EXISTS("itsme-account-exists", 409, "itsme account exists"),
    ITSME_ACCOUNT_LOCKED("itsme-account-locked", 423, "itsme account locked"),
    ITSME_ACCOUNT_NOT_ACTIVE("itsme-account-not-active", 409, "itsme account not active"),
    ITSME_ACCOUNT_NOT_AWAITING_EID("itsme-account-not-awaiting-eid", 409, "itsme account not awaiting eID"),
    ITSME_ACCOUNT_NOT_FOUND("itsme-account-not-found", 404, "itsme account not found"),
    ITSME_DEVICE_NOT_FOUND("itsme-device-not-found", 404, "itsme device not found"),
    ITSME_IDENTITY_MISMATCH("itsme-identity-mismatch", 409, "itsme identity mismatch"),
    ITSME_INVALID_ENROLMENT("itsme-invalid-enrolment", 400, "itsme invalid enrolment"),
    ITSME_NO_REMOTE_SIGNING_CA("itsme-no-remote-signing-ca", 503, "itsme no remote signing CA"),
    ITSME_UNAVAILABLE("itsme-unavailable", 503, "itsme unavailable"),
    KEY_UNUSABLE("key-unusable", 500, "Key unusable"),
    LAST_ADMIN("last-admin", 409, "Last admin"),
    LENGTH_REQUIRED("length-required", 411, "Length required"),
    LOGIN_ALREADY_ANSWERED("login-already-answered", 410, "Login already answered"),
    LOGIN_ALREADY_PICKED_UP("login-already-picked-up", 410, "Login already picked up"),
    LOGIN_EXPIRED("login-expired", 410, "Login expired"),
    LOGIN_NOT_FOUND("login-not-found", 404, "Login not found"),
    MEMBER_NOT_FOUND("member-not-found", 404, "Member not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    MISSING_FIELD("missing-field", 400, "Missing field"),
    NO_PAGES("no-pages", 422, "No pages"),
    NO_REMOTE_CREDENTIAL("no-remote-credential", 409, "No remote credential"),
    NOT_A_PDF("not-a-pdf", 415, "Not a PDF"),
    NOT_A_STAFF_MEMBER("not-a-staff-member", 403, "Not a staff member"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    NOT_FOUND("not-found", 404, "Not found"),
    NOT_IMPLEMENTED("not-implemented", 501, "Not implemented"),
    NOT_SIGNED("not-signed", 422, "Not signed"),
    NOT_XML("not-xml", 415, "Not XML"),
    NOT_YOUR_TURN("not-your-turn", 409, "Not your turn"),
    PAGE_NOT_FOUND("page-not-found", 404, "Page not found"),
    PENDING_SIGNATURE_EXPIRED("pending-signature-expired", 404, "Pending signature expired"),
    PENDING_SIGNATURE_NOT_FOUND("pending-signature-not-found", 404, "Pending signature not found"),
    PICKUP_TOKEN_REFUSED("pickup-token-refused", 401, "Pickup token refused"),
    PICTURE_NOT_FOUND("picture-not-found", 404, "Picture not found"),
    PREVIEW_TOO_SLOW("preview-too-slow", 422, "Preview too slow"),
    PREVIEWS_BUSY("previews-busy", 503, "Previews busy"),
    RATE_LIMITED("rate-limited", 429, "Rate limited"),
    REMOTE_CREDENTIAL_MISMATCH("remote-credential-mismatch", 502, "Remote credential mismatch"),
    REMOTE_KEY_UNUSABLE("remote-key-unusable", 422, "Remote key unusable"),
    REMOTE_SIGNING_BUSY("remote-signing-busy", 503, "Remote signing busy"),
    REMOTE_SIGNING_FAILED("remote-signing-failed", 502, "Remote signing failed"),
    REQUEST_HEADER_FIELDS_TOO_LARGE("request-header-fields-too-large", 431, "Request header fields too large"),
    REQUEST_NOT_ACTIVE("request-not-active", 409, "Request not active"),
    REQUEST_NOT_COMPLETED("request-not-completed", 409, "Request not completed"),
    REQUEST_NOT_FOUND("request-not-found", 404, "Request not found"),
    REQUEST_NOT_IN_PROGRESS("request-not-in-progress", 409, "Request not in progress"),
    REQUEST_NOT_STARTED("request-not-started", 409, "Request not started"),
    REQUEST_REJECTED("request-rejected", 400, "Request rejected"),
    REQUEST_TIMEOUT("request-timeout", 408, "Request timeout"),
    ROOT_NOT_REVOCABLE("root-not-revocable", 409, "Root not revocable"),
    SEAL_NOT_CONFIGURED("seal-not-configured", 503, "Seal not configured"),
    SERVER_UNREACHABLE("server-unreachable", 503, "Server unreachable"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    SIGNATURE_ACTIVATION_REFUSED("signature-activation-refused", 403, "Signature activation refused"),
    SIGNATURE_ALREADY_COMPLETED("signature-already-completed", 409, "Signature already completed"),
    SIGNATURE_EXPIRED("signature-expired", 410, "Signature expired"),
    SIGNATURE_HANDLE_NOT_FOUND("signature-handle-not-found", 404, "Signature handle not found"),
    SIGNATURE_TOO_LARGE("signature-too-large", 422, "Signature too large"),
    SIGNATURE_VALUE_MISMATCH("signature-value-mismatch", 422, "Signature value mismatch"),
    SIGNED_DOCUMENT_NOT_CLEANED("signed-document-not-cleaned", 409, "Signed document not cleaned"),
    SIGNER_ALREADY_ACTED("signer-already-acted", 409, "Signer already acted"),
    SIGNER_CERTIFICATE_NOT_ACCEPTABLE("signer-certificate-not-acceptable", 422, "Signer certificate not acceptable"),
    SIGNER_IDENTITY_MISMATCH("signer-identity-mismatch", 403, "Signer identity mismatch"),
    SIGNER_NOT_FOUND("signer-not-found", 404, "Signer not found"),
    SIGNER_NOT_NAMED_IN_DOCUMENT("signer-not-named-in-document", 422, "Signer not named in document"),
    SIGNING_LINK_EXPIRED("signing-link-expired", 410, "Signing link expired"),
    SIGNING_LINK_NOT_FOUND("signing-link-not-found", 404, "Signing link not found"),
    SIGNING_REFUSED("signing-refused", 422, "Signing refused"),
    TIMESTAMP_UNAVAILABLE("timestamp-unavailable", 503, "Time-stamp unavailable"),
    TOO_MANY_PAGES("too-many-pages", 422, "Too many pages"),
    TRUST_SERVICE_UNAVAILABLE("trust-service-unavailable", 502, "Trust service unavailable"),
    UNASSIGNED_SIGNATURE_FIELD("unassigned-signature-field", 422, "Unassigned signature field"),
    UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated"),
    UNKNOWN_CA("unknown-ca", 404, "Unknown CA"),
    UNKNOWN_CERTIFICATE("unknown-certificate", 404, "Unknown certificate"),
    UNKNOWN_POLICY("unknown-policy", 400, "Unknown policy"),
    UNKNOWN_REPORT("unknown-report", 404, "Unknown report"),
    UNKNOWN_TEMPLATE("unknown-template", 404, "Unknown template"),
    UNREADABLE_DOCUMENT("unreadable-document", 422, "Unreadable document"),
    UNSUPPORTED_DOCUMENT("unsupported-document", 415, "Unsupported document"),
    UNSUPPORTED_KEY("unsupported-key", 422, "Unsupported key"),
    UNSUPPORTED_LANGUAGE("unsupported-language", 400, "Unsupported language"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNSUPPORTED_PUBLIC_KEY("unsupported-public-key", 400, "Unsupported public key"),
    UPLOAD_TOO_LARGE("upload-too-large", 413, "Upload too large"),
    URI_TOO_LONG("uri-too-long", 414, "URI too long"),
    VALIDATION_REPORT_NOT_FOUND("validation-report-not-found", 404, "Validation report not found"),
    VALIDATION_TOO_SLOW("validation-too-slow", 422, "Validation too slow"),
    VALIDATIONS_BUSY("validations-busy", 503, "Validations busy"),
    VERIFICATION_CODE_MISMATCH("verification-code-mismatch", 409, "Verification code mismatch"),
    WEAK_KEY("weak-key", 422, "Weak key"),
    WRONG_SECRET_CODE("wrong-secret-code", 403, "Wrong secret code");

    private static final Map<String, ProblemType> BY_SLUG = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::slug, Function.identity()));

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static Optional<ProblemType> of(String slug) {
        return Optional.ofNullable(BY_SLUG.get(slug));
    }

    /** The catalogue's title; for a slug missing from it (a bug the catalogue test catches), the slug in words. */
    public static String titleOf(String slug) {
        return of(slug).map(ProblemType::title).orElseGet(() -> {
            String words = slug.replace('-', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        });
    }

    /** The generic type of a status, for refusals that happen before paraaf's code runs (container, firewall). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 411 -> LENGTH_REQUIRED;
            case 413 -> UPLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
            case 501 -> NOT_IMPLEMENTED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 505 -> HTTP_VERSION_NOT_SUPPORTED;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
