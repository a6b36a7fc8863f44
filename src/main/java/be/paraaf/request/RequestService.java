package be.paraaf.request;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditEntry;
import be.paraaf.audit.AuditTrail;
import be.paraaf.audit.ChainVerification;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.notify.MailComposer.Kind;
import be.paraaf.prepare.DocumentMetadata;
import be.paraaf.prepare.DocumentService;
import be.paraaf.prepare.DocumentService.DocumentContent;
import be.paraaf.request.RequestViews.RequestView;
import be.paraaf.request.RequestViews.SignerLink;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing requests as an agency (API client) sees them: create, start, read, list, cancel, fetch the signed
 * document, the audit trail and the webhook deliveries. Also the state machine shared with the signer
 * actions and the jobs: every state change is one transaction that updates the row (optimistic lock), appends
 * to the audit trail and writes the webhook event. Another agency's request is "not found".
 */
@Service
public class RequestService {

    private final RequestRepository requests;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final WebhookService webhooks;
    private final RequestProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SignerLinks signerLinks;

    RequestService(RequestRepository requests, DocumentService documents, AuditTrail audit, WebhookService webhooks,
            RequestProperties properties, PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events,
            SignerLinks signerLinks) {
        this.events = events;
        this.signerLinks = signerLinks;
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.webhooks = webhooks;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Creates a DRAFT request; the answer holds each signer's link token, shown only this once. */
    public RequestView create(String clientId, NewRequest spec) {
        return create(clientId, Actor.agency(clientId), spec);
    }

    /** As {@link #create(String, NewRequest)}, recorded as done by {@code actor} (a staff member of the owner). */
    public RequestView create(String clientId, Actor actor, NewRequest spec) {
        DocumentMetadata document = documents.metadata(clientId, spec.documentId());
        FieldAssignments.check(document, spec.signers().stream()
                .map(s -> new FieldAssignments.Assignment(s.role(), s.number(), s.fieldName())).toList(),
                spec.unsignedFields());
        checkCallback(spec.callbackUrl());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = spec.expiresAt() == null ? now.plus(properties.defaultLifetime()) : spec.expiresAt();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(properties.maxLifetime()))) {
            throw new RequestException(ProblemType.INVALID_REQUEST, "expiresAt must be in the future and at most "
                    + properties.maxLifetime().toDays() + " days away.");
        }
        String id = UUID.randomUUID().toString();
        List<Signer> signers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<SignerLink> links = new ArrayList<>();
        for (NewSigner s : spec.signers()) {
            int position = signers.size() + 1;
            signers.add(new Signer(id, position, s.role(), s.name(), s.number(), s.phone(), s.email(), s.methods(),
                    s.fieldName(), s.step(), SignerState.WAITING, null, null, null, null, 0, null, s.language()));
            String token = LinkTokens.newToken();
            tokens.add(LinkTokens.hash(token));
            links.add(new SignerLink(s.role(), token, signerLinks.api(token)));
        }
        SigningRequest request = new SigningRequest(id, clientId, spec.documentId(), spec.title(), spec.level(),
                RequestState.DRAFT, 0, spec.callbackUrl(), expiresAt, now, now, 0, signers, spec.unsignedFields(),
                spec.notificationEmail(), spec.notificationLanguage());
        Optional<String> secret = inTransaction(() -> {
            requests.insert(request, tokens);
            audit.append(id, "request.created", actor, document.sha256(), Map.of(
                    "title", request.title(), "documentId", request.documentId(),
                    "documentVersion", String.valueOf(document.version()), "signers",
                    String.valueOf(signers.size()), "level", request.level().label(),
                    "unsignedFields", String.join(",", request.unsignedFields())));
            webhooks.enqueue(request, "request.created", null);
            return request.callbackUrl() == null ? Optional.<String>empty() : webhooks.ensureSecret(clientId);
        });
        return RequestView.of(request, links, secret.orElse(null));
    }

    /** Refuses a callback into paraaf's own networks now rather than at the first delivery (which checks again). */
    private void checkCallback(String callbackUrl) {
        if (callbackUrl == null || properties.webhooks().allowPrivateAddresses()) {
            return;
        }
        try {
            CallbackAddresses.requirePublic(URI.create(callbackUrl));
        } catch (IOException e) {
            throw new RequestException(ProblemType.INVALID_CALLBACK_URL, "callbackUrl must name a host on the public "
                    + "internet: " + e.getMessage() + ".");
        }
    }

    /** DRAFT → IN_PROGRESS: the signers of the first step are invited. */
    public RequestView start(String clientId, String id) {
        return start(clientId, Actor.agency(clientId), id);
    }

    /** As {@link #start(String, String)}, recorded as done by {@code actor}. */
    public RequestView start(String clientId, Actor actor, String id) {
        SigningRequest request = find(clientId, id);
        if (request.state() != RequestState.DRAFT) {
            throw notActive(request, "started");
        }
        DocumentMetadata document = documents.metadata(clientId, request.documentId());
        FieldAssignments.check(document, request.signers().stream()
                .map(s -> new FieldAssignments.Assignment(s.role(), s.number(), s.fieldName())).toList(),
                request.unsignedFields());
        inTransaction(() -> {
            SigningRequest started = transition(request, RequestState.IN_PROGRESS, request.firstStep(),
                    actor, "request.started", document.sha256(), Map.of());
            invite(started, started.currentStep(), document.sha256());
            return null;
        });
        return view(clientId, id);
    }

    /** DRAFT or IN_PROGRESS → CANCELLED. */
    public RequestView cancel(String clientId, String id) {
        return cancel(clientId, Actor.agency(clientId), id);
    }

    /** As {@link #cancel(String, String)}, recorded as done by {@code actor}. */
    public RequestView cancel(String clientId, Actor actor, String id) {
        SigningRequest request = find(clientId, id);
        if (!request.state().active()) {
            throw notActive(request, "cancelled");
        }
        String sha = documents.currentVersion(clientId, request.documentId()).sha256();
        inTransaction(() -> transition(request, RequestState.CANCELLED, request.currentStep(),
                actor, "request.cancelled", sha, Map.of()));
        return view(clientId, id);
    }

    /** The request as stored, if {@code clientId} owns it: for capabilities built on requests (actualisation). */
    public Optional<SigningRequest> findOwned(String clientId, String id) {
        return requests.find(id, clientId);
    }

    /**
     * Cancels an active request on behalf of {@code actor} (not its owner), e.g. a candidate whose new choice
     * replaces the unsigned confirmation; recorded with {@code reason}.
     */
    public void cancelOnBehalf(SigningRequest request, Actor actor, String reason) {
        inTransaction(() -> transition(request, RequestState.CANCELLED, request.currentStep(), actor,
                "request.cancelled", null, Map.of("reason", reason)));
    }

    /** Appends an event of a capability built on this request to the request's audit trail. */
    public void recordEvent(String requestId, String event, Actor actor, String documentSha256,
            Map<String, String> details) {
        inTransaction(() -> {
            audit.append(requestId, event, actor, documentSha256, details);
            return null;
        });
    }

    public RequestView view(String clientId, String id) {
        return RequestView.of(find(clientId, id), null, null);
    }

    public List<RequestView> list(String clientId, RequestState state, int page, int size) {
        checkPaging(page, size);
        return requests.list(clientId, state, page, size).stream().map(r -> RequestView.of(r, null, null)).toList();
    }

    /**
     * What a citizen authenticated with eID or itsme sees: the requests naming their national register number
     * (whatever the agency), with only their own part — never other signers' numbers or any link token.
     */
    public List<CitizenRequestView> forCitizen(String nationalNumber, int page, int size) {
        checkPaging(page, size);
        return requests.naming(nationalNumber, page, size).stream().flatMap(request -> request.signers().stream()
                .filter(signer -> signer.number().value().equals(nationalNumber))
                .map(signer -> new CitizenRequestView(request.id(), request.title(), request.state(),
                        request.expiresAt(), signer.role(), signer.fieldName(), signer.state(),
                        request.isTurnOf(signer))))
                .toList();
    }

    /** A signing link for the logged-in citizen: the token (shown once) and the signer page for it. */
    public record CitizenLink(String signingToken, String signingPage, Instant expiresAt) {
    }

    /**
     * Lets a citizen logged in with the eID or itsme act on their turn from their own page: a second, short-lived
     * link for their signer in {@code requestId} (the one the agency sent stays valid). Only when it is their turn;
     * anyone else's request is "not found". Recorded in the request's audit trail.
     */
    public CitizenLink linkForCitizen(String nationalNumber, String requestId, String loginMethod, Duration lifetime) {
        NationalRegisterNumber number = NationalRegisterNumber.parse(nationalNumber);
        SigningRequest request = requests.find(requestId == null ? "" : requestId)
                .filter(found -> found.signers().stream().anyMatch(signer -> signer.number().equals(number)))
                .orElseThrow(() -> new NotFoundException(ProblemType.REQUEST_NOT_FOUND,
                        "There is no signing request " + requestId + " naming you."));
        Signer signer = request.signers().stream()
                .filter(candidate -> candidate.number().equals(number) && request.isTurnOf(candidate))
                .findFirst().orElseThrow(() -> new RequestException(ProblemType.NOT_YOUR_TURN,
                        "It is not your turn to sign this request (it is " + request.state() + ")."));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(lifetime).isBefore(request.expiresAt()) ? now.plus(lifetime) : request.expiresAt();
        String token = LinkTokens.newToken();
        inTransaction(() -> {
            requests.insertCitizenLink(LinkTokens.hash(token),
                    new RequestRepository.SignerRef(request.id(), signer.position()), now, expires);
            audit.append(request.id(), "signer.link-issued", Actor.signer(signer.role(), number), null, Map.of(
                    "role", signer.role(), "login", loginMethod, "expiresAt", expires.toString()));
            return null;
        });
        return new CitizenLink(token, signerLinks.page(token), expires);
    }

    /** One request as its signer sees it; {@code yourTurn} when they are invited now. */
    public record CitizenRequestView(String requestId, String title, RequestState state, Instant expiresAt,
            String role, String fieldName, SignerState signerState, boolean yourTurn) {
    }

    /** The current (latest signed) version of the request's document. */
    public DocumentContent document(String clientId, String id) {
        return documents.content(clientId, find(clientId, id).documentId());
    }

    /** The audit trail export: every entry and the result of recomputing the chain. */
    public record AuditExport(String requestId, ChainVerification verification, List<AuditEntry> entries) {
    }

    public AuditExport audit(String clientId, String id) {
        find(clientId, id);
        return new AuditExport(id, audit.verify(id), audit.entries(id));
    }

    public List<WebhookService.Event> webhooks(String clientId, String id) {
        find(clientId, id);
        return webhooks.events(id);
    }

    SigningRequest find(String clientId, String id) {
        return requests.find(id, clientId).orElseThrow(() -> new NotFoundException(ProblemType.REQUEST_NOT_FOUND,
                "There is no signing request " + id + " for this API client."));
    }

    // ------------------------------------------------------------------ state machine, used in a transaction

    /** Moves the request to {@code state}; records and announces it. 409 if another change came first. */
    SigningRequest transition(SigningRequest request, RequestState state, int step, Actor actor, String event,
            String documentSha256, Map<String, String> details) {
        Instant now = clock.instant();
        if (!requests.update(request, state, step, now)) {
            throw new RequestException(ProblemType.CONCURRENT_CHANGE,
                    "The request was changed at the same time by someone else; read it again.");
        }
        SigningRequest changed = requests.find(request.id()).orElseThrow();
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("state", state.name());
        all.put("step", String.valueOf(step));
        audit.append(request.id(), event, actor, documentSha256, all);
        webhooks.enqueue(changed, event, null);
        return changed;
    }

    /** Moves a signer from {@code from} to {@code to}; records and announces it. 409 if it changed meanwhile. */
    Signer signerTransition(SigningRequest request, Signer signer, SignerState from, SignerState to, Actor actor,
            String event, String documentSha256, Map<String, String> details, String declineReason) {
        Instant now = clock.instant();
        if (!requests.updateSigner(signer, from, to, now, declineReason)) {
            throw new RequestException(ProblemType.CONCURRENT_CHANGE,
                    "This signer's state changed at the same time; read it again.");
        }
        SigningRequest changed = requests.find(request.id()).orElseThrow();
        Signer updated = changed.signer(signer.position()).orElseThrow();
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("role", signer.role());
        all.put("field", signer.fieldName());
        all.put("state", to.name());
        audit.append(request.id(), event, actor, documentSha256, all);
        webhooks.enqueue(changed, event, updated);
        return updated;
    }

    /** Invites the waiting signers of {@code step}. */
    void invite(SigningRequest request, int step, String documentSha256) {
        for (Signer signer : request.signers()) {
            if (signer.step() == step && signer.state() == SignerState.WAITING) {
                signerTransition(request, signer, SignerState.WAITING, SignerState.INVITED, Actor.SYSTEM,
                        "signer.invited", documentSha256, Map.of("step", String.valueOf(step)), null);
                notice(request.id(), Kind.INVITATION, signer.position(), 0);
            }
        }
    }

    /** After a signature: the next step is invited, or the request is completed when every signer signed. */
    void advance(String requestId, String documentSha256) {
        SigningRequest request = requests.find(requestId).orElseThrow();
        boolean stepDone = request.signers().stream().filter(s -> s.step() == request.currentStep())
                .allMatch(s -> s.state() == SignerState.SIGNED);
        if (!stepDone) {
            return;
        }
        Optional<Integer> next = request.stepAfter(request.currentStep());
        if (next.isPresent()) {
            SigningRequest moved = transition(request, RequestState.IN_PROGRESS, next.get(), Actor.SYSTEM,
                    "request.step-advanced", documentSha256, Map.of());
            invite(moved, next.get(), documentSha256);
        } else {
            transition(request, RequestState.COMPLETED, request.currentStep(), Actor.SYSTEM, "request.completed",
                    documentSha256, Map.of());
            events.publishEvent(new RequestCompleted(requestId));
            notice(requestId, Kind.COMPLETED, 0, 0);
        }
    }

    /** Records, in the current transaction, that people are to be told by mail ({@link RequestNotifications}). */
    void notice(String requestId, Kind kind, int position, int sequence) {
        events.publishEvent(new RequestNotice(requestId, kind, position, sequence));
    }

    <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** Paging bounds shared by every list: page ≥ 0, 1 ≤ size ≤ 100. */
    public static void checkPaging(int page, int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new RequestException(ProblemType.INVALID_PAGING, "page must be ≥ 0 and size between 1 and 100.");
        }
    }

    static RequestException notActive(SigningRequest request, String verb) {
        return new RequestException(ProblemType.REQUEST_NOT_ACTIVE, "The request is " + request.state()
                + " and cannot be " + verb + ".", Map.of("state", request.state().name()));
    }
}
