package be.paraaf.system;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every capability.
 *
 * @param dataDir where paraaf keeps its state (demo PKI, reports; with the embedded H2 also the database)
 * @param publicBaseUrl the address clients and certificates use to reach this service; the demo PKI
 *        writes it into AIA, OCSP and CRL distribution point extensions
 */
@Validated
@ConfigurationProperties("paraaf")
public record ParaafProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl) {

    /** The public base URL without a trailing slash, ready to append a path to. */
    public String baseUrl() {
        String url = publicBaseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
