package be.paraaf.signing;

public enum SignatureFormat {
    PADES("application/pdf"), XADES("application/xml");

    private final String mediaType;

    SignatureFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
