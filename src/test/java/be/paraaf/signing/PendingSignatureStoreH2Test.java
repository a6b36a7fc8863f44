package be.paraaf.signing;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The pending-signature SQL on H2, the embedded default database. */
class PendingSignatureStoreH2Test extends PendingSignatureStoreContract {

    private static final DataSource H2 = new DriverManagerDataSource(
            "jdbc:h2:mem:pending-signatures;DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return H2;
    }

    @Override
    String schema() {
        return "PUBLIC";
    }
}
