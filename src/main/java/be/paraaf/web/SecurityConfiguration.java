package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.access.AccessProperties;
import be.paraaf.access.ApiClientRepository;
import be.paraaf.staff.StaffSessionService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Tenant-scoped resources ({@code /api/documents/**}, {@code /api/requests/**},
 * {@code /api/archive/**}), the service's own seal key ({@code /api/seals}) and the open two-step API
 * ({@code /api/signatures/**}: a signature made there belongs to the client that prepared it) need an API key;
 * everything else — validation, extension, time-stamps, signing through a request's personal link, the demo PKI,
 * health probes, the API description — stays open, while metrics and the other actuator endpoints need an API
 * key. The itsme app's
 * endpoints ({@code /api/itsme/**}) are open to Spring Security and authenticated by device signatures. API keys are
 * stateless: no servlet session, no cookie. Agency staff use the same tenant-scoped endpoints with a session cookie
 * and a CSRF token ({@link StaffSessionFilter}); {@code /api/staff/**} is theirs only, members and the API key their
 * admins'. Refusals are RFC 9457 problem documents like every other error of this service.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiClientRepository clients, AccessProperties access,
            JsonMapper json, RateLimiter rateLimits, StaffSessionService staffSessions) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // paraaf's pages load only their own scripts and styles; nothing may frame them; they may call
                // the citizen's local eID agent on the loopback address (agent.js, docs/agent.md)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; connect-src 'self' http://127.0.0.1:*; "
                                + "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")))
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients::findByKeyHash, access), AnonymousAuthenticationFilter.class)
                // agency staff: a session cookie with its CSRF token (StaffSessionFilter, docs/agency.md)
                .addFilterAfter(new StaffSessionFilter(staffSessions, json), ApiKeyAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits, json), ApiKeyAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // staff: logging in is open (it needs a citizen session), the rest needs a staff session;
                        // members and the API key are the admin's
                        .requestMatchers(HttpMethod.POST, "/api/staff/session").permitAll()
                        .requestMatchers("/api/staff/members", "/api/staff/members/**", "/api/staff/api-key")
                        .hasRole("STAFF_ADMIN")
                        .requestMatchers("/api/staff/**").hasRole("STAFF")
                        .requestMatchers("/api/documents/**", "/api/requests", "/api/requests/**", "/api/seals",
                                "/api/signatures/**", "/api/archive",
                                "/api/archive/**", "/api/actualisations", "/api/actualisations/**", "/api/agency-templates",
                                "/api/agency-templates/**").authenticated()
                        // the itsme-style app authenticates by its enrolled device key, checked per request
                        // in ItsmeService (channel signature, signed approvals), never by an API key
                        .requestMatchers("/api/itsme/**").permitAll()
                        // probes stay open (details only for authenticated callers, see management.endpoint.health);
                        // metrics and every other actuator endpoint need an API key
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(request, response, json))
                        .accessDeniedHandler((request, response, e) -> problem(response, json, 403, "forbidden",
                                "You may not do this: it needs another role (an organisation's admin, "
                                + "or a staff session rather than an API key).", request)))
                .build();
    }

    /**
     * Requests Spring Security's StrictHttpFirewall refuses (a {@code //}, {@code ;}, encoded dot or slash, backslash
     * or control character in the path) get the same problem document as every other refusal.
     */
    @Bean
    RequestRejectedHandler requestRejected(JsonMapper json) {
        return (request, response, e) -> problem(response, json, 400, ProblemType.REQUEST_REJECTED.slug(),
                "The request path is refused: it holds '//', ';', an encoded '.', '/' or '\\', a backslash or a "
                        + "character that is not printable. Send a plain, normalised path.", request);
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response, JsonMapper json)
            throws IOException {
        boolean rejected = request.getAttribute(ApiKeyAuthenticationFilter.KEY_REJECTED) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, rejected
                ? "Bearer realm=\"paraaf\", error=\"invalid_token\"" : "Bearer realm=\"paraaf\"");
        problem(response, json, 401, "unauthenticated", request.getRequestURI().startsWith("/api/staff/")
                ? "Log in as staff first (POST " + StaffController.SESSION_PATH + "), or the session has ended."
                : rejected ? "The API key is not recognised (or its client is disabled)."
                : "This endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
                request);
    }

    static void problem(HttpServletResponse response, JsonMapper json, int status, String slug,
            String detail, HttpServletRequest request) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemDetailsAdvice.TYPE_PREFIX + slug);
        problem.put("title", ProblemType.titleOf(slug));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
