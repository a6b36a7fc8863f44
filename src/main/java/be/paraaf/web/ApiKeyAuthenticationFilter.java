package be.paraaf.web;

import be.paraaf.access.AccessProperties;
import be.paraaf.access.ApiClient;
import be.paraaf.access.ApiClientRepository;
import be.paraaf.access.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API client by its key, sent as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}. The key is hashed and looked up in {@code api_clients}; the principal is the
 * {@link ApiClient}. A key that matches nothing leaves the request anonymous and marks it, so a protected
 * endpoint can say "key not recognised" instead of "key missing".
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String KEY_REJECTED = ApiKeyAuthenticationFilter.class.getName() + ".rejected";
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";

    private final Function<String, Optional<ApiClient>> clientsByKeyHash;
    private final AccessProperties access;

    /** @param clientsByKeyHash the enabled client whose key has this SHA-256 ({@link ApiClientRepository}) */
    ApiKeyAuthenticationFilter(Function<String, Optional<ApiClient>> clientsByKeyHash, AccessProperties access) {
        this.clientsByKeyHash = clientsByKeyHash;
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        presentedKey(request).ifPresent(key -> {
            Optional<ApiClient> client = clientsByKeyHash.apply(ApiKeys.hash(key))
                    .filter(found -> !found.demo() || access.demoClients());
            if (client.isPresent()) {
                SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken(
                        client.get(), null, List.of(new SimpleGrantedAuthority("ROLE_API_CLIENT"))));
            } else {
                request.setAttribute(KEY_REJECTED, Boolean.TRUE);
            }
        });
        chain.doFilter(request, response);
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return nonBlank(authorization.substring(BEARER.length()));
        }
        return nonBlank(request.getHeader(API_KEY_HEADER));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
