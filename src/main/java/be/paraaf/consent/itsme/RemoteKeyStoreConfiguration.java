package be.paraaf.consent.itsme;

import be.paraaf.system.ParaafProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the server secret, Signature Activation Data and the key store chosen by {@code paraaf.itsme.key-store}. */
@Configuration(proxyBeanMethods = false)
class RemoteKeyStoreConfiguration {

    @Bean
    ItsmeSecrets itsmeSecrets(ItsmeProperties itsme, ParaafProperties paraaf, JdbcClient jdbc) {
        return itsme.keyStore() == ItsmeProperties.KeyStoreKind.DATABASE
                ? ItsmeSecrets.configuredOrShared(itsme.serverSecret(), jdbc)
                : ItsmeSecrets.configuredOrGenerated(itsme.serverSecret(), paraaf.dataDir().resolve("itsme"));
    }

    @Bean
    SignatureActivation signatureActivation(JdbcClient jdbc, ItsmeSecrets secrets, Clock clock) {
        return new SignatureActivation(jdbc, secrets, clock);
    }

    @Bean
    RemoteKeyStore remoteKeyStore(ItsmeProperties itsme, ParaafProperties paraaf, ItsmeSecrets secrets,
            SignatureActivation activation, JdbcClient jdbc, Clock clock) {
        return switch (itsme.keyStore()) {
            case PKCS12 -> new Pkcs12KeyStore(paraaf.dataDir().resolve("itsme").resolve("keys"), secrets, activation);
            case DATABASE -> new Pkcs12KeyStore(KeyBlobs.database(jdbc, clock), secrets, activation);
            case PKCS11 -> new Pkcs11KeyStore(itsme.pkcs11(), activation);
        };
    }
}
