package be.paraaf.prepare;

import be.paraaf.prepare.PdfInspection.ActiveContent;
import be.paraaf.prepare.PdfInspection.ExistingSignature;
import be.paraaf.prepare.PdfInspection.SignatureField;
import java.time.Instant;
import java.util.List;

/**
 * What a client sees of one of its documents: identity and hash of the current version, what the PDF holds,
 * and the history of versions.
 *
 * @param source {@code upload} or {@code template:<name>}
 * @param activeContent JavaScript / Launch / javascript: URI actions in the current version
 * @param parties who a template document names under each signature field (empty for uploads)
 * @param language the language the PDF declares (its catalog's {@code /Lang}, e.g. {@code nl-BE}), or null
 */
public record DocumentMetadata(String id, String name, long size, String sha256, int pageCount, int version,
        String source, Instant createdAt, Instant updatedAt, int signatureCount, List<ExistingSignature> signatures,
        List<SignatureField> fields, List<ActiveContent> activeContent, List<DocumentVersion> versions, List<FieldParty> parties,
        String language) {

    static DocumentMetadata of(StoredDocument document, PdfInspection inspection, List<DocumentVersion> versions,
            List<FieldParty> parties) {
        return new DocumentMetadata(document.id(), document.name(), document.size(), document.sha256(),
                inspection.pageCount(), document.version(), document.source(), document.createdAt(),
                document.updatedAt(), inspection.signatures().size(), inspection.signatures(), inspection.fields(),
                inspection.activeContent(), List.copyOf(versions), List.copyOf(parties),
                inspection.language());
    }
}
