package be.paraaf.prepare;

import java.util.List;

/**
 * A template rendered to PDF/A-2b (ISO 19005-2, level B).
 *
 * @param name       a file name such as {@code lease-nl.pdf}
 * @param content    the PDF bytes
 * @param fieldNames the empty signature fields in signing order, e.g. {@code tenant-1, tenant-2, agency}
 * @param parties    who the document names for each field (the identity a signing request binds to it)
 */
public record RenderedDocument(String name, byte[] content, List<String> fieldNames, List<FieldParty> parties) {

    public RenderedDocument {
        if (name == null || name.isBlank() || content == null || content.length == 0) {
            throw new IllegalArgumentException("a rendered document needs a name and content");
        }
        fieldNames = List.copyOf(fieldNames);
        parties = List.copyOf(parties);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
