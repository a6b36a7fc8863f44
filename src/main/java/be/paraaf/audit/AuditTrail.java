package be.paraaf.audit;

import be.paraaf.system.Digests;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Append-only, hash-chained audit trail per signing request (the {@code audit_entries} table). Each entry
 * carries the SHA-256 of the previous one, so {@link #verify} finds any entry changed, removed or inserted
 * after the fact. Appends join the caller's transaction (an event is recorded exactly when its state change
 * commits) through a savepoint: when another node appended the same sequence number first, the primary key
 * refuses the second, only the savepoint rolls back, and the append is retried on top of the winner.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z.-]{1,39}");
    private static final int MAX_TRIES = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Appends an event to {@code requestId}'s chain.
     *
     * @param event e.g. {@code request.created}, {@code signer.signed}, {@code webhook.delivered}
     * @param documentSha256 the document version concerned, or null
     */
    public AuditEntry append(String requestId, String event, Actor actor, String documentSha256,
            Map<String, String> details) {
        if (!EVENT.matcher(event).matches()) {
            throw new IllegalArgumentException("audit event names are lowercase words with '.' or '-': " + event);
        }
        String detailsJson = CanonicalJson.object(details);
        for (int attempt = 1; ; attempt++) {
            try {
                return savepoint.execute(status -> insertNext(requestId, event, actor.value(), documentSha256,
                        detailsJson));
            } catch (DuplicateKeyException e) {
                if (attempt >= MAX_TRIES) {
                    throw new IllegalStateException("audit append kept colliding for request " + requestId, e);
                }
                backOff(attempt);
            }
        }
    }

    /** Random, growing pauses so appenders that collided (other threads, other nodes) stop colliding. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to an audit trail", e);
        }
    }

    private AuditEntry insertNext(String requestId, String event, String actor, String documentSha256,
            String details) {
        Optional<AuditEntry> last = jdbc.sql("""
                select * from audit_entries where request_id = ? order by sequence desc fetch first 1 rows only""")
                .param(requestId).query(AuditTrail::entry).optional();
        int sequence = last.map(entry -> entry.sequence() + 1).orElse(1);
        String previous = last.map(AuditEntry::entryHash).orElse(GENESIS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(requestId, sequence, event, actor, documentSha256, details, now, previous);
        jdbc.sql("""
                insert into audit_entries (request_id, sequence, event, actor, document_sha256, details, occurred_at,
                    previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(requestId, sequence, event, actor, documentSha256, details,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), previous, hash)
                .update();
        return new AuditEntry(requestId, sequence, event, actor, documentSha256, details, now, previous, hash);
    }

    /** The chain in order. */
    public List<AuditEntry> entries(String requestId) {
        return jdbc.sql("select * from audit_entries where request_id = ? order by sequence").param(requestId)
                .query(AuditTrail::entry).list();
    }

    /** Recomputes every hash and link of {@code requestId}'s chain and names the first entry that fails. */
    public ChainVerification verify(String requestId) {
        List<AuditEntry> entries = entries(requestId);
        String previous = GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            if (entry.sequence() != i + 1) {
                return ChainVerification.broken(requestId, entries.size(), i + 1,
                        "entry " + (i + 1) + " is missing (found " + entry.sequence() + ")");
            }
            if (!entry.previousHash().equals(previous)) {
                return ChainVerification.broken(requestId, entries.size(), entry.sequence(),
                        "previous hash does not match entry " + (i == 0 ? "(genesis)" : i));
            }
            String recomputed = hash(entry.requestId(), entry.sequence(), entry.event(), entry.actor(),
                    entry.documentSha256(), entry.details(), entry.occurredAt(), entry.previousHash());
            if (!recomputed.equals(entry.entryHash())) {
                return ChainVerification.broken(requestId, entries.size(), entry.sequence(),
                        "content does not match its hash");
            }
            previous = entry.entryHash();
        }
        return ChainVerification.intact(requestId, entries.size());
    }

    static String hash(String requestId, int sequence, String event, String actor, String documentSha256,
            String details, Instant occurredAt, String previousHash) {
        String canonical = CanonicalJson.entry(requestId, sequence, event, actor, documentSha256, details,
                occurredAt.toString(), previousHash);
        return Digests.sha256Hex(canonical);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getString("request_id"), rs.getInt("sequence"), rs.getString("event"),
                rs.getString("actor"), rs.getString("document_sha256"), rs.getString("details"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("previous_hash"),
                rs.getString("entry_hash"));
    }
}
