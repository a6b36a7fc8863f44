package be.paraaf.web;

import be.paraaf.access.ApiClient;
import be.paraaf.request.NewSigner;
import be.paraaf.request.RequestException;
import be.paraaf.request.RequestSearch;
import be.paraaf.request.RequestState;
import be.paraaf.request.RequestViews.RequestView;
import be.paraaf.request.RequestViews.SignerLink;
import be.paraaf.request.SignerManagement;
import be.paraaf.system.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * What the dashboard adds to the request API: search the organisation's requests, and act on a signer who has not
 * signed — remind now, a new link (the old ones revoked), someone else in their place. The signer actions serve API
 * keys too; the audit trail names the staff member, or the agency for a key.
 */
@RestController
@SecurityRequirement(name = "apiKey")
class DashboardController {

    private final RequestSearch search;
    private final SignerManagement signers;
    private final JsonMapper json;

    DashboardController(RequestSearch search, SignerManagement signers, JsonMapper json) {
        this.search = search;
        this.signers = signers;
        this.json = json;
    }

    @Operation(summary = "The organisation's requests, newest first: by state and words in the title or a signer's "
            + "name, with the total for paging")
    @GetMapping("/api/staff/requests")
    RequestSearch.Page requests(@AuthenticationPrincipal ApiClient organisation,
            @RequestParam(required = false) String state, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (q != null && q.length() > 200) {
            throw new RequestException(ProblemType.BAD_REQUEST, "The search words are longer than 200 characters.");
        }
        Paging.check(page, size);
        return search.search(organisation.id(), state(state), q, page, size);
    }

    @Operation(summary = "Remind a signer whose turn it is, now (mail and webhook signer.reminded)")
    @PostMapping("/api/requests/{id}/signers/{position}/remind")
    RequestView remind(@AuthenticationPrincipal ApiClient client, @PathVariable String id, @PathVariable int position) {
        return signers.remindNow(client.id(), id, position, StaffSessionFilter.actor(client));
    }

    @Operation(summary = "A new personal link for a signer who has not signed; every earlier link of theirs stops "
            + "working. The token is shown only in this answer")
    @PostMapping("/api/requests/{id}/signers/{position}/link")
    ResponseEntity<SignerLink> reissue(@AuthenticationPrincipal ApiClient client, @PathVariable String id,
            @PathVariable int position) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(signers.reissueLink(client.id(), id, position, StaffSessionFilter.actor(client)));
    }

    @Operation(summary = "Put someone else in the place of a signer who has not signed (same role, field and step); "
            + "the answer holds the new signer's link, once")
    @PostMapping(path = "/api/requests/{id}/signers/{position}/replace", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestView> replace(@AuthenticationPrincipal ApiClient client, @PathVariable String id,
            @PathVariable int position, @RequestBody JsonNode body) {
        Replacement replacement = JsonBodies.read(json, body, Replacement.class, ProblemType.INVALID_REQUEST);
        NewSigner signer;
        try {
            signer = new NewSigner("replacement", replacement.name(), replacement.nationalRegisterNumber(),
                    replacement.phone(), replacement.email(), replacement.consentMethods(), "replaced", 1,
                    replacement.language());
        } catch (IllegalArgumentException e) {
            throw new RequestException(ProblemType.INVALID_REQUEST, e.getMessage().replace("signer replacement: ", ""));
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(signers.replace(client.id(), id, position, signer, StaffSessionFilter.actor(client)));
    }

    /** The new person for a signer's place. */
    record Replacement(String name, String nationalRegisterNumber, String email, String phone, String consentMethods,
            String language) {
    }

    private static RequestState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RequestState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new RequestException(ProblemType.INVALID_STATE, "state must be one of "
                    + List.of(RequestState.values()));
        }
    }
}
