package be.paraaf.request;

import be.paraaf.identity.NationalRegisterNumber;
import java.time.Instant;

/** A row of {@code request_signers}. The link token is not here: only its hash is stored. */
public record Signer(String requestId, int position, String role, String name, NationalRegisterNumber number,
        String phone, String email, ConsentMethods methods, String fieldName, int step, SignerState state,
        Instant invitedAt, Instant viewedAt, Instant actedAt, Instant lastRemindedAt, int reminderCount,
        String declineReason, String language) {
}
