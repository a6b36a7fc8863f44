package be.paraaf.request;

import be.paraaf.signing.SignatureLevel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A row of {@code signing_requests} with its signers, in position order; {@code unsignedFields} are the document's
 * empty signature fields the agency chose to leave unsigned; notices to the agency go to {@code notificationEmail}
 * in {@code notificationLanguage} (nl, fr, en; null: nl).
 */
public record SigningRequest(String id, String ownerClientId, String documentId, String title, SignatureLevel level,
        RequestState state, int currentStep, String callbackUrl, Instant expiresAt, Instant createdAt,
        Instant updatedAt, int rowVersion, List<Signer> signers, List<String> unsignedFields,
        String notificationEmail, String notificationLanguage) {

    public SigningRequest {
        signers = List.copyOf(signers);
        unsignedFields = List.copyOf(unsignedFields);
    }

    public Optional<Signer> signer(int position) {
        return signers.stream().filter(signer -> signer.position() == position).findFirst();
    }

    /** The request is under way, {@code signer} belongs to the current step and has been invited (or viewed). */
    public boolean isTurnOf(Signer signer) {
        return state == RequestState.IN_PROGRESS && signer.step() == currentStep && signer.state().turn();
    }

    /** The step after {@code step} that has signers, if any. */
    Optional<Integer> stepAfter(int step) {
        return signers.stream().map(Signer::step).filter(s -> s > step).min(Integer::compare);
    }

    int firstStep() {
        return signers.stream().mapToInt(Signer::step).min().orElse(1);
    }

    SigningRequest with(List<Signer> newSigners) {
        return new SigningRequest(id, ownerClientId, documentId, title, level, state, currentStep, callbackUrl,
                expiresAt, createdAt, updatedAt, rowVersion, newSigners, unsignedFields,
                notificationEmail, notificationLanguage);
    }
}
