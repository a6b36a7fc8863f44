package be.paraaf.web;

import be.paraaf.access.ApiClient;
import be.paraaf.audit.Actor;
import be.paraaf.staff.StaffMember;
import be.paraaf.staff.StaffSessionService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates agency staff by their session cookie on the organisation's API ({@code /api/staff/**},
 * {@code /api/requests/**}, {@code /api/documents/**}, {@code /api/archive/**}): the principal is the organisation's
 * {@link be.paraaf.access.ApiClient}, so everything a member does is owned exactly as if the organisation's API key
 * had done it; the {@link StaffMember} rides along as the details (role checks, audit). A request that also carries
 * an API key is the key's, never the cookie's. Elsewhere (the signer's and citizen's pages) the cookie is ignored.
 *
 * <p>CSRF: a state-changing request (anything but GET, HEAD, OPTIONS) authenticated by the cookie must carry the
 * session's CSRF token in {@value #CSRF_HEADER}, or it is refused with 403 {@code csrf-token-invalid} before any
 * work — the synchroniser-token pattern on top of the cookie's SameSite=Strict.
 */
final class StaffSessionFilter extends OncePerRequestFilter {

    static final String COOKIE = "paraaf_staff";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Sent by the dashboard's own periodic refresh: it does not count as use for the idle timeout. */
    static final String BACKGROUND_HEADER = "Paraaf-Background";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> STAFF_PATHS = List.of("/api/staff/", "/api/requests", "/api/documents",
            "/api/archive");

    private final StaffSessionService sessions;
    private final JsonMapper json;

    StaffSessionFilter(StaffSessionService sessions, JsonMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // logging in proves identity with the citizen session header, never with the cookie (StaffController)
        if (path.equals(StaffController.SESSION_PATH) && "POST".equals(request.getMethod())) {
            return true;
        }
        return STAFF_PATHS.stream().noneMatch(path::startsWith)
                || ApiKeyAuthenticationFilter.presentedKey(request).isPresent();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = token(request);
        boolean background = request.getHeader(BACKGROUND_HEADER) != null;
        Optional<StaffMember> member = token.flatMap(value -> sessions.find(value, !background));
        if (member.isPresent()) {
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !StaffSessionService.csrfMatches(token.get(), request.getHeader(CSRF_HEADER))) {
                SecurityConfiguration.problem(response, json, 403, "csrf-token-invalid", "This change needs the "
                        + "session's CSRF token in the " + CSRF_HEADER + " header (GET /api/staff/session gives it).",
                        request);
                return;
            }
            StaffMember staff = member.get();
            PreAuthenticatedAuthenticationToken authentication = new PreAuthenticatedAuthenticationToken(
                    staff.organisation(), null, List.of(new SimpleGrantedAuthority("ROLE_STAFF"),
                            new SimpleGrantedAuthority("ROLE_STAFF_" + staff.role().name())));
            authentication.setDetails(staff);
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        chain.doFilter(request, response);
    }

    static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Who the audit trail names for what the current request does on {@code client}'s behalf: the staff member when a
     * staff session authenticated it, else the organisation's API key.
     */
    static Actor actor(ApiClient client) {
        return current().map(StaffMember::actor).orElseGet(() -> Actor.agency(client.id()));
    }

    /** The member behind the current request, if a staff session authenticated it. */
    static Optional<StaffMember> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getDetails() instanceof StaffMember member
                ? Optional.of(member) : Optional.empty();
    }
}
