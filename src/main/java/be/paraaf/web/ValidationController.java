package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import be.paraaf.prepare.Language;
import be.paraaf.prepare.ValidationReportDocument;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.DocumentToValidate.DetachedContent;
import be.paraaf.validation.ReportKind;
import be.paraaf.validation.ValidationService;
import be.paraaf.validation.ValidationSummary;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Validation for anyone: upload a signed PDF or XML, get a verdict per signature and the DSS reports. */
@RestController
class ValidationController {

    private final ValidationService validation;
    private final ValidationReportDocument reportDocument;

    private final UploadedFileReader uploads;

    ValidationController(ValidationService validation, ValidationReportDocument reportDocument,
            UploadedFileReader uploads) {
        this.validation = validation;
        this.uploads = uploads;
        this.reportDocument = reportDocument;
    }

    @Operation(summary = "Validate a signed PDF or XML (for a detached XAdES signature, add the originals); "
            + "policy names the modification policy: default, strict or dss-default")
    @PostMapping(path = "/api/validations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ValidationSummary validate(@RequestPart("document") MultipartFile document,
            @RequestPart(name = "originalDocument", required = false) List<MultipartFile> originals,
            @RequestParam(name = "policy", required = false) String policy) {
        List<DetachedContent> detached = originals == null ? List.of() : originals.stream()
                .filter(original -> !original.isEmpty())
                .map(original -> new DetachedContent(original.getOriginalFilename(), uploads.bytes(original)))
                .toList();
        return validation.validate(new DocumentToValidate(document.getOriginalFilename(), uploads.bytes(document), detached),
                policy);
    }

    @Operation(summary = "Download an XML report of a recent validation: simple, detailed, diagnostic or etsi")
    @GetMapping(path = "/api/validations/{id}/reports/{kind}")
    ResponseEntity<byte[]> report(@PathVariable String id, @PathVariable String kind) {
        ReportKind report = ReportKind.fromSlug(kind).orElseThrow(() -> new NotFoundException(
                ProblemType.UNKNOWN_REPORT,
                "Unknown report '" + kind + "': use simple, detailed, diagnostic or etsi."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("validation-" + report.slug() + "-report.xml").build().toString())
                .body(validation.report(id, report));
    }

    @Operation(summary = "A picture of a page a signature's findings name: as the signer signed it (signed) or as "
            + "it is now, the changed areas framed in red (current); listed under each signature's pictures")
    @GetMapping(path = "/api/validations/{id}/signatures/{signature}/pages/{page}/{version}.png",
            produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> picture(@PathVariable String id, @PathVariable int signature, @PathVariable int page,
            @PathVariable String version) {
        if (!version.equals("signed") && !version.equals("current") || signature < 1 || page < 1) {
            throw new NotFoundException(ProblemType.PICTURE_NOT_FOUND,
                    "No such picture: use signed.png or current.png of a"
                    + " page listed under a signature's pictures.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(validation.picture(id, signature, page, version));
    }

    @Operation(summary = "A human-readable PDF/A report of a recent validation, in nl, fr or en")
    @GetMapping(path = "/api/validations/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdfReport(@PathVariable String id, @RequestParam(defaultValue = "nl") String lang) {
        byte[] pdf = reportDocument.render(validation.summary(id), Language.of(lang),
                (signature, picture, version) -> validation.picture(id, signature, picture.page(), version));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("validation-report-" + lang + ".pdf").build().toString())
                .body(pdf);
    }
}
