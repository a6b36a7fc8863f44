package be.paraaf.signing;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own seal key ({@code paraaf.signing.seal.*}): a PKCS#12 (or other {@link java.security.KeyStore}
 * type) file. Outside the demo, seals and the archive's sealed evidence need it.
 *
 * @param keyStore the key store file; unset: no seal key configured
 * @param keyStoreType its type, {@code PKCS12} by default
 * @param password the store's and the key's password
 * @param alias the key entry; blank: the store's first key entry
 */
@Validated
@ConfigurationProperties("paraaf.signing.seal")
public record SealProperties(Path keyStore, @NotBlank @DefaultValue("PKCS12") String keyStoreType,
        @DefaultValue("") String password, @DefaultValue("") String alias) {
}
