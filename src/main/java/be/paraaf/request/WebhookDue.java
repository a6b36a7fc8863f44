package be.paraaf.request;

/**
 * A webhook event to deliver, published in the transaction that records it ({@code webhook_events}); Spring
 * Modulith's event publication registry keeps it until {@link WebhookDispatcher} delivered it or gave up.
 */
record WebhookDue(String eventId) {
}
