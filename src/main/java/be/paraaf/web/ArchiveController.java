package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.access.ApiClient;
import be.paraaf.archive.ArchiveEntry;
import be.paraaf.archive.ArchiveIntegrity;
import be.paraaf.archive.ArchiveRequest;
import be.paraaf.archive.ArchiveSearch;
import be.paraaf.archive.ArchiveService;
import be.paraaf.archive.ArchiveViewer;
import be.paraaf.archive.Party;
import be.paraaf.archive.PreservationJob;
import be.paraaf.request.RequestService;
import be.paraaf.signing.DocumentInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calling agency's archive. Every call needs an API key; an entry of another client is a 404. Citizen
 * access (eID / itsme) is in {@code CitizenController}.
 */
@RestController
@RequestMapping("/api/archive")
@SecurityRequirement(name = "apiKey")
class ArchiveController {

    private final ArchiveService archive;
    private final ArchiveIntegrity integrity;
    private final PreservationJob preservation;
    private final JsonMapper json;
    private final RequestService requests;
    private final UploadedFileReader uploads;

    ArchiveController(ArchiveService archive, ArchiveIntegrity integrity, PreservationJob preservation,
            JsonMapper json, RequestService requests, UploadedFileReader uploads) {
        this.archive = archive;
        this.uploads = uploads;
        this.requests = requests;
        this.integrity = integrity;
        this.preservation = preservation;
        this.json = json;
    }

    /** The JSON metadata part of an upload. */
    record Metadata(String documentType, List<Party> parties, String requestId) {
    }

    record LegalHold(Boolean legalHold) {
    }

    @Operation(summary = "Archive a signed PDF: extended to PAdES-B-LTA, validated, stored; its RFC 4998 evidence "
            + "record is sealed moments later in the next batch",
            description = "Multipart: 'document' (the signed PDF), 'metadata' (JSON: documentType, parties "
                    + "[{name, nationalNumber, role}], requestId) and optionally 'auditTrail' (JSON). A requestId must "
                    + "name one of the caller's signing requests (else 404).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ArchiveEntry> create(@AuthenticationPrincipal ApiClient client,
            @RequestPart("document") MultipartFile document, @RequestPart("metadata") String metadata,
            @RequestPart(name = "auditTrail", required = false) byte[] auditTrail) {
        DocumentInput pdf = uploads.document(document);
        ArchiveRequest request;
        try {
            Metadata meta = json.readValue(metadata, Metadata.class);
            request = new ArchiveRequest(client.id(), meta.documentType(), meta.parties(), meta.requestId(),
                    pdf.name(), pdf.content(), auditTrail);
        } catch (JacksonException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException inner ? inner : e;
            throw new InvalidInputException(ProblemType.INVALID_ARCHIVE_REQUEST,
                    "The archive metadata is not acceptable: " + cause.getMessage(), Map.of(), e);
        }
        if (request.requestId() != null) {
            requests.view(client.id(), request.requestId()); // another agency's request is "not found" too
        }
        ArchiveEntry entry = archive.archive(request);
        return ResponseEntity.created(URI.create("/api/archive/" + entry.id())).body(entry);
    }

    @Operation(summary = "Search the caller's entries (newest first)",
            description = "from/to: ISO dates (2026-11-01) or instants, on the archiving date; to is exclusive. "
                    + "requestId: the entry archived for that signing request (400 invalid-search if not a UUID).")
    @GetMapping
    ArchiveSearch.Page search(@AuthenticationPrincipal ApiClient client,
            @RequestParam(required = false) String nationalNumber, @RequestParam(required = false) String documentType,
            @RequestParam(required = false) String requestId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        ArchiveSearch search;
        try {
            search = new ArchiveSearch(nationalNumber, documentType, requestId, instant(from, "from"),
                    instant(to, "to"), page, size);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(ProblemType.INVALID_SEARCH, e.getMessage());
        }
        return archive.search(viewer(client), search);
    }

    @Operation(summary = "Metadata of one entry: parties, dates, every part version with its SHA-256")
    @GetMapping("/{id}")
    ArchiveEntry entry(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return archive.find(viewer(client), id);
    }

    @Operation(summary = "The current version of the archived PDF (PAdES-B-LTA)")
    @GetMapping(path = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> document(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return download(archive.document(viewer(client), id), id + ".pdf", MediaType.APPLICATION_PDF);
    }

    @Operation(summary = "Evidence package (ASiC-E, ETSI EN 319 162-1): the archived PDF, the evidence XML with the "
            + "audit trail and the validation reports, sealed by the service (XAdES) with the RFC 4998 evidence record; "
            + "made on the first download and kept until the record is renewed")
    @GetMapping(path = "/{id}/evidence", produces = {"application/vnd.etsi.asic-e+zip", "application/zip"})
    ResponseEntity<byte[]> evidence(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return download(archive.evidencePackage(viewer(client), id), id + "-evidence.asice",
                MediaType.parseMediaType("application/vnd.etsi.asic-e+zip"));
    }

    @Operation(summary = "Set or release a legal hold: {\"legalHold\": true}")
    @PutMapping(path = "/{id}/legal-hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    ArchiveEntry legalHold(@AuthenticationPrincipal ApiClient client, @PathVariable String id,
            @RequestBody LegalHold body) {
        if (body == null || body.legalHold() == null) {
            throw new InvalidInputException(ProblemType.INVALID_LEGAL_HOLD, "Send {\"legalHold\": true|false}.");
        }
        return archive.legalHold(viewer(client), id, body.legalHold());
    }

    @Operation(summary = "Recompute every archived blob's SHA-256 against the metadata",
            description = "Counts cover the whole archive; findings list only the caller's entries.")
    @PostMapping("/integrity-check")
    ArchiveIntegrity.Report integrityCheck(@AuthenticationPrincipal ApiClient client) {
        return archive.visibleTo(viewer(client), integrity.check());
    }

    @Operation(summary = "The last preservation run on this node: entries sealed, batches and entries renewed",
            description = "Counts are entries unless named batches; see docs/preservation.md.")
    @GetMapping("/preservation")
    PreservationJob.Status preservation() {
        return preservation.status();
    }

    private static ArchiveViewer viewer(ApiClient client) {
        return new ArchiveViewer.Agency(client.id());
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO date (2026-11-01) or instant", e);
        }
    }

    static ResponseEntity<byte[]> download(byte[] content, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(content);
    }
}
