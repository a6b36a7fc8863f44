package be.paraaf.archive;

import be.paraaf.system.FileNames;
import java.util.List;

/**
 * What to archive: a signed PDF with who it belongs to and who it concerns. The signing-request flow builds
 * one on completion; {@code POST /api/archive} builds one from an upload.
 *
 * @param ownerClientId the agency (API client) that owns the entry
 * @param documentType e.g. {@code lease}, {@code itsme-contract}, {@code upload}; selects the retention period
 * @param requestId the signing request the document came from, if any
 * @param auditTrailJson the request's audit trail (JSON), sealed with the entry; {@code null} when there is none
 */
public record ArchiveRequest(String ownerClientId, String documentType, List<Party> parties, String requestId,
        String documentName, byte[] signedPdf, byte[] auditTrailJson) {

    public ArchiveRequest {
        if (ownerClientId == null || ownerClientId.isBlank()) {
            throw new IllegalArgumentException("owner client id is missing");
        }
        if (documentType == null || !documentType.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("documentType must be 1-64 lowercase letters, digits or '-'");
        }
        if (parties == null || parties.isEmpty()) {
            throw new IllegalArgumentException("at least one party is required");
        }
        parties = List.copyOf(parties);
        if (requestId != null && (requestId.isBlank() || requestId.length() > 100)) {
            throw new IllegalArgumentException("requestId must be 1-100 characters");
        }
        if (signedPdf == null || signedPdf.length == 0) {
            throw new IllegalArgumentException("the signed PDF is missing");
        }
        documentName = FileNames.normalise(documentName, "document.pdf");
        if (auditTrailJson != null && auditTrailJson.length == 0) {
            auditTrailJson = null;
        }
    }
}
