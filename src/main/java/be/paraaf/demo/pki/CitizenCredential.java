package be.paraaf.demo.pki;

import java.math.BigInteger;

/**
 * A freshly issued demo eID-like credential: a PKCS#12 file holding the keys under the aliases
 * {@code Signature} and {@code Authentication}, each with its full chain, and the two serials.
 */
public record CitizenCredential(byte[] pkcs12, BigInteger signatureSerial, BigInteger authenticationSerial) {

    public CitizenCredential {
        if (pkcs12 == null || pkcs12.length == 0) {
            throw new IllegalArgumentException("PKCS#12 content is empty");
        }
        if (signatureSerial == null || authenticationSerial == null) {
            throw new IllegalArgumentException("serials are missing");
        }
        pkcs12 = pkcs12.clone();
    }

    @Override
    public byte[] pkcs12() {
        return pkcs12.clone();
    }
}
