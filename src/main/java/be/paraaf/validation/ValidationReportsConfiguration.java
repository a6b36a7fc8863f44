package be.paraaf.validation;

import be.paraaf.system.ParaafProperties;
import be.paraaf.persistence.JobLocks;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Chooses where validation reports are kept: {@code paraaf.validation.reports.store=file} (default) or {@code database}. */
@Configuration(proxyBeanMethods = false)
class ValidationReportsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "paraaf.validation.reports.store", havingValue = "file", matchIfMissing = true)
    ValidationReports validationReportsOnDisk(ParaafProperties paraaf, ValidationProperties properties, Clock clock) {
        return new ValidationReportsOnDisk(paraaf, properties, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "paraaf.validation.reports.store", havingValue = "database")
    ValidationReports validationReportsInDatabase(JdbcClient jdbc, PlatformTransactionManager transactions,
            ValidationProperties properties, Clock clock, JobLocks locks) {
        return new ValidationReportsInDatabase(jdbc, transactions, properties, clock, locks);
    }
}
