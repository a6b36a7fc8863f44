package be.paraaf.trust;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where trust comes from and how revocation data and timestamps are fetched. Production swaps every
 * endpoint here; nothing else in the code knows an address.
 *
 * @param tsaUrl RFC 3161 time-stamping authority; empty means the embedded demo TSA at
 *        {@code <public-base-url>/pki/tsa}
 * @param trustStores additional trusted roots (PKCS#12 or JKS), e.g. the Belgium Root CAs
 * @param trustedLists EU trusted lists (LOTL from a URL or an offline snapshot file)
 * @param httpTimeout connect and read timeout for OCSP, CRL, AIA and TSA calls
 * @param revocationCacheMaxAge upper bound on how long a fetched OCSP response or CRL is reused,
 *        even when its nextUpdate lies further ahead
 */
@Validated
@ConfigurationProperties("paraaf.trust")
public record TrustProperties(
        @DefaultValue("") String tsaUrl,
        @Valid @DefaultValue List<TrustStore> trustStores,
        @Valid @NotNull @DefaultValue TrustedLists trustedLists,
        @NotNull @DefaultValue("10s") Duration httpTimeout,
        @NotNull @DefaultValue("10m") Duration revocationCacheMaxAge) {

    /** A key store whose certificates are all trusted roots. */
    public record TrustStore(@NotNull Path path, @DefaultValue("PKCS12") String type, @DefaultValue("") String password) {
    }

    /**
     * EU trusted lists. {@code lotlUrl} may be an http(s) URL or a {@code file:} URL of an offline
     * snapshot; the LOTL signature is checked against the certificates in {@code lotlSigningCertificates}.
     */
    public record TrustedLists(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String lotlUrl,
            Path lotlSigningCertificates,
            @DefaultValue("PKCS12") String lotlSigningCertificatesType,
            @DefaultValue("") String lotlSigningCertificatesPassword,
            @NotNull @DefaultValue("6h") Duration refreshInterval) {

        public TrustedLists {
            if (enabled && (lotlUrl == null || lotlUrl.isBlank())) {
                throw new IllegalStateException("paraaf.trust.trusted-lists.enabled needs lotl-url");
            }
            if (enabled && lotlSigningCertificates == null) {
                throw new IllegalStateException(
                        "paraaf.trust.trusted-lists.enabled needs lotl-signing-certificates (a key store)");
            }
        }
    }
}
