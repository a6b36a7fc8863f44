package be.paraaf.consent.itsme;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh in-memory H2 database with every Flyway migration applied, for tests without Spring. */
final class TestDatabase {

    private TestDatabase() {
    }

    static JdbcClient migrated() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:itsme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    /** Applies the migrations to {@code dataSource} (e.g. a schema of its own on PostgreSQL). */
    static JdbcClient migrated(javax.sql.DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }
}
