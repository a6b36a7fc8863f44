package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.access.ApiClient;
import be.paraaf.prepare.DocumentMetadata;
import be.paraaf.prepare.DocumentService;
import be.paraaf.prepare.Language;
import be.paraaf.prepare.DocumentService.DocumentContent;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.Placement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The calling API client's documents: upload, metadata, content, new signature fields. */
@RestController
@RequestMapping("/api/documents")
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The API client's key, as 'Authorization: Bearer <key>' (or the header X-API-Key)")
@SecurityRequirement(name = "apiKey")
class DocumentController {

    private final DocumentService documents;

    private final UploadedFileReader uploads;

    DocumentController(DocumentService documents, UploadedFileReader uploads) {
        this.documents = documents;
        this.uploads = uploads;
    }

    /** A new empty signature field; coordinates in points from the page's top-left corner. */
    record NewSignatureField(String name, Integer page, Float x, Float y, Float width, Float height) {
    }

    @Operation(summary = "Upload a PDF; it is inspected and stored as the caller's document")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentMetadata> upload(@AuthenticationPrincipal ApiClient client,
            @RequestPart("document") MultipartFile document,
            @RequestParam(name = "removeActiveContent", defaultValue = "false") boolean removeActiveContent) {
        DocumentInput input = uploads.document(document);
        DocumentMetadata metadata = documents.upload(client.id(), input.name(), input.content(), removeActiveContent);
        return ResponseEntity.created(URI.create("/api/documents/" + metadata.id())).body(metadata);
    }

    @Operation(summary = "Render a template (PDF/A-2b, one empty signature field per signer) as the caller's document",
            description = "404 for an unknown template, 400 for an unsupported language, 422 listing every "
                    + "invalid field of the JSON body in the problem member 'errors'.")
    @PostMapping(path = "/templates/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentMetadata> fromTemplate(@AuthenticationPrincipal ApiClient client,
            @PathVariable String name, @RequestParam(defaultValue = "nl") String lang, @RequestBody JsonNode input) {
        DocumentMetadata metadata = documents.createFromTemplate(client.id(), name, Language.of(lang), input);
        return ResponseEntity.created(URI.create("/api/documents/" + metadata.id())).body(metadata);
    }

    @Operation(summary = "PNG preview of one page (1-based) of the current version; dpi 18..200, default 96")
    @GetMapping(path = "/{id}/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page(@AuthenticationPrincipal ApiClient client, @PathVariable String id,
            @PathVariable int page, @RequestParam(required = false) Integer dpi) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(documents.pagePreview(client.id(), id, page, dpi));
    }

    @Operation(summary = "Metadata of one of the caller's documents: pages, signatures, fields, active content")
    @GetMapping("/{id}")
    DocumentMetadata metadata(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return documents.metadata(client.id(), id);
    }

    @Operation(summary = "The PDF bytes of the document's current version")
    @GetMapping(path = "/{id}/content", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> content(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        DocumentContent content = documents.content(client.id(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .eTag("\"" + content.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.name(), StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }

    @Operation(summary = "Add an empty signature field (stored as a new version of the document)")
    @PostMapping(path = "/{id}/fields", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentMetadata> addField(@AuthenticationPrincipal ApiClient client, @PathVariable String id,
            @RequestBody NewSignatureField field) {
        Placement placement;
        try {
            placement = new Placement(required(field.page(), "page"), required(field.x(), "x"),
                    required(field.y(), "y"), required(field.width(), "width"), required(field.height(), "height"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ProblemType.INVALID_PLACEMENT, e.getMessage(), Map.of(), e);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(documents.addSignatureField(client.id(), id, field.name(), placement));
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("a field needs name, page, x, y, width and height; " + name
                    + " is missing");
        }
        return value;
    }
}
