package be.paraaf.request;

import be.paraaf.archive.ArchiveEntry;
import be.paraaf.archive.ArchiveRequest;
import be.paraaf.archive.ArchiveService;
import be.paraaf.archive.Party;
import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.prepare.DocumentService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A completed signing request goes to the agency's archive with its signed PDF, its parties and its audit
 * trail (sealed there as XAdES-B-LTA). The hand-off is durable: {@link RequestCompleted} is recorded by Spring
 * Modulith's event publication registry in the transaction that completes the request, and this listener runs
 * after the commit on the application task executor; a publication whose listener did not finish (the
 * node died, archiving failed) is resubmitted at restart and by {@link HandOffResubmission}, on any node.
 * Delivery is at least once, archiving at most once: the entry and a {@code request_archivings} row keyed by the
 * request commit together, so a second run finds the row and does nothing. The outcome is appended to the
 * request's audit trail ({@code request.archived} with the entry id, or {@code request.archive-failed}).
 */
@Component
class RequestArchiving {

    private static final Logger log = LoggerFactory.getLogger(RequestArchiving.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestRepository requests;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final ArchiveService archive;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RequestArchiving(RequestRepository requests, DocumentService documents, AuditTrail audit, ArchiveService archive,
            JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.archive = archive;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Throws when archiving failed, so the publication stays incomplete and is resubmitted. */
    @Async
    @TransactionalEventListener
    void completed(RequestCompleted completed) {
        archive(completed.requestId());
    }

    /** Archives the request unless it was archived already; whether this call archived it. */
    boolean archive(String requestId) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> archiveOnce(requestId)));
        } catch (AlreadyArchived done) {
            log.info("signing request {} was archived already; nothing to do", requestId);
            return false;
        } catch (RuntimeException e) {
            log.error("archiving signing request {} failed; the hand-off is retried", requestId, e);
            try {
                audit.append(requestId, "request.archive-failed", Actor.SYSTEM, null,
                        Map.of("reason", String.valueOf(e.getMessage())));
            } catch (RuntimeException auditFailure) {
                log.error("cannot record the archiving failure of {}", requestId, auditFailure);
            }
            throw e;
        }
    }

    private boolean archiveOnce(String requestId) {
        try {
            // first: a concurrent run on another node waits here until this transaction ends, then fails
            jdbc.sql("insert into request_archivings (request_id, archived_at) values (?, ?)")
                    .params(requestId, RequestRepository.utc(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyArchived();
        }
        SigningRequest request = requests.find(requestId).orElseThrow();
        var content = documents.content(request.ownerClientId(), request.documentId());
        String source = documents.metadata(request.ownerClientId(), request.documentId()).source();
        String type = documentType(source);
        List<Party> parties = request.signers().stream()
                .map(signer -> new Party(signer.name(), signer.number().value(), signer.role())).toList();
        byte[] trail = JSON.writeValueAsBytes(Map.of("requestId", requestId, "title", request.title(),
                "entries", audit.entries(requestId)));
        // joins this transaction: the entry commits with the request_archivings row or not at all
        ArchiveEntry entry = archive.archive(new ArchiveRequest(request.ownerClientId(), type, parties, requestId,
                content.name(), content.bytes(), trail));
        jdbc.sql("update request_archivings set archive_entry_id = ? where request_id = ?")
                .params(entry.id(), requestId).update();
        audit.append(requestId, "request.archived", Actor.SYSTEM, null, Map.of("archiveId", entry.id()));
        return true;
    }

    /**
     * The archive's document type: the template's name ({@code template:lease} and an agency's version of it,
     * {@code template:lease@3}, are both leases), else {@code upload}.
     */
    static String documentType(String source) {
        if (source == null || !source.startsWith("template:")) {
            return "upload";
        }
        String name = source.substring("template:".length());
        int version = name.indexOf('@');
        return version < 0 ? name : name.substring(0, version);
    }

    private static final class AlreadyArchived extends RuntimeException {
        AlreadyArchived() {
            super(null, null, false, false);
        }
    }
}
