package be.paraaf.request;

/** Published when a signing request reaches COMPLETED (every signer signed); handled after the commit. */
public record RequestCompleted(String requestId) {
}
