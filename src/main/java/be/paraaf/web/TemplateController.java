package be.paraaf.web;

import be.paraaf.access.ApiClient;
import be.paraaf.prepare.AgencyTemplateService;
import be.paraaf.prepare.Language;
import be.paraaf.prepare.RenderedDocument;
import be.paraaf.prepare.TemplateInfo;
import be.paraaf.prepare.TemplateService;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Document templates: what exists (with a JSON Schema each), rendering one to tagged PDF/A-2a (PDF/UA-1), and an
 * agency's own template packages.
 */
@RestController
class TemplateController {

    /** Response header listing the empty signature fields of a rendered document, comma-separated. */
    static final String SIGNATURE_FIELDS_HEADER = "Paraaf-Signature-Fields";

    private final TemplateService templates;
    private final AgencyTemplateService agencyTemplates;

    TemplateController(TemplateService templates, AgencyTemplateService agencyTemplates) {
        this.templates = templates;
        this.agencyTemplates = agencyTemplates;
    }

    @Operation(summary = "Upload a template package (zip: template.json, template.html, labels/nl|fr|en.properties, "
            + "CSS, images) as the next version of your template of that name",
            description = "The package is checked and a sample rendered in every language before it is stored; 422 "
                    + "(invalid-template-package) lists every problem in the member 'problems'. Only you see it; a "
                    + "template of the same name as a built-in one replaces it for your documents. 413 above "
                    + "6 MB.", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string",
                            format = "binary"))))
    @PostMapping(path = "/api/agency-templates", consumes = {"application/zip", "application/octet-stream"})
    ResponseEntity<AgencyTemplateService.Version> upload(@AuthenticationPrincipal ApiClient client,
            InputStream body, HttpServletRequest request) throws IOException {
        AgencyTemplateService.Version version = agencyTemplates.upload(client.id(), bounded(body, request));
        return ResponseEntity.created(URI.create("/api/agency-templates/" + version.name() + "/"
                + version.version())).body(version);
    }

    /** The body, read only as far as a package can go: a larger one is a 413 before it fills the heap. */
    private static byte[] bounded(InputStream body, HttpServletRequest request) throws IOException {
        int limit = AgencyTemplateService.MAX_PACKAGE_BYTES;
        byte[] zip = request.getContentLengthLong() > limit ? null : body.readNBytes(limit + 1);
        if (zip == null || zip.length > limit) {
            throw new InvalidInputException(ProblemType.UPLOAD_TOO_LARGE, "A template package is at most "
                    + limit / (1024 * 1024) + " MB: its files unpack to at most 5 MB.");
        }
        return zip;
    }

    @Operation(summary = "Your uploaded templates, every version, newest first per name")
    @GetMapping("/api/agency-templates")
    List<AgencyTemplateService.Version> agencyTemplates(@AuthenticationPrincipal ApiClient client) {
        return agencyTemplates.list(client.id());
    }

    @Operation(summary = "The templates, their languages, signature fields and input JSON Schema")
    @GetMapping("/api/templates")
    List<TemplateInfo> templates() {
        return templates.templates();
    }

    @Operation(summary = "Renders a template to tagged PDF/A-2a (PDF/UA-1) with one empty signature field per signer",
            description = "404 for an unknown template, 400 for an unsupported language, 422 listing every "
                    + "invalid field of the JSON body in the problem member 'errors'.")
    @PostMapping(path = "/api/templates/{name}/render", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> render(@PathVariable String name, @RequestParam(defaultValue = "nl") String lang,
            @RequestBody JsonNode input) {
        RenderedDocument document = templates.render(name, Language.of(lang), input);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(document.name()).build().toString())
                .header(SIGNATURE_FIELDS_HEADER, String.join(",", document.fieldNames()))
                .body(document.content());
    }
}
