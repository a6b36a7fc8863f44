package be.paraaf.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The lock table as two nodes see it: while one runs a job the other skips it, and after it the job is free. */
class JobLocksTest {

    private static final DataSource H2 = new DriverManagerDataSource("jdbc:h2:mem:job-locks;DB_CLOSE_DELAY=-1",
            "sa", "");

    @Test
    void aJobHeldByOneNodeIsSkippedByTheOtherAndFreeAfterwards() {
        Flyway.configure().dataSource(H2).locations("classpath:db/migration").load().migrate();
        JobLocks nodeA = JobLocks.on(H2, Clock.systemUTC());
        JobLocks nodeB = JobLocks.on(H2, Clock.systemUTC());

        var outcome = nodeA.call("test-job", Duration.ofMinutes(1),
                () -> nodeB.run("test-job", Duration.ofMinutes(1), () -> {
                    throw new AssertionError("ran while the other node held the lock");
                }));
        assertThat(outcome).contains(false);
        assertThat(nodeB.call("test-job", Duration.ofMinutes(1), () -> "ran")).contains("ran");
    }
}
