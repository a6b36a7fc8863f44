package be.paraaf.consent.itsme;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Consent by itsme-style push approval, the port a signing request uses. Modelled on the Cloud Signature
 * Consortium API's {@code signatures/signHash} with a Signature Activation Protocol as in CEN EN 419 241-1
 * (SCAL2): the requester sends only the data to be signed; the signer approves on their enrolled device
 * with their secret code; only then does the service's remote key sign.
 *
 * <p>Typical use with {@code SigningService}: {@link #signingChain} → {@code preparePades(document, chain,
 * spec)} → {@link #requestConsent}{@code (nrn, title, pending.dataToSign(), pending.signatureAlgorithm())}
 * → show the verification code → on {@link ConsentDecided} (or by polling {@link #outcome}) with
 * {@link ConsentOutcome.Approved} → {@code complete(handle, signatureValue)}.
 */
public interface ItsmeSigning {

    /**
     * The remote-signing certificate chain (signing certificate first) of the active account of this
     * person.
     *
     * @throws ItsmeException 404 {@code itsme-account-not-found}, 409 {@code itsme-account-not-active},
     *         423 {@code itsme-account-locked}
     */
    List<X509Certificate> signingChain(String nationalRegisterNumber);

    /**
     * Stores a consent request for {@code dataToSign} (its SHA-256 is what the device approves), derives the
     * verification code from that hash and pushes the request to the person's devices.
     *
     * @param signatureAlgorithm JCA name the remote key must use, e.g. {@code SHA256withECDSA}
     *        ({@code PendingSignature.signatureAlgorithm()})
     */
    ConsentRequest requestConsent(String nationalRegisterNumber, String documentTitle, byte[] dataToSign,
            String signatureAlgorithm);

    /** Where the consent stands now; an overdue pending consent reads EXPIRED. */
    ConsentOutcome outcome(String consentId);
}
