package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.ContentLocks;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.JobLocks;
import be.paraaf.persistence.StoredContent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps prepared two-step signatures in the database ({@code pending_signatures}), one immutable row each, with
 * the document they sign in the {@link DocumentStore} under its SHA-256; so any node that shares the database
 * completes them, with no shared data directory. A handle is claimed by a conditional update, so it completes at
 * most once even when two nodes race; the claim is a lease of {@link #CLAIM_LEASE}, so a node that dies while
 * completing gives the handle back. Expired rows are deleted in bounded batches by {@link #removeExpired(int)}
 * (a job), or when they are claimed; nothing on the request path scans the table.
 */
@Component
class PendingSignatureStore {

    /**
     * Everything needed to rebuild the exact DSS parameters of the prepare step; for PAdES also the revision prepare
     * appended to the document (with its empty {@code /Contents} hole) and the digest of its byte ranges, so
     * completion only writes the CMS into the hole. Both are null in rows stored before they existed.
     */
    record PendingState(String handle, String purpose, SignatureFormat format, String documentName,
            PadesSignatureSpec pades, XadesSignatureSpec xades, List<byte[]> certificateChain, Instant signingTime,
            Instant expiresAt, byte[] dataToSign, byte[] preparedRevision, byte[] preparedDigest) {
    }

    /**
     * A claimed pending signature; {@link #finish()} ends it, {@link #release()} puts it back if completion failed
     * for a retryable reason.
     */
    final class Claim {
        final PendingState state;
        final byte[] document;
        private final String token;
        private final String documentSha256;

        private Claim(PendingState state, byte[] document, String token, String documentSha256) {
            this.state = state;
            this.document = document;
            this.token = token;
            this.documentSha256 = documentSha256;
        }

        void release() {
            jdbc.sql("update pending_signatures set claim_token = null, claimed_until = null "
                    + "where handle = ? and claim_token = ?").params(state.handle(), token).update();
        }

        /**
         * Ends the entry, if this claim still holds it: a conditional delete only the current holder can make. A
         * completion slower than {@link #CLAIM_LEASE} whose handle another request claimed meanwhile (or the purge
         * took) gets false, so at most one completion of a handle ever succeeds.
         */
        boolean finish() {
            if (jdbc.sql("delete from pending_signatures where handle = ? and claim_token = ?")
                    .params(state.handle(), token).update() == 1) {
                deleteDocumentIfUnreferenced(documentSha256);
                return true;
            }
            return false;
        }
    }

    /** How long a claim holds before another node may take the handle over (a completion takes seconds). */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    static final int PURGE_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PendingSignatureStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JobLocks locks;
    private final ContentLocks contentLocks;
    private final DocumentStore documents;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PendingSignatureStore(JdbcClient jdbc, DocumentStore documents, Clock clock, JobLocks locks,
            ContentLocks contentLocks) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.contentLocks = contentLocks;
        this.documents = documents;
        this.clock = clock;
    }

    static String newHandle() {
        return randomToken();
    }

    void save(PendingState state, byte[] document) {
        // the row under the content's lock, then the bytes: a deletion of the same bytes (another entry finishing)
        // holds that lock from its check to its delete, so it either sees this row and keeps them, or deleted them
        // before the row existed and the put below stores them again; the handle is answered after the put. (The
        // put stays out of the lock's transaction: a duplicate-key race with a writer of the same bytes that does
        // not take the lock would abort that transaction on PostgreSQL, and the row with it.)
        String sha256 = StoredContent.sha256(document);
        contentLocks.holding(sha256, () -> jdbc.sql("""
                insert into pending_signatures (handle, purpose, state, document_sha256, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(state.handle(), state.purpose(), json.writeValueAsBytes(state), sha256,
                        utc(clock.instant()), utc(state.expiresAt()))
                .update());
        try {
            documents.put(document);
        } catch (RuntimeException e) {
            jdbc.sql("delete from pending_signatures where handle = ?").param(state.handle()).update();
            throw e;
        }
    }

    private record Row(String purpose, byte[] state, String documentSha256, Instant expiresAt) {
    }

    /** Claims the handle for {@code purpose}; one prepared for any other purpose is answered as unknown. */
    Claim claim(String handle, SigningPurpose purpose) {
        if (handle == null || !handle.matches("[A-Za-z0-9_-]{16,64}")) {
            throw notFound();
        }
        Row row = jdbc.sql("select purpose, state, document_sha256, expires_at from pending_signatures where handle = ?")
                .param(handle)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(PendingSignatureStore::notFound);
        if (!purpose.value().equals(row.purpose())) {
            throw notFound(); // untouched for the flow it belongs to
        }
        Instant now = clock.instant();
        if (!now.isBefore(row.expiresAt())) {
            delete(handle, row.documentSha256());
            throw new NotFoundException(ProblemType.PENDING_SIGNATURE_EXPIRED,
                    "The prepared signature expired at " + row.expiresAt() + ". Prepare it again.");
        }
        String token = randomToken();
        boolean claimed = jdbc.sql("""
                update pending_signatures set claim_token = ?, claimed_until = ?
                where handle = ? and purpose = ? and (claim_token is null or claimed_until <= ?)""")
                .params(token, utc(now.plus(CLAIM_LEASE)), handle, purpose.value(), utc(now))
                .update() == 1;
        if (!claimed) {
            throw notFound(); // being completed by another request, or completed meanwhile
        }
        PendingState state = json.readValue(row.state(), PendingState.class);
        return new Claim(state, documents.get(row.documentSha256()), token, row.documentSha256());
    }

    /** Every {@code paraaf.signing.pending-purge-interval}, on one node: expired entries go, a batch at a time. */
    @Scheduled(fixedDelayString = "${paraaf.signing.pending-purge-interval:1m}",
            initialDelayString = "${paraaf.signing.pending-purge-interval:1m}")
    void purgeExpired() {
        try {
            locks.run("pending-signature-purge", Duration.ofMinutes(10), () -> {
                int removed = removeExpired(PURGE_BATCH);
                if (removed > 0) {
                    log.info("{} expired pending signature(s) deleted", removed);
                }
            });
        } catch (RuntimeException e) {
            log.warn("purging expired pending signatures failed; retried on the next run", e);
        }
    }

    /** Deletes up to {@code limit} expired entries, oldest first; how many. */
    int removeExpired(int limit) {
        Instant now = clock.instant();
        List<String[]> expired = jdbc.sql("select handle, document_sha256 from pending_signatures "
                        + "where expires_at <= ? order by expires_at fetch first " + limit + " rows only")
                .param(utc(now)).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int removed = 0;
        for (String[] entry : expired) {
            removed += delete(entry[0], entry[1]) ? 1 : 0;
        }
        return removed;
    }

    private boolean delete(String handle, String documentSha256) {
        // a claimed row is left to its holder until the lease ends
        boolean deleted = jdbc.sql("delete from pending_signatures where handle = ? "
                        + "and (claim_token is null or claimed_until <= ?)")
                .params(handle, utc(clock.instant())).update() == 1;
        if (deleted) {
            deleteDocumentIfUnreferenced(documentSha256);
        }
        return deleted;
    }

    /**
     * The document of an API client's two-step signature is stored only for it; a request's document stays. Blobs
     * are shared by address, so the check and the delete hold the content's lock, which {@link #save} holds while
     * it adds a reference: a new entry for the same bytes waits, then stores them again.
     */
    private void deleteDocumentIfUnreferenced(String sha256) {
        try {
            contentLocks.deleteIfUnreferenced(sha256, documents);
        } catch (RuntimeException e) {
            log.warn("cannot delete the document {} of a finished pending signature: {}", sha256, e.toString());
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The answer to a completion whose claim was lost before it finished (see {@link Claim#finish()}). */
    static NotFoundException claimLost() {
        return new NotFoundException(ProblemType.PENDING_SIGNATURE_NOT_FOUND,
                "This prepared signature was completed or "
                + "claimed by another request while this one was still working on it; this completion is void.");
    }

    private static NotFoundException notFound() {
        return new NotFoundException(ProblemType.PENDING_SIGNATURE_NOT_FOUND,
                "No prepared signature with this handle: it was never prepared, already completed or expired.");
    }
}
