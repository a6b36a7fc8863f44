package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.JdbcDocumentStore;
import be.paraaf.persistence.JobLocks;
import be.paraaf.persistence.StoredContent;
import be.paraaf.signing.PendingSignatureStore.Claim;
import be.paraaf.signing.PendingSignatureStore.PendingState;
import be.paraaf.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pending-signature SQL (V10__pending_signatures.sql and every statement of the store), per database. */
abstract class PendingSignatureStoreContract {

    abstract DataSource dataSource();

    abstract String schema();

    static final SigningPurpose PURPOSE = SigningPurpose.apiClient("agency-a");
    final MutableClock clock = new MutableClock(Duration.ZERO);
    JdbcClient jdbc;
    JdbcDocumentStore documents;
    PendingSignatureStore store;

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(dataSource()).schemas(schema()).defaultSchema(schema())
                .locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("delete from pending_signatures").update();
        documents = new JdbcDocumentStore(jdbc, clock);
        store = new PendingSignatureStore(jdbc, documents, clock, JobLocks.on(dataSource(), clock));
    }

    private String save(String content, SigningPurpose purpose, Duration lifetime) {
        String handle = PendingSignatureStore.newHandle();
        store.save(new PendingState(handle, purpose.value(), SignatureFormat.PADES, "a.pdf", null, null,
                List.of(new byte[] {1, 2}), clock.instant(), clock.instant().plus(lifetime), new byte[] {3}),
                content.getBytes(StandardCharsets.UTF_8));
        return handle;
    }

    @Test
    void aSavedSignatureIsClaimedOnceAndItsOwnDocumentGoesWhenFinished() {
        String content = "pdf " + System.nanoTime();
        String handle = save(content, PURPOSE, Duration.ofMinutes(15));
        Claim claim = store.claim(handle, PURPOSE);
        assertThat(new String(claim.document, StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(claim.state.certificateChain().get(0)).containsExactly(1, 2);
        assertThatThrownBy(() -> store.claim(handle, PURPOSE)).as("claimed already")
                .isInstanceOf(NotFoundException.class);
        claim.finish();
        assertThatThrownBy(() -> store.claim(handle, PURPOSE)).isInstanceOf(NotFoundException.class);
        assertThat(documents.exists(StoredContent.sha256(content.getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void aClaimForAnotherPurposeIsNotFoundAndLeavesTheEntryUsable() {
        String handle = save("doc " + System.nanoTime(), PURPOSE, Duration.ofMinutes(15));
        assertThatThrownBy(() -> store.claim(handle, SigningPurpose.apiClient("agency-b")))
                .isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("problemType", "pending-signature-not-found");
        assertThat(store.claim(handle, PURPOSE).state.handle()).isEqualTo(handle);
    }

    @Test
    void aReleasedClaimCanBeClaimedAgainAndAnAbandonedOneAfterItsLease() {
        String handle = save("doc " + System.nanoTime(), PURPOSE, Duration.ofMinutes(30));
        store.claim(handle, PURPOSE).release();
        store.claim(handle, PURPOSE); // and its holder dies
        assertThatThrownBy(() -> store.claim(handle, PURPOSE)).isInstanceOf(NotFoundException.class);
        clock.setOffset(PendingSignatureStore.CLAIM_LEASE.plusSeconds(1));
        assertThat(store.claim(handle, PURPOSE).state.handle()).isEqualTo(handle);
    }

    @Test
    void ofManyRacingClaimsExactlyOneWins() throws Exception {
        String handle = save("doc " + System.nanoTime(), PURPOSE, Duration.ofMinutes(15));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<Boolean> claim = () -> {
                    try {
                        store.claim(handle, PURPOSE);
                        return true;
                    } catch (NotFoundException lost) {
                        return false;
                    }
                };
                claims.add(pool.submit(claim));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void expiredEntriesAreAnsweredExpiredAndPurgedInBoundedBatchesKeepingSharedDocuments() {
        String shared = "shared " + System.nanoTime();
        String expiring = save(shared, PURPOSE, Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            save("doc " + i + " " + System.nanoTime(), PURPOSE, Duration.ofMinutes(1));
        }
        String living = save(shared, PURPOSE, Duration.ofHours(1));
        clock.setOffset(Duration.ofMinutes(2));
        assertThatThrownBy(() -> store.claim(expiring, PURPOSE)).isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("problemType", "pending-signature-expired");
        assertThat(store.removeExpired(3)).isEqualTo(3);
        assertThat(store.removeExpired(3)).isEqualTo(1);
        assertThat(store.removeExpired(3)).isZero();
        assertThat(new String(store.claim(living, PURPOSE).document, StandardCharsets.UTF_8))
                .as("the document another entry still names stays").isEqualTo(shared);
    }
}
