package be.paraaf.signing;

import be.paraaf.system.MissingSettings;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A configured seal key ({@code paraaf.signing.seal.*}: a key store file, or a PKCS#11 token) takes precedence;
 * otherwise the embedded demo PKI supplies the "paraaf Seal" credential.
 */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    @Bean
    @ConditionalOnExpression("!'${paraaf.signing.seal.key-store:}'.isBlank() "
            + "or '${paraaf.signing.seal.key-store-type:PKCS12}'.equalsIgnoreCase('PKCS11')")
    SealCredentials keyStoreSealCredentials(SealProperties seal) {
        return new KeyStoreSealCredentials(seal);
    }

    @Bean
    MissingSettings sealSettings(ObjectProvider<SealCredentials> seal) {
        return new MissingSettings() {
            @Override
            public String capability() {
                return "seals (POST /api/seals) and the archive's sealed evidence";
            }

            @Override
            public List<String> missing() {
                return seal.getIfAvailable() == null
                        ? List.of("paraaf.signing.seal.key-store (with -type, password, alias; or key-store-type "
                                + "PKCS11 with pkcs11-library)") : List.of();
            }

            @Override
            public boolean required() {
                return true;
            }
        };
    }
}
