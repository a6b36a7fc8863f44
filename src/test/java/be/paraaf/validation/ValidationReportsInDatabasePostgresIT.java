package be.paraaf.validation;

import be.paraaf.support.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Validation reports as rows on the real PostgreSQL server, in a schema of its own. */
class ValidationReportsInDatabasePostgresIT extends ValidationReportsInDatabaseContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }

    @Override
    String schema() {
        return POSTGRES.name();
    }
}
