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
 * @param keyStore the key store file (types PKCS12, JKS); unset: no seal key configured, unless on a token
 * @param keyStoreType {@code PKCS12} by default; {@code PKCS11}: the key is on a PKCS#11 token (an HSM)
 * @param password the store's and the key's password, or the token's PIN
 * @param alias the key entry; blank: the store's first key entry
 * @param pkcs11Library for {@code PKCS11}: the token's PKCS#11 module
 * @param pkcs11Slot for {@code PKCS11}: the slot id; -1: the first slot with a token
 */
@Validated
@ConfigurationProperties("paraaf.signing.seal")
public record SealProperties(Path keyStore, @NotBlank @DefaultValue("PKCS12") String keyStoreType,
        @DefaultValue("") String password, @DefaultValue("") String alias, @DefaultValue("") String pkcs11Library,
        @DefaultValue("-1") long pkcs11Slot) {

    /** True if the seal key is on a PKCS#11 token rather than in a file. */
    public boolean pkcs11() {
        return "PKCS11".equalsIgnoreCase(keyStoreType);
    }
}
