package be.paraaf.consent.itsme;

/** The new account (state PENDING_EID_CONFIRMATION) and the device the app signs with. */
public record EnrolmentResult(String accountId, String deviceId, AccountState state) {
}
