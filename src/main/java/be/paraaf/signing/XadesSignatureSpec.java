package be.paraaf.signing;

/** What a XAdES signature should be (ETSI EN 319 132-1). */
public record XadesSignatureSpec(SignatureLevel level, HashAlgorithm hash, XmlPackaging packaging) {

    public XadesSignatureSpec {
        if (level == null) {
            throw new IllegalArgumentException("signature level is missing");
        }
        hash = hash == null ? HashAlgorithm.SHA256 : hash;
        packaging = packaging == null ? XmlPackaging.ENVELOPED : packaging;
    }
}
