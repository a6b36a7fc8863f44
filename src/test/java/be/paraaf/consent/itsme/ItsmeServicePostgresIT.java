package be.paraaf.consent.itsme;

import be.paraaf.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same service scenarios on the real PostgreSQL server, in a schema of its own (V3__itsme.sql there too). */
@ExtendWith(PostgresServer.class)
class ItsmeServicePostgresIT extends ItsmeServiceTest {

    private static final String SCHEMA = PostgresServer.newSchema();
    private static JdbcClient postgres;

    @Override
    JdbcClient database() {
        synchronized (ItsmeServicePostgresIT.class) {
            if (postgres == null) {
                postgres = TestDatabase.migrated(new DriverManagerDataSource(PostgresServer.url(SCHEMA),
                        PostgresServer.USER, ""));
            }
            return postgres;
        }
    }

    @AfterAll
    static void dropSchema() {
        PostgresServer.dropSchema(SCHEMA);
    }
}
