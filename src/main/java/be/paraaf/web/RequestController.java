package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.access.ApiClient;
import be.paraaf.prepare.DocumentService.DocumentContent;
import be.paraaf.prepare.Language;
import be.paraaf.request.CompletionCertificateService;
import be.paraaf.request.NewRequest;
import be.paraaf.request.RequestException;
import be.paraaf.request.RequestService;
import be.paraaf.request.RequestService.AuditExport;
import be.paraaf.request.RequestState;
import be.paraaf.request.RequestViews.RequestView;
import be.paraaf.request.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calling agency's signing requests. */
@RestController
@RequestMapping("/api/requests")
@SecurityRequirement(name = "apiKey")
class RequestController {

    private final RequestService requests;
    private final WebhookService webhooks;
    private final JsonMapper json;
    private final CompletionCertificateService certificates;

    RequestController(RequestService requests, WebhookService webhooks, JsonMapper json,
            CompletionCertificateService certificates) {
        this.certificates = certificates;
        this.requests = requests;
        this.webhooks = webhooks;
        this.json = json;
    }

    @Operation(summary = "Create a signing request (DRAFT); the answer holds each signer's link token, once",
            description = "The agency's notices about the request (declined, expired, completed with the signed PDF "
                    + "and certificate) go to notificationEmail in notificationLanguage (nl, fr, en; default nl).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = NewRequest.class))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestView> create(@AuthenticationPrincipal ApiClient client, @RequestBody JsonNode body) {
        RequestView created = requests.create(client.id(), StaffSessionFilter.actor(client), read(body));
        return ResponseEntity.created(URI.create("/api/requests/" + created.id())).body(created);
    }

    @Operation(summary = "Start a DRAFT request: the first step's signers are invited")
    @PostMapping("/{id}/start")
    RequestView start(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return requests.start(client.id(), StaffSessionFilter.actor(client), id);
    }

    @Operation(summary = "Cancel a DRAFT or IN_PROGRESS request")
    @PostMapping("/{id}/cancel")
    RequestView cancel(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return requests.cancel(client.id(), StaffSessionFilter.actor(client), id);
    }

    @GetMapping("/{id}")
    RequestView get(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return requests.view(client.id(), id);
    }

    @Operation(summary = "The caller's requests, newest first, optionally in one state")
    @GetMapping
    List<RequestView> list(@AuthenticationPrincipal ApiClient client, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return requests.list(client.id(), state(state), page, size);
    }

    @Operation(summary = "The current version of the request's document (with every signature so far)")
    @GetMapping(path = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> document(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return pdf(requests.document(client.id(), id));
    }

    @Operation(summary = "The completion certificate (PDF/A sealed by the service) of a COMPLETED request")
    @GetMapping(path = "/{id}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal ApiClient client, @PathVariable String id,
            @RequestParam(name = "lang", defaultValue = "nl") String lang) {
        return pdf(certificates.forAgency(client.id(), id, Language.of(lang)));
    }

    @Operation(summary = "The request's hash-chained audit trail and whether the chain verifies")
    @GetMapping("/{id}/audit")
    AuditExport audit(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return requests.audit(client.id(), id);
    }

    @Operation(summary = "Webhook events of the request and every delivery attempt")
    @GetMapping("/{id}/webhooks")
    List<WebhookService.Event> webhooks(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return requests.webhooks(client.id(), id);
    }

    @Operation(summary = "Replace the caller's webhook signing secret; the new secret is shown only in this answer")
    @PostMapping("/webhook-secret")
    Map<String, String> rotateSecret(@AuthenticationPrincipal ApiClient client) {
        return Map.of("webhookSecret", webhooks.rotateSecret(client.id()));
    }

    private NewRequest read(JsonNode body) {
        return JsonBodies.read(json, body, NewRequest.class, ProblemType.INVALID_REQUEST);
    }

    private static RequestState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RequestState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new RequestException(ProblemType.INVALID_STATE,
                    "state must be one of " + List.of(RequestState.values()));
        }
    }

    static ResponseEntity<byte[]> pdf(DocumentContent content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.name(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ETAG, "\"" + content.sha256() + "\"")
                .body(content.bytes());
    }
}
