package be.paraaf.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key the service may use itself (the evidence seal, an itsme-style remote key) with its
 * certificate chain, signing certificate first. The key may live in a PKCS#12 file or a PKCS#11
 * token; signing only calls {@link java.security.Signature} on it.
 */
public record KeyCredential(PrivateKey privateKey, List<X509Certificate> chain) {

    public KeyCredential {
        if (privateKey == null) {
            throw new IllegalArgumentException("private key is missing");
        }
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
