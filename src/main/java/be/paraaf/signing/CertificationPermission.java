package be.paraaf.signing;

/**
 * What a certification (DocMDP, ISO 32000-2 §12.8.2.2) signature lets later revisions do. A first
 * signer who expects co-signers must choose {@link #FORM_FILLING_AND_SIGNING} or broader:
 * {@link #NO_CHANGES} refuses every later signature.
 */
public enum CertificationPermission {
    NO_CHANGES, FORM_FILLING_AND_SIGNING, FORM_FILLING_SIGNING_AND_ANNOTATIONS;

    public static CertificationPermission parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown certification permission '" + text
                    + "' (expected NO_CHANGES, FORM_FILLING_AND_SIGNING or FORM_FILLING_SIGNING_AND_ANNOTATIONS)");
        }
    }
}
