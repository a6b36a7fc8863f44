package be.paraaf.signing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A configured seal key store ({@code paraaf.signing.seal.key-store}) takes precedence; otherwise the
 * embedded demo PKI supplies the "paraaf Seal" credential.
 */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    @Bean
    @ConditionalOnProperty("paraaf.signing.seal.key-store")
    SealCredentials keyStoreSealCredentials(Environment environment) {
        return new KeyStoreSealCredentials(
                java.nio.file.Path.of(environment.getRequiredProperty("paraaf.signing.seal.key-store")),
                environment.getProperty("paraaf.signing.seal.key-store-type", "PKCS12"),
                environment.getProperty("paraaf.signing.seal.password", "").toCharArray(),
                environment.getProperty("paraaf.signing.seal.alias", ""));
    }
}
