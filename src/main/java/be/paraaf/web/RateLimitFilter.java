package be.paraaf.web;

import be.paraaf.access.ApiClient;
import be.paraaf.web.RateLimiter.Kind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 429 with {@code Retry-After} (seconds) and a {@code rate-limited} problem when a caller exceeds its
 * {@link RateLimiter}: an authenticated API client per client id on every endpoint; anonymous callers per address on
 * itsme enrolments, itsme login pushes, other citizen login steps, validations and signing-link calls. Runs after
 * the API key is checked, so it knows the client.
 *
 * <p>The address is {@link HttpServletRequest#getRemoteAddr()}: behind a reverse proxy that is the proxy's, and all
 * callers share one bucket. Set {@code server.forward-headers-strategy=native} (or {@code framework}) only when
 * the proxy sets {@code X-Forwarded-For} itself; then the container reports the client's address here. Never trust
 * that header otherwise: any caller can write it.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limits;
    private final JsonMapper json;

    RateLimitFilter(RateLimiter limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        OptionalLong wait;
        String who;
        if (authentication != null && authentication.getPrincipal() instanceof ApiClient client) {
            wait = limits.take(Kind.API_CLIENTS, client.id());
            who = "this API client";
        } else {
            Kind kind = anonymousKind(request.getMethod(), request.getRequestURI().substring(
                    request.getContextPath().length()));
            wait = kind == null ? OptionalLong.empty()
                    : limits.take(kind, RateLimiter.addressKey(request.getRemoteAddr()));
            who = "this address";
        }
        if (wait.isPresent()) {
            refuse(request, response, json, wait.getAsLong(), who);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Which limit an anonymous call counts against; null: none. */
    static Kind anonymousKind(String method, String path) {
        if (path.startsWith("/api/sign/")) {
            return Kind.LINK_LOOKUPS;
        }
        if (!"POST".equals(method)) {
            return "GET".equals(method) && path.startsWith("/api/validations/") ? Kind.REPORT_DOWNLOADS : null;
        }
        if (path.equals("/api/timestamps") || path.equals("/api/extensions")) {
            return Kind.STAMPS;
        }
        if (path.equals("/api/itsme/enrolments")) {
            return Kind.ITSME_ENROLMENTS;
        }
        if (path.equals("/api/citizen/login/itsme")) {
            return Kind.LOGIN_PUSHES;
        }
        if (path.startsWith("/api/citizen/login/") && !path.endsWith("/session")) {
            return Kind.CITIZEN_LOGINS; // the page's pickup poll (…/session) is not a login attempt
        }
        return path.equals("/api/validations") ? Kind.VALIDATIONS : null;
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, JsonMapper json, long seconds,
            String who) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        SecurityConfiguration.problem(response, json, 429, "rate-limited", "Too many requests of this kind for "
                + who + "; try again in " + seconds + " s.", request);
    }
}
