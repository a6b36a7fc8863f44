package be.paraaf.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Background jobs that must run once across the nodes sharing a database take a named lock first (ShedLock's
 * {@code shedlock} table, database time, so node clocks need not agree). A node that cannot take it skips the
 * run; a node that dies holding it holds it at most {@code atMostFor}.
 */
public final class JobLocks {

    private final LockProvider locks;
    private final Clock clock;

    public JobLocks(LockProvider locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
    }

    public static JobLocks on(DataSource dataSource, Clock clock) {
        return new JobLocks(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()), clock);
    }

    /** Runs {@code work} if no node holds {@code name}; empty if one does. */
    public <T> Optional<T> call(String name, Duration atMostFor, Supplier<T> work) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), name, atMostFor, Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.get().unlock();
        }
    }

    /** {@link #call(String, Duration, Supplier)} for work without a result; whether it ran. */
    public boolean run(String name, Duration atMostFor, Runnable work) {
        return call(name, atMostFor, () -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }
}
