package be.paraaf.consent.itsme;

import be.paraaf.identity.CitizenIdentity;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certification authority that certifies an itsme account's remote signing key once the eID has confirmed
 * who the person is. The embedded demo provides one (the Demo Remote Signing CA); without one, an enrolment's
 * confirmation answers 503 {@code no-remote-signing-ca}.
 */
public interface RemoteSigningCertificates {

    /** @return the new certificate for {@code key}, naming {@code identity}, followed by its issuers up to the root */
    List<X509Certificate> certify(CitizenIdentity identity, PublicKey key);
}
