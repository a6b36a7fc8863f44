package be.paraaf.persistence;

import be.paraaf.system.ParaafProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the document store ({@code paraaf.documents.store=file}, the default, or {@code jdbc}); job and content
 * locks.
 */
@Configuration(proxyBeanMethods = false)
class DocumentStoreConfiguration {

    @Bean
    @ConditionalOnProperty(name = "paraaf.documents.store", havingValue = "file", matchIfMissing = true)
    DocumentStore fileDocumentStore(ParaafProperties paraaf) {
        return new FileDocumentStore(paraaf.dataDir().resolve("documents"));
    }

    @Bean
    JobLocks jobLocks(DataSource dataSource, Clock clock) {
        return JobLocks.on(dataSource, clock);
    }

    @Bean
    ContentLocks contentLocks(DataSource dataSource) {
        return ContentLocks.on(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = "paraaf.documents.store", havingValue = "jdbc")
    DocumentStore jdbcDocumentStore(JdbcClient jdbc, Clock clock) {
        return new JdbcDocumentStore(jdbc, clock);
    }
}
