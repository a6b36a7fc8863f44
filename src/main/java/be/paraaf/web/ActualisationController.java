package be.paraaf.web;

import be.paraaf.access.ApiClient;
import be.paraaf.system.ProblemType;
import be.paraaf.citizen.CitizenLogin;
import be.paraaf.actualisation.ActualisationService;
import be.paraaf.actualisation.ActualisationService.ActualisationView;
import be.paraaf.actualisation.ActualisationService.Decision;
import be.paraaf.actualisation.ActualisationService.NewActualisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wonen-in-Vlaanderen actualisations: the housing company registers them (API key), the candidate answers them
 * after logging in with the eID or itsme (session header) and signs the confirmation on the signer page.
 */
@RestController
class ActualisationController {

    private final ActualisationService actualisations;
    private final CitizenLogin login;
    private final JsonMapper json;

    ActualisationController(ActualisationService actualisations, CitizenLogin login, JsonMapper json) {
        this.actualisations = actualisations;
        this.login = login;
        this.json = json;
    }

    /** The candidate's answer. */
    record Choice(String choice, String language) {
    }

    @Operation(summary = "Ask a candidate tenant to actualise (stay on or leave the waiting list) by a due date",
            description = "JSON: nationalRegisterNumber, name, dossierNumber, housingCompany, dueDate (ISO), "
                    + "language (nl, fr, en; default nl).")
    @SecurityRequirement(name = "apiKey")
    @PostMapping(path = "/api/actualisations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ActualisationView> register(@AuthenticationPrincipal ApiClient client, @RequestBody JsonNode body) {
        NewActualisation spec = JsonBodies.read(json, body, NewActualisation.class, ProblemType.INVALID_ACTUALISATION);
        ActualisationView created = actualisations.register(client.id(), spec);
        return ResponseEntity.created(URI.create("/api/actualisations/" + created.id())).body(created);
    }

    @Operation(summary = "The caller's actualisations, newest first; the signed confirmation is the request's document")
    @SecurityRequirement(name = "apiKey")
    @GetMapping("/api/actualisations")
    List<ActualisationView> list(@AuthenticationPrincipal ApiClient client,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return actualisations.list(client.id(), page, size);
    }

    @SecurityRequirement(name = "apiKey")
    @GetMapping("/api/actualisations/{id}")
    ActualisationView get(@AuthenticationPrincipal ApiClient client, @PathVariable String id) {
        return actualisations.view(client.id(), id);
    }

    @Operation(summary = "The logged-in citizen's actualisations")
    @GetMapping("/api/citizen/actualisations")
    List<ActualisationView> forCitizen(@RequestHeader(name = CitizenLogin.SESSION_HEADER, required = false) String token) {
        return actualisations.forCitizen(login.require(token).nationalRegisterNumber());
    }

    @Operation(summary = "The citizen's choice (STAY or WITHDRAW): renders the confirmation and answers the "
            + "personal signing link; a new choice before signing replaces the unsigned one")
    @PostMapping(path = "/api/citizen/actualisations/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    Decision decide(@RequestHeader(name = CitizenLogin.SESSION_HEADER, required = false) String token,
            @PathVariable String id, @RequestBody(required = false) Choice choice) {
        String nrn = login.require(token).nationalRegisterNumber();
        return actualisations.decide(nrn, id, choice == null ? null : choice.choice(),
                choice == null ? null : choice.language());
    }

    @Operation(summary = "The signed confirmation (PDF, PAdES-B-LTA) once the citizen signed it")
    @GetMapping(path = "/api/citizen/actualisations/{id}/confirmation", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> confirmation(@RequestHeader(name = CitizenLogin.SESSION_HEADER, required = false) String token,
            @PathVariable String id) {
        return RequestController.pdf(actualisations.confirmation(login.require(token).nationalRegisterNumber(), id));
    }
}
