package be.paraaf.persistence;

import be.paraaf.ParaafProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses the document store: {@code paraaf.documents.store=file} (default) or {@code jdbc}. */
@Configuration(proxyBeanMethods = false)
class DocumentStoreConfiguration {

    @Bean
    @ConditionalOnProperty(name = "paraaf.documents.store", havingValue = "file", matchIfMissing = true)
    DocumentStore fileDocumentStore(ParaafProperties paraaf) {
        return new FileDocumentStore(paraaf.dataDir().resolve("documents"));
    }

    @Bean
    @ConditionalOnProperty(name = "paraaf.documents.store", havingValue = "jdbc")
    DocumentStore jdbcDocumentStore(JdbcClient jdbc, Clock clock) {
        return new JdbcDocumentStore(jdbc, clock);
    }
}
