package be.paraaf.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock per blob of the {@link DocumentStore}, in the database ({@code content_locks}, a row taken with
 * {@code select ... for update}), so it holds across the nodes sharing it, on H2 and PostgreSQL alike. Blobs are
 * shared by address: a deleter checks {@link ContentReferences} and deletes while holding the lock, and a writer
 * inserts its reference while holding it, then puts the blob before it tells anyone of the reference; so a deleter
 * either sees the reference and keeps the blob, or deleted it before the reference existed and the writer's put
 * stores it again. Only writers that take the lock are safe against deleters that take it.
 */
public final class ContentLocks {

    /** How long a writer or deleter waits for the lock of a blob (holders keep it for a put or a delete). */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separately;

    ContentLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Locks on {@code dataSource}: every {@link JdbcClient} on it takes part in the transaction of the lock. */
    public static ContentLocks on(DataSource dataSource) {
        return new ContentLocks(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    }

    /**
     * Runs {@code work} in one transaction that holds the lock of {@code sha256} until it commits; a holder on
     * another thread or node waits (its statements on this data source are part of the transaction).
     */
    public <T> T holding(String sha256, Supplier<T> work) {
        StoredContent.requireSha256(sha256);
        ensureLockRow(sha256);
        Instant giveUp = Instant.now().plus(WAIT);
        while (true) {
            try {
                return transaction.execute(status -> {
                    jdbc.sql("select sha256 from content_locks where sha256 = ? for update").param(sha256)
                            .query(String.class).single();
                    return work.get();
                });
            } catch (PessimisticLockingFailureException waitedTooLong) {
                // H2 gives up waiting for a row lock after 2 s (PostgreSQL waits on): wait on, up to WAIT in all
                if (Instant.now().isAfter(giveUp)) {
                    throw waitedTooLong;
                }
            }
        }
    }

    /** Deletes the blob if no metadata refers to it, holding its lock; whether it was deleted. */
    public boolean deleteIfUnreferenced(String sha256, DocumentStore store) {
        return holding(sha256, () -> !ContentReferences.referenced(jdbc, sha256) && store.delete(sha256));
    }

    // the row stays once made (64 characters per guarded blob): deleting it while another waits on it would end
    // that wait with no row to lock
    private void ensureLockRow(String sha256) {
        if (jdbc.sql("select count(*) from content_locks where sha256 = ?").param(sha256)
                .query(Long.class).single() > 0) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> jdbc.sql("insert into content_locks (sha256) values (?)")
                    .param(sha256).update());
        } catch (DuplicateKeyException raced) {
            // another writer or node made it between the check and the insert
        }
    }
}
