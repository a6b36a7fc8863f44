package be.paraaf.request;

import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.notify.MailComposer.Kind;
import be.paraaf.prepare.DocumentMetadata;
import be.paraaf.prepare.DocumentService;
import be.paraaf.request.RequestViews.RequestView;
import be.paraaf.request.RequestViews.SignerLink;
import be.paraaf.system.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the agency does about a signer who has not signed yet: remind them now, give them a new personal link (every
 * earlier link of theirs stops working), or put someone else in their place. Each is recorded in the request's audit
 * trail with who did it, announced as a webhook, and refused once the signer signed or the request ended.
 */
@Service
public class SignerManagement {

    private final RequestRepository requests;
    private final RequestService workflow;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final WebhookService webhooks;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignerLinks signerLinks;

    SignerManagement(RequestRepository requests, RequestService workflow, DocumentService documents, AuditTrail audit,
            WebhookService webhooks, JdbcClient jdbc, Clock clock, SignerLinks signerLinks) {
        this.requests = requests;
        this.workflow = workflow;
        this.documents = documents;
        this.audit = audit;
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.clock = clock;
        this.signerLinks = signerLinks;
    }

    /** Reminds a signer whose turn it is now (mail and webhook as the scheduled reminders), whatever the delay. */
    public RequestView remindNow(String clientId, String requestId, int position, Actor actor) {
        SigningRequest request = workflow.find(clientId, requestId);
        Signer signer = signer(request, position);
        if (!request.isTurnOf(signer)) {
            throw new RequestException(ProblemType.NOT_YOUR_TURN, "Only a signer whose turn it is can be reminded: "
                    + signer.role() + " is " + signer.state() + " and the request " + request.state() + ".");
        }
        Instant now = clock.instant();
        workflow.inTransaction(() -> {
            if (!requests.remind(signer, now)) {
                throw concurrent();
            }
            Signer updated = requests.find(requestId).orElseThrow().signer(position).orElseThrow();
            audit.append(requestId, "signer.reminded", actor, null, Map.of("role", signer.role(),
                    "reminder", String.valueOf(updated.reminderCount()), "by", "hand"));
            webhooks.enqueue(request, "signer.reminded", updated);
            workflow.notice(requestId, Kind.REMINDER, position, updated.reminderCount());
            return null;
        });
        return workflow.view(clientId, requestId);
    }

    /**
     * A new personal link for a signer who has not signed: the link the agency sent, and every link mailed or issued
     * to the signer since, stop working (a signature started with them cannot be finished either). The token is in
     * the answer only.
     */
    public SignerLink reissueLink(String clientId, String requestId, int position, Actor actor) {
        SigningRequest request = workflow.find(clientId, requestId);
        Signer signer = signer(request, position);
        requireOpen(request, signer);
        String token = LinkTokens.newToken();
        workflow.inTransaction(() -> {
            int changed = jdbc.sql("update request_signers set token_sha256 = ? where request_id = ? "
                            + "and position = ? and state = ?")
                    .params(LinkTokens.hash(token), requestId, position, signer.state().name()).update();
            if (changed != 1) {
                throw concurrent();
            }
            revokeOtherLinksAndAttempts(requestId, position);
            audit.append(requestId, "signer.link-reissued", actor, null, Map.of("role", signer.role(),
                    "revoked", "every earlier link of this signer"));
            return null;
        });
        return new SignerLink(signer.role(), token, signerLinks.api(token));
    }

    /**
     * Puts {@code replacement} in the place of a signer who has not signed: same role, field and step, a new person,
     * a new link (returned once). For a document that names its parties (a template), the new person must be the
     * one the document names for that field — else 422 as at creation: make a new document instead.
     */
    public RequestView replace(String clientId, String requestId, int position, NewSigner replacement, Actor actor) {
        SigningRequest request = workflow.find(clientId, requestId);
        Signer signer = signer(request, position);
        requireOpen(request, signer);
        DocumentMetadata document = documents.metadata(clientId, request.documentId());
        FieldAssignments.check(document, request.signers().stream().map(s -> s.position() == position
                ? new FieldAssignments.Assignment(s.role(), replacement.number(), s.fieldName())
                : new FieldAssignments.Assignment(s.role(), s.number(), s.fieldName())).toList(),
                request.unsignedFields());
        String token = LinkTokens.newToken();
        Instant now = clock.instant();
        boolean invite = signer.state().turn();
        workflow.inTransaction(() -> {
            int changed = jdbc.sql("""
                    update request_signers set name = ?, national_number = ?, phone = ?, email = ?,
                        consent_methods = ?, language = ?, token_sha256 = ?, state = ?, invited_at = ?,
                        viewed_at = null, last_reminded_at = null, reminder_count = 0
                    where request_id = ? and position = ? and state = ?""")
                    .params(replacement.name(), replacement.number().value(), replacement.phone(), replacement.email(),
                            replacement.methods().name(), replacement.language(), LinkTokens.hash(token),
                            invite ? SignerState.INVITED.name() : SignerState.WAITING.name(),
                            invite ? OffsetDateTime.ofInstant(now, ZoneOffset.UTC) : null,
                            requestId, position, signer.state().name())
                    .update();
            if (changed != 1) {
                throw concurrent();
            }
            revokeOtherLinksAndAttempts(requestId, position);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("role", signer.role());
            details.put("field", signer.fieldName());
            details.put("replaced", RequestViews.mask(signer.number()));
            details.put("by", RequestViews.mask(replacement.number()));
            audit.append(requestId, "signer.replaced", actor, null, details);
            Signer updated = requests.find(requestId).orElseThrow().signer(position).orElseThrow();
            webhooks.enqueue(request, "signer.replaced", updated);
            if (invite) {
                workflow.notice(requestId, Kind.INVITATION, position, 0);
            }
            return null;
        });
        SigningRequest after = workflow.find(clientId, requestId);
        return RequestView.of(after, List.of(new SignerLink(signer.role(), token, signerLinks.api(token))), null);
    }

    private void revokeOtherLinksAndAttempts(String requestId, int position) {
        jdbc.sql("delete from citizen_signing_links where request_id = ? and position = ?")
                .params(requestId, position).update();
        // an unfinished signature started through an old link can no longer be finished
        jdbc.sql("update signer_attempts set expires_at = ? where request_id = ? and position = ? "
                        + "and finished_at is null")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), requestId, position).update();
    }

    private static Signer signer(SigningRequest request, int position) {
        return request.signer(position).orElseThrow(() -> new RequestException(ProblemType.SIGNER_NOT_FOUND,
                "Request " + request.id() + " has no signer at position " + position + "."));
    }

    private static void requireOpen(SigningRequest request, Signer signer) {
        if (!request.state().active()) {
            throw RequestService.notActive(request, "changed");
        }
        if (signer.state() == SignerState.SIGNED || signer.state() == SignerState.DECLINED) {
            throw new RequestException(ProblemType.SIGNER_ALREADY_ACTED, signer.role() + " has already "
                    + signer.state().name().toLowerCase(java.util.Locale.ROOT) + "; that cannot be changed.",
                    Map.of("state", signer.state().name()));
        }
    }

    private static RequestException concurrent() {
        return new RequestException(ProblemType.CONCURRENT_CHANGE,
                "The signer changed at the same time; read the request again.");
    }
}
