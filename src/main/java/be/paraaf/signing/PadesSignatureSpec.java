package be.paraaf.signing;

/**
 * What a PAdES signature should be (ETSI EN 319 142-1). {@code appearance} null means invisible;
 * {@code certification} non-null makes it a certification (DocMDP) signature, allowed only as the
 * first signature of a document.
 */
public record PadesSignatureSpec(SignatureLevel level, HashAlgorithm hash, VisibleAppearance appearance,
        String reason, String location, CertificationPermission certification) {

    public PadesSignatureSpec {
        if (level == null) {
            throw new IllegalArgumentException("signature level is missing");
        }
        hash = hash == null ? HashAlgorithm.SHA256 : hash;
        reason = blankToNull(reason);
        location = blankToNull(location);
        if (reason != null && reason.length() > 500 || location != null && location.length() > 200) {
            throw new IllegalArgumentException("reason (500) or location (200 characters) is too long");
        }
    }

    public static PadesSignatureSpec invisible(SignatureLevel level) {
        return new PadesSignatureSpec(level, HashAlgorithm.SHA256, null, null, null, null);
    }

    public PadesSignatureSpec withAppearance(VisibleAppearance newAppearance) {
        return new PadesSignatureSpec(level, hash, newAppearance, reason, location, certification);
    }

    public PadesSignatureSpec withCertification(CertificationPermission permission) {
        return new PadesSignatureSpec(level, hash, appearance, reason, location, permission);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
