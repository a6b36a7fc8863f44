package be.paraaf.request;

import be.paraaf.demo.pki.DemoPki;
import be.paraaf.identity.CitizenIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.request.RemoteConsentDecision.Outcome;
import be.paraaf.support.TwoStepFlow;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A stand-in for the itsme adapter: each citizen gets a remote signing key certified by the demo Remote Signing
 * CA; a consent waits until the test approves (signs the data with that key) or refuses it, and the decision is
 * published as the adapter will publish it.
 */
class FakeRemoteConsent implements RemoteConsent {

    record Pending(String nrn, String title, byte[] dataToSign, String algorithm) {
    }

    private final DemoPki pki;
    private final ApplicationEventPublisher events;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, List<X509Certificate>> chains = new ConcurrentHashMap<>();
    final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** nrn → the nrn whose account answers instead (a mix-up the service must catch). */
    final Map<String, String> misroutes = new ConcurrentHashMap<>();

    FakeRemoteConsent(DemoPki pki, ApplicationEventPublisher events) {
        this.pki = pki;
        this.events = events;
    }

    @Override
    public List<X509Certificate> signingChain(String nrn) {
        String holder = misroutes.getOrDefault(nrn, nrn);
        return chains.computeIfAbsent(holder, number -> pki.certifyRemoteSigning(
                new CitizenIdentity("Remote", "Signer", NationalRegisterNumber.parse(number)),
                keys.computeIfAbsent(number, n -> newKey()).getPublic()));
    }

    @Override
    public Challenge requestConsent(String nrn, String documentTitle, byte[] dataToSign, String signatureAlgorithm) {
        String id = UUID.randomUUID().toString();
        pending.put(id, new Pending(nrn, documentTitle, dataToSign, signatureAlgorithm));
        return new Challenge(id, String.format("%04d", Math.floorMod(id.hashCode(), 10_000)),
                Instant.now().plus(Duration.ofMinutes(3)));
    }

    void approve(String consentId) {
        Pending consent = pending.remove(consentId);
        byte[] value = TwoStepFlow.sign(consent.dataToSign(), consent.algorithm(),
                keys.get(misroutes.getOrDefault(consent.nrn(), consent.nrn())).getPrivate());
        events.publishEvent(new RemoteConsentDecision(consentId, Outcome.APPROVED, value));
    }

    void refuse(String consentId) {
        pending.remove(consentId);
        events.publishEvent(new RemoteConsentDecision(consentId, Outcome.REFUSED, null));
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
