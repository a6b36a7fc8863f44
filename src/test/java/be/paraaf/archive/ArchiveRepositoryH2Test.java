package be.paraaf.archive;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The archive SQL on H2, the embedded default database. */
class ArchiveRepositoryH2Test extends ArchiveRepositoryContract {

    private static final DataSource H2 = new DriverManagerDataSource(
            "jdbc:h2:mem:archive-repository;DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return H2;
    }

    @Override
    String schema() {
        return "PUBLIC";
    }
}
