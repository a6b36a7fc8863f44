package be.paraaf.consent.itsme;

/**
 * Published (Spring {@code ApplicationEventPublisher}) when a consent leaves PENDING: approved, rejected,
 * expired or locked. A requester listens with {@code @EventListener} and completes the signature with the
 * approved signature value. Delivered synchronously on the node that decided; other nodes poll
 * {@link ItsmeSigning#outcome}.
 */
public record ConsentDecided(String consentId, ConsentOutcome outcome) {
}
