package be.paraaf.validation;

import be.paraaf.support.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Validation reports as rows on the real PostgreSQL server, in a schema of its own. */
@ExtendWith(PostgresServer.class)
class ValidationReportsInDatabasePostgresIT extends ValidationReportsInDatabaseContract {

    private static final String SCHEMA = PostgresServer.newSchema();
    private static final DataSource POSTGRES = new DriverManagerDataSource(PostgresServer.url(SCHEMA),
            PostgresServer.USER, "");

    @Override
    DataSource dataSource() {
        return POSTGRES;
    }

    @Override
    String schema() {
        return SCHEMA;
    }

    @AfterAll
    static void dropSchema() {
        PostgresServer.dropSchema(SCHEMA);
    }
}
