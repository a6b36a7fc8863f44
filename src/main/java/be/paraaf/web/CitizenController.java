package be.paraaf.web;

import be.paraaf.archive.ArchiveSearch;
import be.paraaf.archive.ArchiveService;
import be.paraaf.archive.ArchiveViewer;
import be.paraaf.citizen.CitizenLogin;
import be.paraaf.citizen.CitizenSession;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.request.RequestService;
import be.paraaf.request.RequestService.CitizenRequestView;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens: log in with the eID (challenge signed by the Authentication key) or itsme (push approval), then see
 * the signing requests and archived documents that name their national register number. The session token goes
 * in the {@code Paraaf-Citizen-Session} header. A web page logs in with the eID through the local agent
 * ({@code paraaf eid-agent login}): the agent fetches and answers the challenge at its link, the page picks up
 * the session with the pickup token only it holds.
 */
@RestController
class CitizenController {

    static final String SESSION_HEADER = CitizenLogin.SESSION_HEADER;
    /** Long enough to read the document and sign; a new one is a click away. */
    static final java.time.Duration CITIZEN_LINK_LIFETIME = java.time.Duration.ofMinutes(30);

    private final CitizenLogin login;
    private final RequestService requests;
    private final ArchiveService archive;

    private final RateLimiter limits;

    CitizenController(CitizenLogin login, RequestService requests, ArchiveService archive, RateLimiter limits) {
        this.login = login;
        this.limits = limits;
        this.requests = requests;
        this.archive = archive;
    }

    record ItsmeLoginStart(String nationalRegisterNumber) {
    }

    record Pickup(String pickupToken) {
    }

    @Operation(summary = "eID login, step 1: a one-time challenge for the card's Authentication key, with the "
            + "pickup token (keep it in the page) and the link for the local agent")
    @PostMapping("/api/citizen/login/eid/challenge")
    CitizenLogin.Challenge challenge() {
        return login.eidChallenge();
    }

    @Operation(summary = "eID login, step 2: the Authentication certificate chain and the signature over the challenge")
    @PostMapping(path = "/api/citizen/login/eid", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CitizenLogin.Session eidLogin(@RequestParam("challengeId") String challengeId,
            @RequestPart("certificateChain") byte[] certificateChain, @RequestParam("signature") String signature) {
        return login.eidLogin(challengeId, certificateChain, SigningController.signatureValue(signature));
    }

    @Operation(summary = "eID login through the agent: the challenge at the agent's link (404 unknown, 410 "
            + "answered or expired)")
    @GetMapping("/api/citizen/login/eid/{id}")
    CitizenLogin.AgentChallenge agentChallenge(@PathVariable String id) {
        return login.agentChallenge(id);
    }

    @Operation(summary = "eID login through the agent: the Authentication certificate chain and the signature over "
            + "the challenge; no session here, the page picks it up")
    @PostMapping(path = "/api/citizen/login/eid/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CitizenLogin.AgentAnswer agentAnswer(@PathVariable String id,
            @RequestPart("certificateChain") byte[] certificateChain, @RequestParam("signature") String signature) {
        return login.agentAnswer(id, certificateChain, SigningController.signatureValue(signature));
    }

    @Operation(summary = "eID login through the agent: the page picks up its session with the pickup token — 202 "
            + "while the agent has not answered, 200 with the session once, 410 afterwards or when expired")
    @PostMapping(path = "/api/citizen/login/eid/{id}/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> pickup(@PathVariable String id, @RequestBody(required = false) Pickup pickup) {
        return login.pickup(id, pickup == null ? null : pickup.pickupToken())
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "PENDING")));
    }

    @Operation(summary = "itsme login: pushes an approval to the citizen's app; poll the result")
    @PostMapping(path = "/api/citizen/login/itsme", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CitizenLogin.ItsmeLogin> itsmeLogin(@RequestBody ItsmeLoginStart start) {
        String number = start == null ? null : start.nationalRegisterNumber();
        if (NationalRegisterNumber.isValid(number)) { // counted whether or not the number has an account
            limits.require(RateLimiter.Kind.LOGIN_PUSHES_PER_CITIZEN, NationalRegisterNumber.parse(number).value(),
                    "this national register number");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(login.itsmeStart(number));
    }

    @Operation(summary = "itsme login result: 202 while waiting for the app, 200 with the session once approved")
    @GetMapping("/api/citizen/login/itsme/{loginId}")
    ResponseEntity<Object> itsmeResult(@PathVariable String loginId) {
        return login.itsmeResult(loginId).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "PENDING")));
    }

    @Operation(summary = "The signing requests that name the logged-in citizen (their own part only)")
    @GetMapping("/api/citizen/requests")
    List<CitizenRequestView> requests(@RequestHeader(name = SESSION_HEADER, required = false) String token,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return requests.forCitizen(session(token).nationalRegisterNumber(), page, size);
    }

    @Operation(summary = "A short-lived signing link for the logged-in citizen's turn in a request (to sign from "
            + "their own page; the link the agency sent stays valid)")
    @PostMapping("/api/citizen/requests/{requestId}/signing-link")
    RequestService.CitizenLink signingLink(@RequestHeader(name = SESSION_HEADER, required = false) String token,
            @PathVariable String requestId) {
        CitizenSession session = session(token);
        return requests.linkForCitizen(session.nationalRegisterNumber(), requestId, session.method(),
                CITIZEN_LINK_LIFETIME);
    }

    @Operation(summary = "The archived documents in which the logged-in citizen is a party")
    @GetMapping("/api/citizen/archive")
    ArchiveSearch.Page archive(@RequestHeader(name = SESSION_HEADER, required = false) String token,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        CitizenSession session = session(token);
        return archive.search(new ArchiveViewer.Citizen(session.nationalRegisterNumber()),
                new ArchiveSearch(null, null, null, null, page, size));
    }

    @Operation(summary = "Log out: the session token stops working")
    @DeleteMapping("/api/citizen/session")
    ResponseEntity<Void> logout(@RequestHeader(name = SESSION_HEADER, required = false) String token) {
        login.logout(token);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The current version of an archived document in which the logged-in citizen is a party")
    @GetMapping(path = "/api/citizen/archive/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> archivedDocument(@RequestHeader(name = SESSION_HEADER, required = false) String token,
            @PathVariable String id) {
        return ArchiveController.download(archive.document(
                new ArchiveViewer.Citizen(session(token).nationalRegisterNumber()), id), id + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    private CitizenSession session(String token) {
        return login.require(token);
    }
}
