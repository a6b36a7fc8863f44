package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.ContentLocks;
import be.paraaf.persistence.DocumentStore;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
        store = storeOn(documents);
    }

    private PendingSignatureStore storeOn(DocumentStore blobs) {
        return new PendingSignatureStore(jdbc, blobs, clock, JobLocks.on(dataSource(), clock),
                ContentLocks.on(dataSource()));
    }

    private String save(String content, SigningPurpose purpose, Duration lifetime) {
        return save(store, content, purpose, lifetime);
    }

    private String save(PendingSignatureStore store, String content, SigningPurpose purpose, Duration lifetime) {
        String handle = PendingSignatureStore.newHandle();
        store.save(new PendingState(handle, purpose.value(), SignatureFormat.PADES, "a.pdf", null, null,
                List.of(new byte[] {1, 2}), clock.instant(), clock.instant().plus(lifetime), new byte[] {3}, null, null),
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
    void aCompletionSlowerThanItsLeaseCannotFinishOnceAnotherClaimedTheHandle() {
        String content = "slow " + System.nanoTime();
        String handle = save(content, PURPOSE, Duration.ofMinutes(30));
        Claim slow = store.claim(handle, PURPOSE);
        clock.setOffset(PendingSignatureStore.CLAIM_LEASE.plusSeconds(1)); // the slow one is still working
        Claim second = store.claim(handle, PURPOSE);

        assertThat(slow.finish()).as("the lease ended and another took it").isFalse();
        slow.release(); // no effect on the current holder either
        assertThatThrownBy(() -> store.claim(handle, PURPOSE)).as("still held by the second")
                .isInstanceOf(NotFoundException.class);
        assertThat(second.finish()).isTrue();
        assertThat(documents.exists(StoredContent.sha256(content.getBytes(StandardCharsets.UTF_8)))).isFalse();

        String other = save("fast then slow " + System.nanoTime(), PURPOSE, Duration.ofMinutes(30));
        Claim first = store.claim(other, PURPOSE);
        clock.setOffset(PendingSignatureStore.CLAIM_LEASE.multipliedBy(2).plusSeconds(2));
        Claim takeover = store.claim(other, PURPOSE);
        assertThat(takeover.finish()).as("the current holder finishes").isTrue();
        assertThat(first.finish()).as("then the slow one: the entry is gone").isFalse();
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

    /**
     * The interleaving that lost the bytes: entry A finishes and finds no other reference; entry B of the same bytes
     * is saved (its put sees the bytes still there); A deletes them. B's handle is then answered, and its completion
     * found no document. Through the store's delete the test saves B exactly there and, if that save gets through,
     * claims B before A's delete returns; holding the content's lock, A makes B's save wait until A is done.
     */
    @Test
    void anEntrySavedWhileAnotherOfTheSameBytesDeletesThemFindsItsDocument() throws Exception {
        String content = "race " + System.nanoTime();
        String sha256 = StoredContent.sha256(content.getBytes(StandardCharsets.UTF_8));
        ExecutorService other = Executors.newSingleThreadExecutor();
        AtomicReference<Future<String>> savingB = new AtomicReference<>();
        AtomicReference<Object> claimedInTheGap = new AtomicReference<>();
        DocumentStore deletingSlowly = new DocumentStore() {
            @Override
            public StoredContent put(byte[] bytes) {
                return documents.put(bytes);
            }

            @Override
            public byte[] get(String address) {
                return documents.get(address);
            }

            @Override
            public boolean exists(String address) {
                return documents.exists(address);
            }

            @Override
            public boolean delete(String address) {
                savingB.set(other.submit(() -> save(content, PURPOSE, Duration.ofMinutes(15))));
                String handleB = waitBriefly(savingB.get());
                boolean deleted = documents.delete(address);
                if (handleB != null) { // the save got in between the check and this delete
                    try {
                        claimedInTheGap.set(store.claim(handleB, PURPOSE).document);
                    } catch (NotFoundException missing) {
                        claimedInTheGap.set(missing);
                    }
                }
                return deleted;
            }
        };
        try {
            PendingSignatureStore deleting = storeOn(deletingSlowly);
            String handleA = save(deleting, content, PURPOSE, Duration.ofMinutes(15));
            assertThat(deleting.claim(handleA, PURPOSE).finish()).isTrue();

            assertThat(claimedInTheGap.get() instanceof NotFoundException)
                    .as("B claimed while A deleted the bytes it names, and its document was missing").isFalse();
            String handleB = savingB.get().get(30, TimeUnit.SECONDS);
            assertThat(documents.exists(sha256)).as("B's bytes").isTrue();
            if (claimedInTheGap.get() == null) {
                assertThat(new String(store.claim(handleB, PURPOSE).document, StandardCharsets.UTF_8))
                        .isEqualTo(content);
            }
        } finally {
            other.shutdownNow();
        }
    }

    private static String waitBriefly(Future<String> save) {
        try {
            return save.get(1, TimeUnit.SECONDS); // the lock holds it (no timing in the verdict: see the caller)
        } catch (TimeoutException held) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Several threads prepare and complete signatures of one document at once; every completion finds it. */
    @Test
    void concurrentSignaturesOfOneDocumentAllFindIt() throws Exception {
        String content = "shared by all " + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                workers.add(pool.submit(() -> {
                    int completed = 0;
                    for (int round = 0; round < 10; round++) {
                        Claim claim = store.claim(save(content, PURPOSE, Duration.ofMinutes(15)), PURPOSE);
                        assertThat(new String(claim.document, StandardCharsets.UTF_8)).isEqualTo(content);
                        completed += claim.finish() ? 1 : 0;
                    }
                    return completed;
                }));
            }
            int completed = 0;
            for (Future<Integer> worker : workers) {
                completed += worker.get(5, TimeUnit.MINUTES);
            }
            assertThat(completed).isEqualTo(80);
            assertThat(documents.exists(StoredContent.sha256(content.getBytes(StandardCharsets.UTF_8))))
                    .as("the last one took them").isFalse();
        } finally {
            pool.shutdown();
        }
    }
}
