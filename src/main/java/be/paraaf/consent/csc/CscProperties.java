package be.paraaf.consent.csc;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A remote-signing provider speaking the Cloud Signature Consortium API v2 ({@code paraaf.remote-signing.csc.*}):
 * the citizens' remote keys and certificates live there, and the provider asks the citizen to authorise each
 * signature. Set {@code base-url} (e.g. {@code https://qtsp.example/csc/v2}) to use it for itsme signatures.
 *
 * @param baseUrl the provider's CSC v2 base URL; unset: no provider
 * @param clientId OAuth 2.0 client credentials of paraaf at the provider
 * @param clientSecret the client's secret
 * @param authorisationTimeout how long the provider may take to obtain the citizen's authorisation
 * @param timeout every other call
 */
@ConfigurationProperties("paraaf.remote-signing.csc")
public record CscProperties(URI baseUrl, @DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
        @DefaultValue("4m") Duration authorisationTimeout, @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
        return baseUrl != null && !baseUrl.toString().isBlank();
    }
}
