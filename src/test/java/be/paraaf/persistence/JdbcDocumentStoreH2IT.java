package be.paraaf.persistence;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The JDBC document store on H2, the embedded default database (in memory here). */
class JdbcDocumentStoreH2IT extends JdbcDocumentStoreContract {

    private static final DataSource H2 = new DriverManagerDataSource(
            "jdbc:h2:mem:document-store;DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return H2;
    }

    @Override
    String schema() {
        return "PUBLIC";
    }
}
