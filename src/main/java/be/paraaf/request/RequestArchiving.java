package be.paraaf.request;

import be.paraaf.archive.ArchiveEntry;
import be.paraaf.archive.ArchiveRequest;
import be.paraaf.archive.ArchiveService;
import be.paraaf.archive.Party;
import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.prepare.DocumentService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * A completed signing request goes to the agency's archive with its signed PDF, its parties and its audit
 * trail (sealed there as XAdES-B-LTA). Archiving extends and validates the PDF, which takes seconds, so it
 * runs after the commit on one background thread; the outcome is appended to the request's audit trail
 * ({@code request.archived} with the entry id, or {@code request.archive-failed}), and the agency can always
 * archive the document again through the archive API.
 */
@Component
class RequestArchiving implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RequestArchiving.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestRepository requests;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final ArchiveService archive;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "request-archiving");
        thread.setDaemon(true);
        return thread;
    });

    RequestArchiving(RequestRepository requests, DocumentService documents, AuditTrail audit, ArchiveService archive) {
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.archive = archive;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void completed(RequestCompleted completed) {
        worker.submit(() -> archive(completed.requestId()));
    }

    void archive(String requestId) {
        try {
            SigningRequest request = requests.find(requestId).orElseThrow();
            var content = documents.content(request.ownerClientId(), request.documentId());
            String source = documents.metadata(request.ownerClientId(), request.documentId()).source();
            String type = source != null && source.startsWith("template:") ? source.substring(9) : "upload";
            List<Party> parties = request.signers().stream()
                    .map(signer -> new Party(signer.name(), signer.number().value(), signer.role())).toList();
            byte[] trail = JSON.writeValueAsBytes(Map.of("requestId", requestId, "title", request.title(),
                    "entries", audit.entries(requestId)));
            ArchiveEntry entry = archive.archive(new ArchiveRequest(request.ownerClientId(), type, parties, requestId,
                    content.name(), content.bytes(), trail));
            audit.append(requestId, "request.archived", Actor.SYSTEM, null, Map.of("archiveId", entry.id()));
        } catch (RuntimeException e) {
            log.error("archiving signing request {} failed", requestId, e);
            try {
                audit.append(requestId, "request.archive-failed", Actor.SYSTEM, null,
                        Map.of("reason", String.valueOf(e.getMessage())));
            } catch (RuntimeException auditFailure) {
                log.error("cannot record the archiving failure of {}", requestId, auditFailure);
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
