package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.access.AccessProperties;
import be.paraaf.access.ApiClient;
import be.paraaf.access.ApiKeys;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiKeyAuthenticationFilterTest {

    private static final ApiClient AGENCY = new ApiClient("agency", "Agency", false);
    private static final ApiClient DEMO = new ApiClient("woonpunt-demo", "Woonpunt Demo", true);

    /** Knows two keys by their hashes, as the api_clients table would. */
    private final Map<String, ApiClient> byHash = Map.of(ApiKeys.hash("pk_agency"), AGENCY,
            ApiKeys.hash("pk_demo"), DEMO);
    private final Function<String, Optional<ApiClient>> clients = hash -> Optional.ofNullable(byHash.get(hash));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void bearerKeyAuthenticatesItsClient() throws Exception {
        assertThat(principalFor("Authorization", "Bearer pk_agency", true)).isEqualTo(AGENCY);
        SecurityContextHolder.clearContext();
        assertThat(principalFor("Authorization", "bearer  pk_agency ", true)).isEqualTo(AGENCY);
    }

    @Test
    void apiKeyHeaderAuthenticatesItsClient() throws Exception {
        assertThat(principalFor("X-API-Key", "pk_agency", true)).isEqualTo(AGENCY);
    }

    @Test
    void unknownKeyStaysAnonymousAndIsMarkedRejected() throws Exception {
        MockHttpServletRequest request = request("X-API-Key", "pk_guess");
        new ApiKeyAuthenticationFilter(clients, new AccessProperties(true, java.util.List.of()))
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(request.getAttribute(ApiKeyAuthenticationFilter.KEY_REJECTED)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void demoKeyIsRefusedWhenDemoClientsAreOff() throws Exception {
        assertThat(principalFor("X-API-Key", "pk_demo", true)).isEqualTo(DEMO);
        SecurityContextHolder.clearContext();
        assertThat(principalFor("X-API-Key", "pk_demo", false)).isNull();
    }

    private Object principalFor(String header, String value, boolean demoClients) throws Exception {
        new ApiKeyAuthenticationFilter(clients, new AccessProperties(demoClients, java.util.List.of()))
                .doFilter(request(header, value), new MockHttpServletResponse(), new MockFilterChain());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }

    private static MockHttpServletRequest request(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/documents/x");
        request.addHeader(header, value);
        return request;
    }
}
