package be.paraaf.request;

import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due webhook events from the outbox: POST with the HMAC header, every attempt recorded in
 * {@code webhook_deliveries}; a 2xx answer ends it, anything else is retried after an exponentially growing
 * wait until {@code maxAttempts}. Several nodes may run this: an event is claimed with a conditional update
 * (a lease of twice the timeout) before it is sent, so one node sends it. Redirects are not followed.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final WebhookService webhooks;
    private final AuditTrail audit;
    private final RequestProperties.Webhooks properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(JdbcClient jdbc, WebhookService webhooks, AuditTrail audit, RequestProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.audit = audit;
        this.properties = properties.webhooks();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Due(String id, String requestId, String type, String callbackUrl, String payload, int attempts,
            Instant nextAttemptAt, String clientId) {
    }

    @Scheduled(fixedDelayString = "${paraaf.requests.webhooks.poll-interval:1s}",
            initialDelayString = "${paraaf.requests.webhooks.poll-interval:1s}")
    void deliverDue() {
        try {
            deliverDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("webhook delivery round failed; retried on the next round", e);
        }
    }

    /** Delivers what is due at {@code now}; the number of attempts made. */
    int deliverDue(Instant now) {
        List<Due> due = jdbc.sql("""
                select e.*, r.owner_client_id from webhook_events e join signing_requests r on r.id = e.request_id
                where e.status = 'PENDING' and e.next_attempt_at <= ? order by e.next_attempt_at
                fetch first %d rows only""".formatted(BATCH))
                .param(RequestRepository.utc(now))
                .query((rs, row) -> new Due(rs.getString("id"), rs.getString("request_id"), rs.getString("event_type"),
                        rs.getString("callback_url"), rs.getString("payload"), rs.getInt("attempts"),
                        RequestRepository.instant(rs, "next_attempt_at"), rs.getString("owner_client_id")))
                .list();
        int sent = 0;
        for (Due event : due) {
            if (claim(event, now)) {
                deliver(event);
                sent++;
            }
        }
        return sent;
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

    private void deliver(Due event) {
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
    }

    /** Wait before attempt {@code failed + 1}: initialBackoff × 2^(failed − 1), at most a day. */
    Duration backoff(int failed) {
        Duration wait = properties.initialBackoff().multipliedBy(1L << Math.min(failed - 1, 20));
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }
}
