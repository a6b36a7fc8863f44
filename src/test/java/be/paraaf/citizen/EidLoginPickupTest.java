package be.paraaf.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.ParaafException;
import be.paraaf.support.MutableClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The page's pickup of an eID login through time (a moved clock): pending, expired, answered, picked up. */
class EidLoginPickupTest {

    private final MutableClock clock = new MutableClock(Duration.ZERO);
    private JdbcClient jdbc;
    private CitizenLogin login;

    @BeforeEach
    void service() {
        jdbc = database();
        // the paths tested here never verify a card's answer: no trusted roots or itsme needed
        login = new CitizenLogin(jdbc, null, null, clock,
                id -> "https://paraaf.example/api/citizen/login/eid/" + id);
    }

    private java.util.List<String> challengeIds() {
        return jdbc.sql("select id from citizen_challenges").query(String.class).list();
    }

    /** A migrated database; H2 here, PostgreSQL in {@link EidLoginPickupPostgresIT}. */
    JdbcClient database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:citizen-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    static JdbcClient migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }

    @Test
    void expiredChallengesAndSessionsArePurgedOnlyAfterTheirTime() {
        // (the PostgreSQL variant shares its database with other tests: look only at this test's rows)
        CitizenLogin.Challenge old = login.eidChallenge();
        login.purgeExpired();
        assertThat(challengeIds()).contains(old.id());
        clock.setOffset(CitizenLogin.CHALLENGE_LIFETIME.plus(CitizenLogin.PICKUP_GRACE).plusSeconds(1));
        CitizenLogin.Challenge fresh = login.eidChallenge();
        assertThat(login.purgeExpired()).isPositive();
        assertThat(challengeIds()).contains(fresh.id()).doesNotContain(old.id());
    }

    @Test
    void theChallengeCarriesAPickupTokenStoredOnlyAsItsHashAndTheAgentsLink() {
        CitizenLogin.Challenge challenge = login.eidChallenge();

        assertThat(challenge.agentLink()).isEqualTo("https://paraaf.example/api/citizen/login/eid/" + challenge.id());
        assertThat(challenge.pickupToken()).matches("[A-Za-z0-9_-]{43}");
        String stored = jdbc.sql("select pickup_sha256 from citizen_challenges where id = ?").param(challenge.id())
                .query(String.class).single();
        assertThat(stored).isEqualTo(CitizenLogin.sha256(challenge.pickupToken()));
    }

    @Test
    void aPendingLoginIsGoneOnceItExpired() {
        CitizenLogin.Challenge challenge = login.eidChallenge();
        assertThat(login.pickup(challenge.id(), challenge.pickupToken())).isEmpty();

        clock.setOffset(CitizenLogin.CHALLENGE_LIFETIME.plusSeconds(1));

        assertProblem(() -> login.pickup(challenge.id(), challenge.pickupToken()), 410, "login-expired");
        assertProblem(() -> login.agentChallenge(challenge.id()), 410, "login-expired");
        // the pickup token is checked before anything about the login is told
        assertProblem(() -> login.pickup(challenge.id(), "wrong"), 401, "pickup-token-refused");
    }

    @Test
    void aLoginAnsweredInTimeCanBePickedUpShortlyAfterItsChallengeExpiredOnce() {
        CitizenLogin.Challenge challenge = login.eidChallenge();
        answeredByTheAgent(challenge.id(), "85073003328");

        clock.setOffset(CitizenLogin.CHALLENGE_LIFETIME.plus(CitizenLogin.PICKUP_GRACE).minusSeconds(5));

        assertThat(login.pickup(challenge.id(), challenge.pickupToken())).hasValueSatisfying(session -> {
            assertThat(session.nationalRegisterNumber()).isEqualTo("85073003328");
            assertThat(session.method()).isEqualTo("EID");
            assertThat(login.session(session.token())).isPresent();
        });
        assertProblem(() -> login.pickup(challenge.id(), challenge.pickupToken()), 410, "login-already-picked-up");
    }

    @Test
    void anAnsweredLoginNotPickedUpWithinTheGraceIsGone() {
        CitizenLogin.Challenge challenge = login.eidChallenge();
        answeredByTheAgent(challenge.id(), "85073003328");

        clock.setOffset(CitizenLogin.CHALLENGE_LIFETIME.plus(CitizenLogin.PICKUP_GRACE).plusSeconds(1));

        assertProblem(() -> login.pickup(challenge.id(), challenge.pickupToken()), 410, "login-expired");
    }

    @Test
    void concurrentPickupsOfAnAnsweredLoginGiveExactlyOneSession() throws Exception {
        CitizenLogin.Challenge challenge = login.eidChallenge();
        String nrn = EidLogins.newNationalNumber(); // the PostgreSQL variant shares its schema between tests
        answeredByTheAgent(challenge.id(), nrn);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> pickups = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                pickups.add(() -> {
                    try {
                        return login.pickup(challenge.id(), challenge.pickupToken()).map(s -> "session")
                                .orElse("pending");
                    } catch (ParaafException e) {
                        return e.problemType();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(pickups)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsOnly("session", "login-already-picked-up")
                    .filteredOn("session"::equals).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from citizen_sessions where national_number = ?").param(nrn)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theAgentSeesOnlyTheLastFourDigits() {
        assertThat(CitizenLogin.masked("85073003328")).isEqualTo("*******3328");
    }

    /** What {@link CitizenLogin#agentAnswer} records once the card's answer verified. */
    private void answeredByTheAgent(String id, String nationalNumber) {
        jdbc.sql("update citizen_challenges set used = true, national_number = ?, answered_at = ? where id = ?")
                .params(nationalNumber, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id).update();
    }

    private static void assertProblem(Runnable call, int status, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ParaafException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.problemType()).isEqualTo(type);
        });
    }
}
