package be.paraaf.trust;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Contributes trusted root certificates to the certificate verifier. The embedded demo PKI is one
 * such source; configured trust stores and EU trusted lists are others.
 */
public interface TrustAnchorSource {

    List<X509Certificate> trustAnchors();
}
