package be.paraaf.request;

import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.persistence.JobLocks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers webhook events: POST with the HMAC header, every attempt recorded in {@code webhook_deliveries}; a 2xx
 * answer ends it, anything else is retried after an exponentially growing wait until {@code maxAttempts}.
 * The hand-off is Spring Modulith's event publication registry, as for archiving ({@link RequestArchiving}):
 * {@link WebhookDue} is recorded with the commit that made the event and handed to {@link #due(WebhookDue)} after
 * it. A failed attempt leaves the publication incomplete (the listener throws) and sets the event's next attempt
 * in {@code webhook_events}; {@link #resubmitDue()} hands failed publications whose event is due to the listener
 * again, on one node at a time. A publication whose node died is republished at restart or, once stale, by the
 * same job. The consumer is idempotent: it claims the event with a conditional update (a lease of twice the
 * timeout) before sending, and an event that is delivered or given up is not sent again. Redirects are not
 * followed.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Failed publications read per resubmission round (the due ones among them are resubmitted). */
    private static final int RESUBMISSION_BATCH = 500;
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final WebhookService webhooks;
    private final AuditTrail audit;
    private final RequestProperties.Webhooks properties;
    private final Clock clock;
    private final HttpClient http;
    private final FailedEventPublications failed;
    private final JobLocks locks;

    WebhookDispatcher(JdbcClient jdbc, WebhookService webhooks, AuditTrail audit, RequestProperties properties,
            Clock clock, FailedEventPublications failed, JobLocks locks) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.audit = audit;
        this.properties = properties.webhooks();
        this.clock = clock;
        this.failed = failed;
        this.locks = locks;
        this.http = HttpClient.newBuilder().connectTimeout(this.properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Due(String id, String requestId, String type, String callbackUrl, String payload, int attempts,
            Instant nextAttemptAt, String clientId) {
    }

    /**
     * One delivery attempt of the event, after the commit that recorded it (or when resubmitted). Returns when the
     * event is delivered or given up, or was already; throws when it is to be tried again (the publication stays
     * incomplete) or is not due yet.
     */
    @Async
    @TransactionalEventListener
    void due(WebhookDue due) {
        Instant now = clock.instant();
        Optional<Due> event = jdbc.sql("""
                select e.*, r.owner_client_id from webhook_events e join signing_requests r on r.id = e.request_id
                where e.id = ?""")
                .param(due.eventId())
                .query((rs, row) -> new Due(rs.getString("id"), rs.getString("request_id"), rs.getString("event_type"),
                        rs.getString("callback_url"), rs.getString("payload"), rs.getInt("attempts"),
                        RequestRepository.instant(rs, "next_attempt_at"), rs.getString("owner_client_id")))
                .optional();
        if (event.isEmpty() || event.get().nextAttemptAt() == null) {
            return; // delivered or given up already (a repeated hand-off)
        }
        if (event.get().nextAttemptAt().isAfter(now) || !claim(event.get(), now)) {
            throw new NotDue(due.eventId()); // waits for its retry time, or another node is sending it now
        }
        if (!deliver(event.get())) {
            throw new NotDue(due.eventId());
        }
    }

    /**
     * Every {@code paraaf.requests.webhooks.poll-interval} (1 s), on one node: hands the failed webhook publications
     * whose event is due to {@link #due(WebhookDue)} again.
     */
    @Scheduled(fixedDelayString = "${paraaf.requests.webhooks.poll-interval:1s}",
            initialDelayString = "${paraaf.requests.webhooks.poll-interval:1s}")
    void resubmitDue() {
        try {
            locks.run("webhook-resubmission", LOCK_AT_MOST, () -> {
                Set<String> due = new HashSet<>(jdbc.sql("""
                        select id from webhook_events where status = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at fetch first %d rows only""".formatted(RESUBMISSION_BATCH))
                        .param(RequestRepository.utc(clock.instant())).query(String.class).list());
                if (!due.isEmpty()) {
                    failed.resubmit(ResubmissionOptions.defaults().withBatchSize(RESUBMISSION_BATCH)
                            .withFilter(publication -> publication.getEvent() instanceof WebhookDue event
                                    && due.contains(event.eventId())));
                }
            });
        } catch (RuntimeException e) {
            log.warn("resubmitting due webhooks failed; retried on the next round", e);
        }
    }

    private boolean claim(Due event, Instant now) {
        Instant lease = now.plus(properties.timeout().multipliedBy(2));
        return jdbc.sql("""
                update webhook_events set next_attempt_at = ? where id = ? and status = 'PENDING' and attempts = ?
                and next_attempt_at = ?""")
                .params(RequestRepository.utc(lease), event.id(), event.attempts(),
                        RequestRepository.utc(event.nextAttemptAt()))
                .update() == 1;
    }

    /** One attempt, recorded; whether the event is finished (delivered or given up). */
    private boolean deliver(Due event) {
        int attempt = event.attempts() + 1;
        Integer status = null;
        String error = null;
        try {
            String secret = webhooks.secret(event.clientId()).orElseThrow(
                    () -> new IllegalStateException("the agency has no webhook secret"));
            URI callback = URI.create(event.callbackUrl());
            if (!properties.allowPrivateAddresses()) {
                CallbackAddresses.requirePublic(callback);
            }
            HttpRequest request = HttpRequest.newBuilder(callback)
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "paraaf-webhooks")
                    .header("Paraaf-Event", event.type())
                    .header("Paraaf-Event-Id", event.id())
                    .header(WebhookService.SIGNATURE_HEADER, WebhookService.signatureHeader(secret,
                            clock.instant().getEpochSecond(), event.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload())).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | RuntimeException e) {
            error = (e.getClass().getSimpleName() + ": " + e.getMessage());
            error = error.length() > 500 ? error.substring(0, 500) : error;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        Instant now = clock.instant();
        jdbc.sql("""
                insert into webhook_deliveries (event_id, attempt, status_code, error, attempted_at)
                values (?, ?, ?, ?, ?)""")
                .params(event.id(), attempt, status, error, RequestRepository.utc(now)).update();
        String newStatus = delivered ? "DELIVERED" : attempt >= properties.maxAttempts() ? "FAILED" : "PENDING";
        Instant next = newStatus.equals("PENDING") ? now.plus(backoff(attempt)) : null;
        jdbc.sql("update webhook_events set status = ?, attempts = ?, next_attempt_at = ? where id = ?")
                .params(newStatus, attempt, RequestRepository.utc(next), event.id()).update();
        if (!newStatus.equals("PENDING")) {
            audit.append(event.requestId(), delivered ? "webhook.delivered" : "webhook.failed", Actor.SYSTEM, null,
                    Map.of("eventId", event.id(), "eventType", event.type(), "attempts", String.valueOf(attempt),
                            "statusCode", status == null ? "none" : String.valueOf(status)));
        }
        return !newStatus.equals("PENDING");
    }

    /** Leaves the publication incomplete, without a stack trace: nothing went wrong that a log could help with. */
    private static final class NotDue extends RuntimeException {
        NotDue(String eventId) {
            super("webhook event " + eventId + " is to be tried again later", null, false, false);
        }
    }

    /** Wait before attempt {@code failed + 1}: initialBackoff × 2^(failed − 1), at most a day. */
    Duration backoff(int failed) {
        Duration wait = properties.initialBackoff().multipliedBy(1L << Math.min(failed - 1, 20));
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }
}
