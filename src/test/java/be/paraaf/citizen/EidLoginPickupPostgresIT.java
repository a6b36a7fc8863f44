package be.paraaf.citizen;

import be.paraaf.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same pickup scenarios on the real PostgreSQL server, in a schema of its own (V6 migration there too). */
@ExtendWith(PostgresServer.class)
class EidLoginPickupPostgresIT extends EidLoginPickupTest {

    private static final String SCHEMA = PostgresServer.newSchema();
    private static JdbcClient postgres;

    @Override
    JdbcClient database() {
        synchronized (EidLoginPickupPostgresIT.class) {
            if (postgres == null) {
                postgres = migrated(new DriverManagerDataSource(PostgresServer.url(SCHEMA), PostgresServer.USER, ""));
            }
            return postgres;
        }
    }

    @AfterAll
    static void dropSchema() {
        PostgresServer.dropSchema(SCHEMA);
    }
}
