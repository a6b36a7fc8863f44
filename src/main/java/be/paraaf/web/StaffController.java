package be.paraaf.web;

import be.paraaf.access.ApiClient;
import be.paraaf.citizen.CitizenLogin;
import be.paraaf.prepare.Language;
import be.paraaf.staff.BulkSend;
import be.paraaf.staff.MembershipService;
import be.paraaf.staff.OrganisationKeyService;
import be.paraaf.staff.StaffMember;
import be.paraaf.staff.StaffSessionService;
import be.paraaf.staff.StaffException;
import be.paraaf.system.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agency staff: log in (trade a fresh eID or itsme citizen session for a staff session cookie), who am I (with the
 * CSRF token), log out; an admin manages the organisation's members and API key; a member bulk-sends a template
 * over a CSV. The organisation's requests and documents are the same endpoints API keys use ({@code /api/requests},
 * …), reached with the session cookie (docs/agency.md).
 */
@RestController
class StaffController {

    static final String SESSION_PATH = "/api/staff/session";
    /** A CSV of 100 rows of a lease is far below this; more is not a bulk send paraaf takes in one go. */
    static final long MAX_CSV_BYTES = 512 * 1024;

    private final StaffSessionService sessions;
    private final MembershipService memberships;
    private final OrganisationKeyService keys;
    private final BulkSend bulk;
    private final JsonMapper json;

    StaffController(StaffSessionService sessions, MembershipService memberships, OrganisationKeyService keys, BulkSend bulk,
            JsonMapper json) {
        this.sessions = sessions;
        this.memberships = memberships;
        this.keys = keys;
        this.bulk = bulk;
        this.json = json;
    }

    record Login(String organisation) {
    }

    /** The member of a session, what the dashboard shows, and the CSRF token for its changes. */
    record SessionView(String organisation, String organisationName, String nationalRegisterNumber, String role,
            String method, String csrfToken, Instant expiresAt) {

        static SessionView of(StaffMember member, String csrfToken, Instant expiresAt) {
            String number = member.nationalRegisterNumber();
            return new SessionView(member.organisation().id(), member.organisation().name(),
                    "*".repeat(7) + number.substring(7), member.role().name(), member.method(), csrfToken, expiresAt);
        }
    }

    record MemberChange(String nationalRegisterNumber, String role) {
    }

    @Operation(summary = "Staff login: trade a citizen session (eID or itsme login, header Paraaf-Citizen-Session) "
            + "for a staff session cookie in one of your organisations")
    @PostMapping(path = SESSION_PATH)
    ResponseEntity<SessionView> login(@RequestHeader(name = CitizenLogin.SESSION_HEADER, required = false)
            String citizenSession, @RequestBody(required = false) Login login, HttpServletRequest request) {
        // a session the browser already had ends here: the new one is a fresh token (session fixation)
        StaffSessionFilter.token(request).ifPresent(sessions::close);
        StaffSessionService.Opened opened = sessions.open(citizenSession, login == null ? null : login.organisation());
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie(opened.token()).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(SessionView.of(opened.member(), opened.csrfToken(), opened.expiresAt()));
    }

    @Operation(summary = "The staff session: who, which organisation, which role, and the CSRF token")
    @GetMapping(SESSION_PATH)
    ResponseEntity<SessionView> session(HttpServletRequest request) {
        StaffMember member = member();
        String token = StaffSessionFilter.token(request).orElseThrow();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(SessionView.of(member, StaffSessionService.csrfToken(token), null));
    }

    @Operation(summary = "Log out: the session ends on every node and the cookie is cleared")
    @DeleteMapping(SESSION_PATH)
    ResponseEntity<Void> logout(HttpServletRequest request) {
        StaffSessionFilter.token(request).ifPresent(sessions::close);
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("").toString()).build();
    }

    @Operation(summary = "The organisation's members (admin)")
    @GetMapping("/api/staff/members")
    List<MembershipService.Member> members() {
        return memberships.list(member().organisation().id());
    }

    @Operation(summary = "Add a member or change their role: admin or clerk (admin)")
    @PutMapping(path = "/api/staff/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    MembershipService.Member putMember(@RequestBody MemberChange change) {
        if (change == null) {
            throw new StaffException(ProblemType.BAD_REQUEST, "Send nationalRegisterNumber and role.");
        }
        return memberships.put(member(), change.nationalRegisterNumber(), change.role());
    }

    @Operation(summary = "Remove a member; their sessions end (admin)")
    @DeleteMapping("/api/staff/members/{nationalRegisterNumber}")
    ResponseEntity<Void> removeMember(@PathVariable String nationalRegisterNumber) {
        memberships.remove(member(), nationalRegisterNumber);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A new API key for the organisation's machine integrations; the old key stops working; "
            + "the key is shown only in this answer (admin)")
    @PostMapping("/api/staff/api-key")
    ResponseEntity<Map<String, String>> rotateApiKey() {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("apiKey", keys.rotate(member())));
    }

    @Operation(summary = "Bulk send: one template, a CSV with a row per document → a started request per row",
            description = "All rows are checked first; any mistake → 422 bulk-send-refused listing row, column and "
                    + "words, and nothing is sent. 400 invalid-csv for a file that cannot be read.")
    @PostMapping(path = "/api/staff/bulk-send", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BulkSend.Report bulkSend(@RequestParam String template, @RequestParam(defaultValue = "nl") String lang,
            @RequestPart("csv") MultipartFile csv, @RequestPart(name = "common", required = false) String common) {
        return bulk.send(member(), template, Language.of(lang), common(common), text(csv));
    }

    private JsonNode common(String common) {
        if (common == null || common.isBlank()) {
            return null;
        }
        try {
            return json.readTree(common);
        } catch (RuntimeException e) {
            throw new StaffException(ProblemType.BAD_REQUEST, "'common' is not JSON: send the values every "
                    + "row shares as one JSON object.");
        }
    }

    private static String text(MultipartFile csv) {
        if (csv.getSize() > MAX_CSV_BYTES) {
            throw new StaffException(ProblemType.INVALID_CSV, "The CSV file is larger than "
                    + MAX_CSV_BYTES / 1024 + " KB; send at most 100 rows at a time.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new StaffException(ProblemType.INVALID_CSV, "The CSV file is not UTF-8 text: save it as "
                    + "'CSV UTF-8' in your spreadsheet.");
        } catch (IOException e) {
            throw new StaffException(ProblemType.INVALID_CSV, "The CSV file could not be read.");
        }
    }

    private static StaffMember member() {
        return StaffSessionFilter.current().orElseThrow(() -> new StaffException(ProblemType.UNAUTHENTICATED,
                "Log in as staff first (POST " + SESSION_PATH + ")."));
    }

    private ResponseCookie cookie(String value) {
        return ResponseCookie.from(StaffSessionFilter.COOKIE, value).httpOnly(true).secure(sessions.secureCookie())
                .sameSite("Strict").path("/").maxAge(value.isEmpty() ? 0 : -1).build();
    }
}
