package be.paraaf.signing;

/** How a XAdES signature relates to the XML it signs (ETSI EN 319 132-1). */
public enum XmlPackaging {
    /** The signature is inserted into the signed XML document. */
    ENVELOPED,
    /** The signature is a separate XML document referring to the signed document by name. */
    DETACHED;

    public static XmlPackaging parse(String text) {
        if (text == null || text.isBlank()) {
            return ENVELOPED;
        }
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown XML packaging '" + text + "' (expected ENVELOPED or DETACHED)");
        }
    }
}
