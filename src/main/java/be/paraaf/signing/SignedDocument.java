package be.paraaf.signing;

/** The output of signing, extension or time-stamping. */
public record SignedDocument(String name, String mediaType, byte[] content) {
}
