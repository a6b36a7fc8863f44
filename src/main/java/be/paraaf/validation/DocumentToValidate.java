package be.paraaf.validation;

import be.paraaf.system.FileNames;
import java.util.List;

/**
 * A document a verifier uploads: a signed PDF or XML (or a detached XAdES signature), plus the original
 * files a detached signature refers to.
 */
public record DocumentToValidate(String name, byte[] content, List<DetachedContent> detachedContents) {

    /** An original file a detached signature covers; its name must match the signature's reference URI. */
    public record DetachedContent(String name, byte[] content) {

        public DetachedContent {
            if (content == null) {
                throw new IllegalArgumentException("detached content is missing");
            }
            name = cleanName(name);
        }
    }

    public DocumentToValidate {
        if (content == null) {
            throw new IllegalArgumentException("document content is missing");
        }
        name = cleanName(name);
        detachedContents = detachedContents == null ? List.of() : List.copyOf(detachedContents);
    }

    public DocumentToValidate(String name, byte[] content) {
        this(name, content, List.of());
    }

    private static String cleanName(String name) {
        return FileNames.normalise(name, "document");
    }
}
