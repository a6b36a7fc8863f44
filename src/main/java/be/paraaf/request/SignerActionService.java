package be.paraaf.request;

import be.paraaf.system.ProblemType;
import be.paraaf.notify.MailComposer.Kind;
import be.paraaf.system.ParaafException;
import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.identity.CertificateIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.prepare.DocumentMetadata;
import be.paraaf.prepare.DocumentService;
import be.paraaf.prepare.DocumentService.DocumentContent;
import be.paraaf.prepare.DocumentVersion;
import be.paraaf.request.RequestRepository.SignerRef;
import be.paraaf.request.RequestViews.ConsentStarted;
import be.paraaf.request.RequestViews.DocumentInfo;
import be.paraaf.request.RequestViews.PreparedSignature;
import be.paraaf.request.RequestViews.SignerInfo;
import be.paraaf.request.RequestViews.SignerOutcome;
import be.paraaf.signing.AppearanceLanguage;
import be.paraaf.identity.CertificateChains;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.HashAlgorithm;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.PendingSignature;
import be.paraaf.signing.SignedDocument;
import be.paraaf.signing.SigningPurpose;
import be.paraaf.signing.SigningService;
import be.paraaf.signing.VisibleAppearance;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What a signer does through their personal link token: see the request and the document, decline, and sign
 * with the eID card (two-step) or a remote consent (itsme). Identity binding: the signing certificate's
 * national register number must be the one the agency named for this signer — checked when the signature is
 * prepared and again before it is completed; a mismatch is a 403 {@code signer-identity-mismatch} and nothing
 * is written to the document. A token acts only for its own signer, only on that signer's turn.
 */
@Service
public class SignerActionService {

    private static final Logger log = LoggerFactory.getLogger(SignerActionService.class);

    private final RequestRepository requests;
    private final RequestService workflow;
    private final DocumentService documents;
    private final SigningService signing;
    private final AuditTrail audit;
    private final ObjectProvider<RemoteConsent> remoteConsent;
    private final Clock clock;
    private final SignerLinks signerLinks;

    SignerActionService(RequestRepository requests, RequestService workflow, DocumentService documents,
            SigningService signing, AuditTrail audit, ObjectProvider<RemoteConsent> remoteConsent, Clock clock,
            SignerLinks signerLinks) {
        this.signerLinks = signerLinks;
        this.requests = requests;
        this.workflow = workflow;
        this.documents = documents;
        this.signing = signing;
        this.audit = audit;
        this.remoteConsent = remoteConsent;
        this.clock = clock;
    }

    private record Context(SigningRequest request, Signer signer) {

        Actor actor() {
            return Actor.signer(signer.role(), signer.number());
        }
    }

    public SignerInfo info(String token) {
        Context context = resolve(token);
        DocumentMetadata document = documents.metadata(context.request.ownerClientId(), context.request.documentId());
        SigningRequest request = context.request;
        Signer signer = context.signer;
        return new SignerInfo(request.title(), request.state(), request.currentStep(), request.expiresAt(),
                signer.role(), signer.name(), signer.fieldName(), signer.step(), signer.state(), signer.methods(),
                new DocumentInfo(document.name(), document.pageCount(), document.version(), document.sha256(),
                        document.signatureCount()));
    }

    /** The current version of the document; the signer becomes VIEWED if it is their turn. */
    public DocumentContent document(String token) {
        Context context = viewable(token);
        DocumentContent content = documents.content(context.request.ownerClientId(), context.request.documentId());
        markViewed(context, content.sha256());
        return content;
    }

    public byte[] page(String token, int page, Integer dpi) {
        Context context = viewable(token);
        byte[] png = documents.pagePreview(context.request.ownerClientId(), context.request.documentId(), page, dpi);
        markViewed(context, documents.currentVersion(context.request.ownerClientId(),
                context.request.documentId()).sha256());
        return png;
    }

    public SignerOutcome decline(String token, String reason) {
        Context context = resolve(token);
        checkTurn(context);
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text != null && text.length() > 500) {
            throw new RequestException(ProblemType.INVALID_REASON, "A reason has at most 500 characters.");
        }
        DocumentVersion version = currentVersion(context);
        workflow.inTransaction(() -> {
            Signer declined = workflow.signerTransition(context.request, context.signer, context.signer.state(),
                    SignerState.DECLINED, context.actor(), "signer.declined", version.sha256(),
                    text == null ? Map.of() : Map.of("reason", text), text);
            workflow.transition(requests.find(context.request.id()).orElseThrow(), RequestState.DECLINED,
                    context.request.currentStep(), context.actor(), "request.declined", version.sha256(),
                    Map.of("role", declined.role()));
            workflow.notice(context.request.id(), Kind.DECLINED, declined.position(), 0);
            return null;
        });
        return outcome(context);
    }

    // ------------------------------------------------------------------------------------------ eID

    /** Step one with the eID card: the data to be signed for the signer's field on the current version. */
    public PreparedSignature prepareEid(String token, byte[] certificateChain) {
        Context context = resolve(token);
        checkTurn(context);
        checkMethod(context, ConsentMethods.EID);
        List<X509Certificate> chain = CertificateChains.parse(certificateChain);
        checkIdentity(context, chain.get(0), "prepare");
        PendingSignature pending = prepare(context, chain, ConsentMethods.EID, null);
        Base64.Encoder base64 = Base64.getEncoder();
        return new PreparedSignature(pending.handle(), base64.encodeToString(pending.dataToSign()),
                base64.encodeToString(pending.digest()), pending.hash().javaName(), pending.signatureAlgorithm(),
                pending.signingTime(), pending.expiresAt(), signerLinks.eidCompletion(token));
    }

    /** Step two with the eID card: the signature value; stores the signed version and moves the request on. */
    public SignerOutcome completeEid(String token, String handle, byte[] signatureValue) {
        Context context = resolve(token);
        SignerAttempt attempt = requests.attempt(handle == null ? "" : handle)
                .filter(a -> a.requestId().equals(context.request.id()) && a.position() == context.signer.position()
                        && a.method() == ConsentMethods.EID)
                .orElseThrow(() -> new RequestException(ProblemType.SIGNATURE_HANDLE_NOT_FOUND,
                        "This signer has no prepared eID signature with that handle."));
        complete(context, attempt, signatureValue);
        return outcome(context);
    }

    // ------------------------------------------------------------------------------------------ itsme

    /** Starts a remote consent (itsme): the citizen approves on their device; the code is shown on both. */
    public ConsentStarted startRemoteConsent(String token) {
        Context context = resolve(token);
        checkTurn(context);
        checkMethod(context, ConsentMethods.ITSME);
        RemoteConsent provider = remoteConsent.getIfAvailable();
        if (provider == null) {
            throw new RequestException(ProblemType.ITSME_UNAVAILABLE, "Signing with itsme is not available on this "
                    + "service; sign with the eID card.");
        }
        String nrn = context.signer.number().value();
        List<X509Certificate> chain = provider.signingChain(nrn);
        checkIdentity(context, chain.get(0), "prepare");
        RemoteConsent.Challenge[] challenge = new RemoteConsent.Challenge[1];
        prepare(context, chain, ConsentMethods.ITSME, pending -> {
            challenge[0] = provider.requestConsent(nrn, context.request.title(), pending.dataToSign(),
                    pending.signatureAlgorithm());
            return challenge[0].id();
        });
        audit.append(context.request.id(), "consent.requested", context.actor(), null, Map.of("method", "itsme",
                "consentId", challenge[0].id(), "expiresAt", String.valueOf(challenge[0].expiresAt())));
        return new ConsentStarted(challenge[0].id(), challenge[0].verificationCode(), challenge[0].expiresAt());
    }

    /**
     * The citizen decided on a remote consent. Approved: the signature value completes the PAdES signature
     * (after the same identity and turn checks as the eID path). Refused or expired: recorded; the signer may
     * start again. Decisions for consents paraaf did not start here are ignored; an approval that can no longer
     * be used (request cancelled, replayed decision, document changed) is audited as {@code signature.failed}
     * and not thrown back at the publisher.
     */
    @EventListener
    public void consentDecided(RemoteConsentDecision decision) {
        Optional<SignerAttempt> found = requests.attemptByConsent(decision.consentId());
        if (found.isEmpty()) {
            log.debug("consent {} is not a signing request's; ignored", decision.consentId());
            return;
        }
        SignerAttempt attempt = found.get();
        SigningRequest request = requests.find(attempt.requestId()).orElseThrow();
        Context context = new Context(request, request.signer(attempt.position()).orElseThrow());
        switch (decision.outcome()) {
            case APPROVED -> {
                audit.append(request.id(), "consent.approved", context.actor(), null,
                        Map.of("method", "itsme", "consentId", decision.consentId()));
                try {
                    complete(context, attempt, decision.signatureValue());
                } catch (ParaafException e) {
                    // the adapter cannot act on it: record why the approval did not become a signature
                    log.info("approved consent {} not used: {}", decision.consentId(), e.getMessage());
                    audit.append(request.id(), "signature.failed", context.actor(), null, Map.of("method", "itsme",
                            "consentId", decision.consentId(), "problem", e.problemType()));
                }
            }
            case REFUSED, EXPIRED -> {
                requests.finishAttempt(attempt.handle(), clock.instant());
                audit.append(request.id(), decision.outcome() == RemoteConsentDecision.Outcome.REFUSED
                        ? "consent.refused" : "consent.expired", context.actor(), null,
                        Map.of("method", "itsme", "consentId", decision.consentId()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ shared

    private interface ConsentStarter {
        String start(PendingSignature pending);
    }

    private PendingSignature prepare(Context context, List<X509Certificate> chain, ConsentMethods method,
            ConsentStarter consent) {
        String owner = context.request.ownerClientId();
        DocumentVersion version = currentVersion(context);
        DocumentContent content = documents.content(owner, context.request.documentId());
        if (!content.sha256().equals(version.sha256())) {
            throw new RequestException(ProblemType.CONCURRENT_CHANGE, "The document changed meanwhile; try again.");
        }
        PadesSignatureSpec spec = new PadesSignatureSpec(context.request.level(), HashAlgorithm.SHA256,
                new VisibleAppearance(context.signer.fieldName(), null, null,
                        method == ConsentMethods.EID ? "eID" : "itsme", null, appearanceLanguage(context)),
                context.request.title(), null, null);
        PendingSignature pending = signing.preparePades(new DocumentInput(content.name(), content.bytes()), chain,
                spec, purpose(context));
        String consentId = consent == null ? null : consent.start(pending);
        Instant expiresAt = pending.expiresAt().isBefore(context.request.expiresAt()) ? pending.expiresAt()
                : context.request.expiresAt();
        requests.insertAttempt(new SignerAttempt(pending.handle(), context.request.id(), context.signer.position(),
                method, version.version(), CertificateChains.toBase64(chain.get(0)), consentId, clock.instant(), expiresAt, null));
        return pending;
    }

    /**
     * The visible signature speaks the document's language: the one its PDF declares, else the signer's (an
     * upload without {@code /Lang}).
     */
    private AppearanceLanguage appearanceLanguage(Context context) {
        String declared = documents.metadata(context.request.ownerClientId(), context.request.documentId()).language();
        String tag = declared == null || declared.isBlank() ? context.signer.language()
                : declared.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]", 2)[0];
        return List.of("nl", "fr", "en").contains(tag) ? AppearanceLanguage.parse(tag)
                : AppearanceLanguage.parse(context.signer.language());
    }

    private static SigningPurpose purpose(Context context) {
        return SigningPurpose.requestSigner(context.request.id(), context.signer.position());
    }

    private void complete(Context context, SignerAttempt attempt, byte[] signatureValue) {
        if (attempt.finishedAt() != null) {
            throw new RequestException(ProblemType.SIGNATURE_ALREADY_COMPLETED, "This signature was already completed "
                    + "or abandoned; prepare a new one.");
        }
        if (clock.instant().isAfter(attempt.expiresAt())) {
            throw new RequestException(ProblemType.SIGNATURE_EXPIRED, "The prepared signature expired; prepare again.");
        }
        checkTurn(context);
        checkIdentity(context, CertificateChains.parseBase64(List.of(attempt.signerCertificate())).get(0), "complete");
        SignedDocument signed = signing.complete(attempt.handle(), purpose(context), signatureValue);
        String owner = context.request.ownerClientId();
        workflow.inTransaction(() -> {
            SigningRequest fresh = requests.find(context.request.id()).orElseThrow();
            Context now = new Context(fresh, fresh.signer(context.signer.position()).orElseThrow());
            checkTurn(now);
            if (!requests.finishAttempt(attempt.handle(), clock.instant())) {
                throw new RequestException(ProblemType.SIGNATURE_ALREADY_COMPLETED, "This signature was already "
                        + "completed.");
            }
            DocumentMetadata document = documents.addSignedVersion(owner, fresh.documentId(),
                    attempt.documentVersion(), signed.content(), "signed by " + now.signer.role() + " ("
                            + (attempt.method() == ConsentMethods.EID ? "eID" : "itsme") + ")");
            workflow.signerTransition(fresh, now.signer, now.signer.state(), SignerState.SIGNED, now.actor(),
                    "signer.signed", document.sha256(), Map.of("method", attempt.method().name(),
                            "documentVersion", String.valueOf(document.version())), null);
            workflow.advance(fresh.id(), document.sha256());
            return null;
        });
    }

    private Context resolve(String token) {
        Optional<SignerRef> ref = token == null || token.length() > 100 ? Optional.empty()
                : requests.findByTokenHash(LinkTokens.hash(token), clock.instant());
        SignerRef found = ref.orElseThrow(() -> new RequestException(ProblemType.SIGNING_LINK_NOT_FOUND,
                "This signing link is not valid."));
        SigningRequest request = requests.find(found.requestId()).orElseThrow();
        if (request.state() == RequestState.EXPIRED || request.state() == RequestState.CANCELLED
                || !clock.instant().isBefore(request.expiresAt())) {
            throw new RequestException(ProblemType.SIGNING_LINK_EXPIRED, "This signing request has "
                    + (request.state() == RequestState.CANCELLED ? "been cancelled." : "expired."),
                    Map.of("requestState", request.state().name()));
        }
        return new Context(request, request.signer(found.position()).orElseThrow());
    }

    private Context viewable(String token) {
        Context context = resolve(token);
        if (context.request.state() == RequestState.DRAFT) {
            throw new RequestException(ProblemType.REQUEST_NOT_STARTED, "The request has not been started yet.");
        }
        return context;
    }

    private void markViewed(Context context, String sha256) {
        if (context.request.state() == RequestState.IN_PROGRESS && context.signer.state() == SignerState.INVITED) {
            try {
                workflow.inTransaction(() -> workflow.signerTransition(context.request, context.signer,
                        SignerState.INVITED, SignerState.VIEWED, context.actor(), "signer.viewed", sha256, Map.of(),
                        null));
            } catch (RequestException e) {
                log.debug("signer {} was already marked viewed", context.signer.role());
            }
        }
    }

    private static void checkTurn(Context context) {
        SigningRequest request = context.request;
        Signer signer = context.signer;
        if (request.state() != RequestState.IN_PROGRESS) {
            throw new RequestException(ProblemType.REQUEST_NOT_IN_PROGRESS, "The request is " + request.state() + ".",
                    Map.of("requestState", request.state().name()));
        }
        if (signer.state() == SignerState.SIGNED || signer.state() == SignerState.DECLINED) {
            throw new RequestException(ProblemType.SIGNER_ALREADY_ACTED, "This signer has already "
                    + signer.state().name().toLowerCase() + ".", Map.of("signerState", signer.state().name()));
        }
        if (!request.isTurnOf(signer)) {
            throw new RequestException(ProblemType.NOT_YOUR_TURN, "It is not this signer's turn yet: step "
                    + signer.step() + " signs after step " + request.currentStep() + ".",
                    Map.of("step", signer.step(), "currentStep", request.currentStep()));
        }
    }

    private static void checkMethod(Context context, ConsentMethods method) {
        if (!context.signer.methods().allows(method)) {
            throw new RequestException(ProblemType.CONSENT_METHOD_NOT_ALLOWED, "This signer must sign with "
                    + context.signer.methods() + ".", Map.of("allowed", context.signer.methods().name()));
        }
    }

    private void checkIdentity(Context context, X509Certificate certificate, String step) {
        Optional<NationalRegisterNumber> found = CertificateIdentity.nationalNumber(certificate);
        if (found.isPresent() && found.get().equals(context.signer.number())) {
            return;
        }
        String whose = found.map(RequestViews::mask).orElse("no national register number");
        audit.append(context.request.id(), "signature.refused", context.actor(), null, Map.of("reason",
                "signer-identity-mismatch", "step", step, "certificateNumber", whose));
        throw new RequestException(ProblemType.SIGNER_IDENTITY_MISMATCH, "The signing certificate carries " + whose
                + ", not the national register number expected for " + context.signer.role()
                + ". Only that person can sign here; nothing was signed.", Map.of("role", context.signer.role()));
    }

    private DocumentVersion currentVersion(Context context) {
        return documents.currentVersion(context.request.ownerClientId(), context.request.documentId());
    }

    private SignerOutcome outcome(Context context) {
        SigningRequest request = requests.find(context.request.id()).orElseThrow();
        Signer signer = request.signer(context.signer.position()).orElseThrow();
        DocumentVersion version = documents.currentVersion(request.ownerClientId(), request.documentId());
        return new SignerOutcome(signer.role(), signer.state(), request.state(), version.version(), version.sha256());
    }

}
