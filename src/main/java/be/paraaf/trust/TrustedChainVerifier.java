package be.paraaf.trust;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether a certificate chain (signer first) ends in a certificate paraaf trusts — the demo root, configured
 * trust stores or trusted lists — with every certificate valid at {@code at} and signed by the next. For
 * authentication (eID login); signatures are judged by full DSS validation instead. Revocation is not checked.
 */
@Component
public class TrustedChainVerifier {

    private final CommonTrustedCertificateSource roots;
    private final TrustedListsCertificateSource trustedLists;

    // named as the beans of TrustConfiguration: both are CommonTrustedCertificateSources
    TrustedChainVerifier(CommonTrustedCertificateSource trustedRoots,
            TrustedListsCertificateSource trustedListCertificates) {
        this.roots = trustedRoots;
        this.trustedLists = trustedListCertificates;
    }

    public boolean isTrusted(List<X509Certificate> chain, Instant at) {
        if (chain.isEmpty()) {
            return false;
        }
        Date when = Date.from(at);
        try {
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate certificate = chain.get(i);
                certificate.checkValidity(when);
                if (trusted(certificate)) {
                    return true;
                }
                if (i + 1 < chain.size()) {
                    certificate.verify(chain.get(i + 1).getPublicKey());
                }
            }
        } catch (GeneralSecurityException e) {
            return false;
        }
        return false;
    }

    private boolean trusted(X509Certificate certificate) {
        CertificateToken token = new CertificateToken(certificate);
        return roots.isTrusted(token) || trustedLists.isTrusted(token);
    }
}
