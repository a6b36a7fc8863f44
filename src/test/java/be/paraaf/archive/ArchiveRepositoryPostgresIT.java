package be.paraaf.archive;

import be.paraaf.support.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The archive SQL on the real PostgreSQL server, in a schema of its own. */
class ArchiveRepositoryPostgresIT extends ArchiveRepositoryContract {

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
