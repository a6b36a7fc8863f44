package be.paraaf.demo.pki;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the embedded demo PKI ({@code paraaf.pki.*}). Only with profile dev (the demo gate, {@link be.paraaf.demo.DemoOnly}).
 *
 * @param enabled whether the demo CAs, TSA, OCSP and CRL endpoints run at all
 * @param keystorePassword password of {@code <data-dir>/pki/keystore.p12}
 * @param caValidity lifetime of CA certificates
 * @param endEntityValidity lifetime of citizen, remote-signing, TSA and seal certificates
 * @param responderValidity lifetime of the delegated OCSP responder certificates
 * @param crlNextUpdate CRL nextUpdate distance
 * @param ocspNextUpdate OCSP response nextUpdate distance
 * @param tsaPolicyOid RFC 3161 TSA policy OID
 * @param tsaValidity lifetime of TSA certificates (default: end-entity validity); the TSA key rotates when a
 *        third is left
 */
@Validated
@ConfigurationProperties("paraaf.pki")
public record PkiProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("paraaf-demo") String keystorePassword,
        @NotNull @DefaultValue("3650d") Duration caValidity,
        @NotNull @DefaultValue("730d") Duration endEntityValidity,
        @NotNull @DefaultValue("30d") Duration responderValidity,
        @NotNull @DefaultValue("7d") Duration crlNextUpdate,
        @NotNull @DefaultValue("1h") Duration ocspNextUpdate,
        @NotBlank @Pattern(regexp = "[0-2](\\.(0|[1-9]\\d*))+")
        @DefaultValue(PkiSettings.DEFAULT_TSA_POLICY_OID) String tsaPolicyOid,
        Duration tsaValidity) {

    /** The Spring-free settings the core works with; fails at start on inconsistent values. */
    public PkiSettings toSettings() {
        return new PkiSettings(keystorePassword, caValidity, endEntityValidity, responderValidity, crlNextUpdate,
                ocspNextUpdate, tsaPolicyOid, tsaValidity == null ? endEntityValidity : tsaValidity);
    }
}
