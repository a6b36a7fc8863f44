package be.paraaf.request;

import be.paraaf.consent.itsme.ConsentDecided;
import be.paraaf.consent.itsme.ConsentOutcome;
import be.paraaf.consent.itsme.ConsentRequest;
import be.paraaf.consent.itsme.ItsmeSigning;
import be.paraaf.request.RemoteConsentDecision.Outcome;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signing requests' remote consent through itsme-style push approval: the chain and the consent come from
 * {@link ItsmeSigning}; its decisions become {@link RemoteConsentDecision}s for {@link SignerActionService}. A
 * locked account refuses the consent (the citizen must be unlocked before signing again).
 */
@Component
// paraaf's own itsme accounts, unless a CSC remote-signing provider is configured (CscRemoteConsent)
@ConditionalOnExpression("'${paraaf.remote-signing.csc.base-url:}'.isBlank()")
class ItsmeRemoteConsent implements RemoteConsent {

    private final ItsmeSigning itsme;
    private final ApplicationEventPublisher events;

    ItsmeRemoteConsent(ItsmeSigning itsme, ApplicationEventPublisher events) {
        this.itsme = itsme;
        this.events = events;
    }

    @Override
    public List<X509Certificate> signingChain(String nrn) {
        return itsme.signingChain(nrn);
    }

    @Override
    public Challenge requestConsent(String nrn, String documentTitle, byte[] dataToSign, String signatureAlgorithm) {
        ConsentRequest consent = itsme.requestConsent(nrn, documentTitle, dataToSign, signatureAlgorithm);
        return new Challenge(consent.id(), consent.verificationCode(), consent.expiresAt());
    }

    @EventListener
    void decided(ConsentDecided decided) {
        ConsentOutcome outcome = decided.outcome();
        Outcome mapped = switch (outcome.status()) {
            case APPROVED -> Outcome.APPROVED;
            case EXPIRED -> Outcome.EXPIRED;
            case REJECTED, LOCKED -> Outcome.REFUSED;
            case PENDING -> null;
        };
        if (mapped == null) {
            return;
        }
        byte[] signatureValue = outcome instanceof ConsentOutcome.Approved approved ? approved.signatureValue() : null;
        events.publishEvent(new RemoteConsentDecision(decided.consentId(), mapped, signatureValue));
    }
}
