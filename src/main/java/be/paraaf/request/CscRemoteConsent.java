package be.paraaf.request;

import be.paraaf.system.ProblemType;
import be.paraaf.system.Digests;
import be.paraaf.consent.csc.CscClient;
import be.paraaf.consent.csc.CscException;
import be.paraaf.consent.csc.CscProperties;
import be.paraaf.consent.itsme.VerificationCodes;
import be.paraaf.identity.CertificateIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Remote consent through a Cloud Signature Consortium API v2 provider (a qualified remote-signing service, for
 * itsme signatures): the chain from {@code credentials/list} + {@code credentials/info}; a consent is
 * {@code credentials/authorize} for the one hash — the provider asks the citizen — then {@code signatures/signHash}.
 * The verification code derives from that hash on both sides. Active when {@code paraaf.remote-signing.csc.base-url}
 * is set; otherwise paraaf's own itsme accounts answer ({@link ItsmeRemoteConsent}).
 */
@Component
@ConditionalOnExpression("!'${paraaf.remote-signing.csc.base-url:}'.isBlank()")
class CscRemoteConsent implements RemoteConsent, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CscRemoteConsent.class);

    private final CscClient csc;
    private final CscProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // each consent waits for the citizen on a thread of its own (up to 64 at once, idle threads end after a
    // minute); beyond that a few queue and the rest are refused, never queued for longer than a citizen waits
    private final ThreadPoolExecutor waiting = new ThreadPoolExecutor(64, 64, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(16));

    CscRemoteConsent(CscProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.csc = new CscClient(properties, clock);
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        waiting.allowCoreThreadTimeOut(true);
    }

    @Override
    public List<X509Certificate> signingChain(String nrn) {
        List<X509Certificate> chain = credential(nrn).chain();
        String named = CertificateIdentity.nationalNumber(chain.get(0)).map(NationalRegisterNumber::value).orElse("");
        if (!named.equals(nrn)) {
            throw new RequestException(ProblemType.REMOTE_CREDENTIAL_MISMATCH, "The remote-signing provider's "
                    + "certificate for this person names someone else.");
        }
        return chain;
    }

    @Override
    public Challenge requestConsent(String nrn, String documentTitle, byte[] dataToSign, String signatureAlgorithm) {
        String signAlgorithm = switch (signatureAlgorithm) {
            case "SHA256withECDSA" -> CscClient.ECDSA_SHA256_OID;
            case "SHA256withRSA" -> CscClient.RSA_SHA256_OID;
            default -> throw new RequestException(ProblemType.INVALID_CONSENT_REQUEST, "A remote-signing provider signs "
                    + "SHA-256 hashes: " + signatureAlgorithm + " cannot be asked for.");
        };
        CscClient.Credential credential = credential(nrn);
        byte[] hash = Digests.sha256(dataToSign);
        String id = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(properties.authorisationTimeout());
        try {
            waiting.execute(() -> decide(id, credential.id(), hash, documentTitle, signAlgorithm));
        } catch (RejectedExecutionException e) {
            throw new RequestException(ProblemType.REMOTE_SIGNING_BUSY, "Too many signatures are waiting for their "
                    + "signers' approval; try again in a minute.");
        }
        return new Challenge(id, VerificationCodes.derive(hash), expiresAt);
    }

    private void decide(String id, String credentialId, byte[] hash, String title, String signAlgorithm) {
        RemoteConsentDecision decision;
        try {
            String sad = csc.authorize(credentialId, hash, title);
            decision = new RemoteConsentDecision(id, RemoteConsentDecision.Outcome.APPROVED,
                    csc.signHash(credentialId, sad, hash, signAlgorithm));
        } catch (CscException e) {
            log.info("remote consent {} not given: {} ({})", id, e.getMessage(), e.error());
            decision = new RemoteConsentDecision(id, e.expired() ? RemoteConsentDecision.Outcome.EXPIRED
                    : RemoteConsentDecision.Outcome.REFUSED, null);
        } catch (RuntimeException e) {
            log.warn("remote consent {} failed", id, e);
            decision = new RemoteConsentDecision(id, RemoteConsentDecision.Outcome.REFUSED, null);
        }
        events.publishEvent(decision);
    }

    private CscClient.Credential credential(String nrn) {
        return csc.credentialOf(nrn).orElseThrow(() -> new RequestException(ProblemType.NO_REMOTE_CREDENTIAL,
                "This person has no remote signing credential at the remote-signing provider: they sign with "
                        + "the eID card, or enrol with the provider first."));
    }

    @Override
    public void destroy() {
        waiting.shutdownNow();
    }
}
