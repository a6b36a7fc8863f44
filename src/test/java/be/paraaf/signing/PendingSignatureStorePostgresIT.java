package be.paraaf.signing;

import be.paraaf.support.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pending-signature SQL on the real PostgreSQL server, in a schema of its own. */
class PendingSignatureStorePostgresIT extends PendingSignatureStoreContract {

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
