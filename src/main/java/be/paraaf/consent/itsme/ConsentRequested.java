package be.paraaf.consent.itsme;

/**
 * Published when a consent request is created, so the push channel can notify the account's devices
 * that are connected to this node.
 */
public record ConsentRequested(String accountId, PendingConsent consent) {
}
