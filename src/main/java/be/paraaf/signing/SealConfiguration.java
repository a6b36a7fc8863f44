package be.paraaf.signing;

import be.paraaf.MissingSettings;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A configured seal key store ({@code paraaf.signing.seal.key-store}) takes precedence; otherwise the
 * embedded demo PKI supplies the "paraaf Seal" credential.
 */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    @Bean
    @ConditionalOnProperty("paraaf.signing.seal.key-store")
    SealCredentials keyStoreSealCredentials(SealProperties seal) {
        return new KeyStoreSealCredentials(seal.keyStore(), seal.keyStoreType(), seal.password().toCharArray(),
                seal.alias());
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
                        ? List.of("paraaf.signing.seal.key-store (with -type, password, alias)") : List.of();
            }

            @Override
            public boolean required() {
                return true;
            }
        };
    }
}
