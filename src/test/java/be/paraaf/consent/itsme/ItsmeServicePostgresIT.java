package be.paraaf.consent.itsme;

import be.paraaf.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same service scenarios on the real PostgreSQL server, in a schema of its own (V3__itsme.sql there too). */
class ItsmeServicePostgresIT extends ItsmeServiceTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();
    private static JdbcClient postgres;

    @Override
    JdbcClient database() {
        synchronized (ItsmeServicePostgresIT.class) {
            if (postgres == null) {
                postgres = TestDatabase.migrated(POSTGRES.dataSource());
            }
            return postgres;
        }
    }
}
