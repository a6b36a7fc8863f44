package be.paraaf.request;

import be.paraaf.identity.NationalRegisterNumber;
import java.time.Instant;
import java.util.List;

/** What the API shows of requests and signers. National register numbers are masked to their last four digits. */
public final class RequestViews {

    private RequestViews() {
    }

    /**
     * @param signerLinks only in the answer to creation: each signer's personal token, never shown again
     * @param webhookSecret only when this creation made the agency's webhook secret, never shown again
     * @param unsignedFields the document's empty signature fields this request leaves unsigned on purpose
     */
    public record RequestView(String id, String title, String documentId, RequestState state, String signatureLevel,
            int currentStep, Instant expiresAt, String callbackUrl, Instant createdAt, Instant updatedAt,
            List<SignerView> signers, List<String> unsignedFields, List<SignerLink> signerLinks,
            String webhookSecret) {

        static RequestView of(SigningRequest request, List<SignerLink> links, String secret) {
            return new RequestView(request.id(), request.title(), request.documentId(), request.state(),
                    request.level().label(), request.currentStep(), request.expiresAt(), request.callbackUrl(),
                    request.createdAt(), request.updatedAt(),
                    request.signers().stream().map(SignerView::of).toList(), request.unsignedFields(), links, secret);
        }
    }

    public record SignerView(int position, String role, String name, String nationalRegisterNumber, String phone,
            String email, ConsentMethods consentMethods, String fieldName, int step, SignerState state,
            Instant invitedAt, Instant viewedAt, Instant actedAt, int reminderCount, String declineReason) {

        static SignerView of(Signer signer) {
            return new SignerView(signer.position(), signer.role(), signer.name(), mask(signer.number()),
                    signer.phone(), signer.email(), signer.methods(), signer.fieldName(), signer.step(),
                    signer.state(), signer.invitedAt(), signer.viewedAt(), signer.actedAt(), signer.reminderCount(),
                    signer.declineReason());
        }
    }

    /** A signer's personal link: {@code url} is the signer API's base path for the token. */
    public record SignerLink(String role, String token, String url) {
    }

    /** What a signer sees through their link. */
    public record SignerInfo(String requestTitle, RequestState requestState, int currentStep, Instant expiresAt,
            String role, String name, String fieldName, int step, SignerState state, ConsentMethods consentMethods,
            DocumentInfo document) {
    }

    public record DocumentInfo(String name, int pageCount, int version, String sha256, int signatureCount) {
    }

    /** The answer to a signer's eID prepare call (as the plain two-step API, with this signer's complete URL). */
    public record PreparedSignature(String handle, String dataToSign, String digest, String digestAlgorithm,
            String signatureAlgorithm, Instant signingTime, Instant expiresAt, String completeUrl) {
    }

    /** The answer to starting a remote (itsme) consent: the code the citizen must see on both screens. */
    public record ConsentStarted(String consentId, String verificationCode, Instant expiresAt) {
    }

    /** The signer's state after signing or declining. */
    public record SignerOutcome(String role, SignerState state, RequestState requestState, int documentVersion,
            String documentSha256) {
    }

    /** The national register number as lists show it: only the last four digits. */
    public static String mask(NationalRegisterNumber number) {
        String digits = number.value();
        return "*".repeat(7) + digits.substring(7);
    }
}
