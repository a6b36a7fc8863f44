package be.paraaf.citizen;

import be.paraaf.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same pickup scenarios on the real PostgreSQL server, in a schema of its own (V6 migration there too). */
class EidLoginPickupPostgresIT extends EidLoginPickupTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();
    private static JdbcClient postgres;

    @Override
    JdbcClient database() {
        synchronized (EidLoginPickupPostgresIT.class) {
            if (postgres == null) {
                postgres = migrated(POSTGRES.dataSource());
            }
            return postgres;
        }
    }
}
