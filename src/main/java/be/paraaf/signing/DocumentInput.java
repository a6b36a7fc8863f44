package be.paraaf.signing;

import be.paraaf.system.FileNames;

/**
 * A document handed to signing: its file name (used in detached references and downloads; normalised by
 * {@link FileNames}) and bytes.
 */
public record DocumentInput(String name, byte[] content) {

    public DocumentInput {
        name = FileNames.normalise(name, "document");
        if (content == null) {
            throw new IllegalArgumentException("document content is missing");
        }
    }
}
