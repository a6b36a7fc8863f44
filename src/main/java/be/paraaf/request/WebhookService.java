package be.paraaf.request;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks to an agency's callback URL. An event is recorded in {@code webhook_events} (the delivery log the agency
 * reads, with its retry schedule) and published as {@link WebhookDue} in the same transaction as the state change
 * it reports: Spring Modulith's event publication registry records the publication with that commit, so the event
 * is never lost and never blocks the change; the {@link WebhookDispatcher} delivers it after the commit. Bodies are signed like Stripe's: header
 * {@code Paraaf-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 over "t.body">} with the agency's secret.
 */
@Service
public class WebhookService {

    public static final String SIGNATURE_HEADER = "Paraaf-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WebhookService(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** One delivery attempt as recorded. */
    public record Delivery(String eventId, String eventType, int attempt, Integer statusCode, String error,
            Instant attemptedAt) {
    }

    /** An event and its delivery state. */
    public record Event(String id, String type, String status, int attempts, Instant createdAt,
            Instant nextAttemptAt, List<Delivery> deliveries) {
    }

    /**
     * Records an event for {@code request} and hands it to delivery (nothing if it has no callback URL); called in
     * the transaction that changes the request.
     */
    void enqueue(SigningRequest request, String type, Signer signer) {
        if (request.callbackUrl() == null) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("createdAt", now.toString());
        body.put("requestId", request.id());
        body.put("requestState", request.state().name());
        if (signer != null) {
            body.put("signer", Map.of("role", signer.role(), "state", signer.state().name()));
        }
        jdbc.sql("""
                insert into webhook_events (id, request_id, event_type, callback_url, payload, created_at, status,
                    attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""")
                .params(id, request.id(), type, request.callbackUrl(), json.writeValueAsString(body),
                        RequestRepository.utc(now), RequestRepository.utc(now))
                .update();
        events.publishEvent(new WebhookDue(id));
    }

    /** Creates the agency's secret if it has none; the new secret, or empty if one existed. */
    Optional<String> ensureSecret(String clientId) {
        if (secret(clientId).isPresent()) {
            return Optional.empty();
        }
        String secret = newSecret();
        jdbc.sql("insert into webhook_secrets (client_id, secret, created_at) values (?, ?, ?)")
                .params(clientId, secret, RequestRepository.utc(clock.instant())).update();
        return Optional.of(secret);
    }

    /** Replaces the agency's secret; shown to the caller once. */
    public String rotateSecret(String clientId) {
        String secret = newSecret();
        if (jdbc.sql("update webhook_secrets set secret = ?, created_at = ? where client_id = ?")
                .params(secret, RequestRepository.utc(clock.instant()), clientId).update() == 0) {
            jdbc.sql("insert into webhook_secrets (client_id, secret, created_at) values (?, ?, ?)")
                    .params(clientId, secret, RequestRepository.utc(clock.instant())).update();
        }
        return secret;
    }

    Optional<String> secret(String clientId) {
        return jdbc.sql("select secret from webhook_secrets where client_id = ?").param(clientId)
                .query(String.class).optional();
    }

    /** Events and delivery attempts of one request (ownership checked by the caller). */
    List<Event> events(String requestId) {
        List<Delivery> deliveries = jdbc.sql("""
                select d.*, e.event_type from webhook_deliveries d join webhook_events e on e.id = d.event_id
                where e.request_id = ? order by d.attempted_at, d.attempt""")
                .param(requestId).query(WebhookService::delivery).list();
        return jdbc.sql("select * from webhook_events where request_id = ? order by created_at, id").param(requestId)
                .query((rs, row) -> {
                    String id = rs.getString("id");
                    return new Event(id, rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
                            RequestRepository.instant(rs, "created_at"),
                            RequestRepository.instant(rs, "next_attempt_at"),
                            deliveries.stream().filter(d -> d.eventId().equals(id)).toList());
                })
                .list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("status_code");
        Integer status = rs.wasNull() ? null : code; // no answer (connection refused, timeout)
        return new Delivery(rs.getString("event_id"), rs.getString("event_type"), rs.getInt("attempt"), status,
                rs.getString("error"), RequestRepository.instant(rs, "attempted_at"));
    }

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public static String signatureHeader(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "whsec_" + HexFormat.of().formatHex(random);
    }
}
