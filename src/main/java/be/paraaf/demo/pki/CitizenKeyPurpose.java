package be.paraaf.demo.pki;

/** The two keys of a Belgian eID card; the purpose ends up in the subject CN and the key usage. */
public enum CitizenKeyPurpose {
    /** Qualified-signature key: key usage nonRepudiation (critical). */
    SIGNATURE("Signature"),
    /** Authentication key: key usage digitalSignature. */
    AUTHENTICATION("Authentication");

    private final String label;

    CitizenKeyPurpose(String label) {
        this.label = label;
    }

    /** "Signature" or "Authentication", as in the eID CN and the PKCS#12 alias. */
    public String label() {
        return label;
    }
}
