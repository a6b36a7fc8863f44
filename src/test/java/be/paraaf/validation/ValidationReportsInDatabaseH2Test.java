package be.paraaf.validation;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Validation reports as rows on H2, the embedded database. */
class ValidationReportsInDatabaseH2Test extends ValidationReportsInDatabaseContract {

    private static final DataSource H2 = new DriverManagerDataSource(
            "jdbc:h2:mem:validation-reports;DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return H2;
    }

    @Override
    String schema() {
        return "PUBLIC";
    }
}
