package be.paraaf.request;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Port to a remote-key consent provider (itsme-style push approval; CSC signHash semantics, EN 419 241-1
 * sole control). paraaf computes what is to be signed; the provider asks the citizen on their device and,
 * on approval, signs that data with the citizen's remote key. The provider knows nothing of PDF or requests.
 * <p>
 * An adapter (in {@code consent.itsme}) implements this and, when the citizen decides, publishes a
 * {@link RemoteConsentDecision} as a Spring application event (or calls
 * {@link SignerActionService#consentDecided(RemoteConsentDecision)}).
 */
public interface RemoteConsent {

    /**
     * The certificate chain (signing certificate first) of the remote signing key of the citizen with national
     * register number {@code nrn} (11 digits). The signing certificate's subject SERIALNUMBER must carry that
     * number. Throws a {@link be.paraaf.system.ParaafException} (e.g. 404/409) if the citizen has no usable account.
     */
    List<X509Certificate> signingChain(String nrn);

    /**
     * Starts a consent: the citizen is asked on their device to approve signing {@code dataToSign} (the
     * provider signs exactly these bytes with {@code signatureAlgorithm}, e.g. {@code SHA256withRSA}, PKCS#1
     * v1.5) for a document titled {@code documentTitle}.
     */
    Challenge requestConsent(String nrn, String documentTitle, byte[] dataToSign, String signatureAlgorithm);

    /**
     * A started consent.
     *
     * @param id unique consent id, later named in the {@link RemoteConsentDecision}
     * @param verificationCode short code derived from the hash, shown both on paraaf's page and in the app
     */
    record Challenge(String id, String verificationCode, Instant expiresAt) {

        public Challenge {
            if (id == null || id.isBlank() || id.length() > 100) {
                throw new IllegalArgumentException("consent id must be 1 to 100 characters");
            }
        }
    }
}
