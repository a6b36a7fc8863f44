package be.paraaf.signing;

/** A document handed to signing: its file name (used in detached references and downloads) and bytes. */
public record DocumentInput(String name, byte[] content) {

    public DocumentInput {
        name = name == null || name.isBlank() ? "document" : name.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (content == null) {
            throw new IllegalArgumentException("document content is missing");
        }
    }
}
