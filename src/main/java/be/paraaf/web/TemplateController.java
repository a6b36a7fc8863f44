package be.paraaf.web;

import be.paraaf.prepare.Language;
import be.paraaf.prepare.RenderedDocument;
import be.paraaf.prepare.TemplateInfo;
import be.paraaf.prepare.TemplateService;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Document templates: what exists (with a JSON Schema each) and rendering one to PDF/A-2b. */
@RestController
class TemplateController {

    /** Response header listing the empty signature fields of a rendered document, comma-separated. */
    static final String SIGNATURE_FIELDS_HEADER = "Paraaf-Signature-Fields";

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @Operation(summary = "The templates, their languages, signature fields and input JSON Schema")
    @GetMapping("/api/templates")
    List<TemplateInfo> templates() {
        return templates.templates();
    }

    @Operation(summary = "Renders a template to PDF/A-2b with one empty signature field per signer",
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
