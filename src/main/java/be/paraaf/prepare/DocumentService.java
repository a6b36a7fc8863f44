package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.NotFoundException;
import be.paraaf.access.ApiClientRepository;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.StoredContent;
import be.paraaf.signing.Placement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

/**
 * Client-owned PDF documents: accepts uploads and generated PDFs after inspecting them (limits, damage,
 * encryption, active content), keeps every version's bytes in the {@link DocumentStore} and the metadata in
 * the database, and adds empty signature fields that paraaf's signing can fill later. Every call names the
 * owning client; another client's document is "not found", never "forbidden", so ids reveal nothing.
 * An uploaded PDF is stored byte for byte unless the caller asks for active content to be removed.
 */
@Service
public class DocumentService {

    public static final String UPLOAD = "upload";
    private static final Pattern SOURCE = Pattern.compile("upload|template:[a-z0-9][a-z0-9-]{0,63}(@[1-9][0-9]{0,8})?");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DocumentRepository documents;
    private final DocumentStore store;
    private final ApiClientRepository clients;
    private final DocumentsProperties properties;
    private final PdfInspector inspector;
    private final AgencyTemplateService templates;
    private final PagePreviewService previews;
    private final Clock clock;

    DocumentService(DocumentRepository documents, DocumentStore store, ApiClientRepository clients,
            DocumentsProperties properties, AgencyTemplateService templates, PagePreviewService previews, Clock clock) {
        this.templates = templates;
        this.previews = previews;
        this.documents = documents;
        this.store = store;
        this.clients = clients;
        this.properties = properties;
        this.inspector = new PdfInspector(properties.maxPages(), properties.inspectionTimeout(), clock);
        this.clock = clock;
    }

    /** The bytes of a document's current version. */
    public record DocumentContent(String name, String sha256, byte[] bytes) {
    }

    /**
     * Stores an uploaded PDF for {@code ownerClientId}. With {@code removeActiveContent}, a document that has
     * JavaScript / Launch / javascript: URI actions gets a second, cleaned version (the upload stays version 1).
     */
    public DocumentMetadata upload(String ownerClientId, String fileName, byte[] content, boolean removeActiveContent) {
        checkSize(content);
        PdfInspection inspection = inspector.inspect(content);
        List<byte[]> contents = new ArrayList<>(List.of(content));
        List<String> reasons = new ArrayList<>(List.of(UPLOAD));
        if (removeActiveContent && !inspection.activeContent().isEmpty()) {
            byte[] cleaned = inspector.removeActiveContent(content);
            reasons.add("active content removed (" + inspection.activeContent().size() + ")");
            contents.add(cleaned);
            inspection = inspector.inspect(cleaned);
        }
        return create(ownerClientId, fileName, UPLOAD, contents, reasons, inspection, List.of());
    }

    /**
     * Stores a PDF paraaf made for {@code ownerClientId} (e.g. a rendered template), after the same inspection
     * as an upload.
     *
     * @param source {@code upload}, {@code template:<name>} or {@code template:<name>@<agency template version>}
     */
    public DocumentMetadata store(String ownerClientId, String name, byte[] content, String source) {
        return store(ownerClientId, name, content, source, List.of());
    }

    private DocumentMetadata store(String ownerClientId, String name, byte[] content, String source,
            List<FieldParty> parties) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source must be 'upload' or 'template:<name>', not " + source);
        }
        checkSize(content);
        return create(ownerClientId, name, source, List.of(content), List.of(source), inspector.inspect(content),
                parties);
    }

    /**
     * Renders template {@code name} in {@code language} from {@code input} — the caller's own template of that name
     * (its latest version) when it uploaded one, else the built-in — and stores it as the caller's document. The
     * source records the agency template version ({@code template:lease@3}), so the document can be traced to the
     * exact package it was made with.
     */
    public DocumentMetadata createFromTemplate(String ownerClientId, String name, Language language, JsonNode input) {
        AgencyTemplateService.Rendered rendered = templates.render(ownerClientId, name, null, language, input);
        String source = "template:" + name + (rendered.version() == 0 ? "" : "@" + rendered.version());
        return store(ownerClientId, rendered.document().name(), rendered.document().content(), source,
                rendered.document().parties());
    }

    /** PNG of page {@code pageNumber} (1-based) of the current version, at {@code dpi} (null: default). */
    public byte[] pagePreview(String ownerClientId, String id, int pageNumber, Integer dpi) {
        StoredDocument document = find(ownerClientId, id);
        return previews.png(document.sha256(), store.get(document.sha256()), pageNumber, dpi);
    }

    public DocumentMetadata metadata(String ownerClientId, String id) {
        StoredDocument document = find(ownerClientId, id);
        return DocumentMetadata.of(document, inspector.inspect(store.get(document.sha256())),
                documents.versions(document.id()), documents.parties(document.id()));
    }

    /** The current version's number and hash, without reading the bytes. */
    public DocumentVersion currentVersion(String ownerClientId, String id) {
        StoredDocument document = find(ownerClientId, id);
        return new DocumentVersion(document.version(), document.sha256(), document.size(), null,
                document.updatedAt());
    }

    public DocumentContent content(String ownerClientId, String id) {
        StoredDocument document = find(ownerClientId, id);
        return new DocumentContent(document.name(), document.sha256(), store.get(document.sha256()));
    }

    /**
     * Adds an empty signature field {@code name} at {@code placement} as a new version (an incremental update
     * of the current one). Refused on signed documents, for existing names and over other signature fields.
     */
    public DocumentMetadata addSignatureField(String ownerClientId, String id, String name, Placement placement) {
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            throw new InvalidInputException(ProblemType.INVALID_FIELD_NAME, "A field name is 1 to 64 letters, digits, "
                    + "'-' or '_' (no dots: a dot separates parts of a PDF field name).", Map.of(), null);
        }
        StoredDocument document = find(ownerClientId, id);
        byte[] changed = inspector.addSignatureField(store.get(document.sha256()), name, placement);
        checkSize(changed);
        StoredContent stored = store.put(changed);
        DocumentVersion version = new DocumentVersion(document.version() + 1, stored.sha256(), stored.size(),
                "signature field added: " + name, clock.instant());
        if (!documents.addVersion(document.id(), document.version(), version, document.pageCount())) {
            throw new DocumentException(ProblemType.CONCURRENT_CHANGE,
                    "The document was changed by another request at the same time; read it again and retry.");
        }
        return metadata(ownerClientId, id);
    }

    /**
     * Stores {@code signed} — the current version with a signature added — as the next version, if the
     * document is still at {@code expectedVersion} (the version the signature was prepared on); otherwise a
     * 409 {@code document-changed} problem and nothing is stored as a version.
     */
    public DocumentMetadata addSignedVersion(String ownerClientId, String id, int expectedVersion, byte[] signed,
            String reason) {
        StoredDocument document = find(ownerClientId, id);
        checkSize(signed);
        if (document.version() == expectedVersion) {
            StoredContent stored = store.put(signed);
            DocumentVersion version = new DocumentVersion(expectedVersion + 1, stored.sha256(), stored.size(), reason,
                    clock.instant());
            if (documents.addVersion(document.id(), expectedVersion, version, document.pageCount())) {
                return metadata(ownerClientId, id);
            }
        }
        throw new DocumentException(ProblemType.DOCUMENT_CHANGED, "The document changed since this signature was "
                + "prepared (another signer signed first); prepare the signature again.");
    }

    /** Stores {@code contents} as versions 1..n; {@code inspection} is of the last one, which becomes current. */
    private DocumentMetadata create(String ownerClientId, String name, String source, List<byte[]> contents,
            List<String> reasons, PdfInspection inspection, List<FieldParty> parties) {
        if (!clients.exists(ownerClientId)) {
            throw new IllegalArgumentException("unknown API client " + ownerClientId);
        }
        Instant now = clock.instant();
        List<DocumentVersion> versions = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            StoredContent stored = store.put(contents.get(i));
            versions.add(new DocumentVersion(i + 1, stored.sha256(), stored.size(), reasons.get(i), now));
        }
        DocumentVersion current = versions.get(versions.size() - 1);
        StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), ownerClientId, fileName(name),
                source, current.sha256(), current.size(), inspection.pageCount(), current.version(), now, now);
        documents.create(document, versions, parties);
        return DocumentMetadata.of(document, inspection, versions, parties);
    }

    private StoredDocument find(String ownerClientId, String id) {
        return documents.find(id, ownerClientId).orElseThrow(() -> new NotFoundException(ProblemType.DOCUMENT_NOT_FOUND,
                "There is no document " + id + " for this API client."));
    }

    private void checkSize(byte[] content) {
        long max = properties.maxSize().toBytes();
        if (content.length > max) {
            throw new DocumentException(ProblemType.DOCUMENT_TOO_LARGE, "The document is " + content.length
                    + " bytes; this service accepts at most " + max + ".", Map.of("maxSize", max));
        }
    }

    /** The last path segment, without control characters, at most 255 characters; "document.pdf" if nothing is left. */
    static String fileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        base = base.replaceAll("\\p{Cntrl}", "").strip();
        if (base.length() > 255) {
            base = base.substring(base.length() - 255);
        }
        return base.isEmpty() ? "document.pdf" : base;
    }
}
