package be.paraaf.support;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of its own on the real PostgreSQL server for one test class, dropped after the class: register as
 * {@code @RegisterExtension static final PostgresSchema POSTGRES = new PostgresSchema();} and hand
 * {@link #dataSource()} to the code under test (Flyway creates the schema on its first migration). Without a
 * reachable server the class fails under CI=true and is skipped elsewhere, as with {@link PostgresServer}.
 */
public final class PostgresSchema implements ExecutionCondition, AfterAllCallback {

    private final String name = PostgresServer.newSchema();
    private final DataSource dataSource = new DriverManagerDataSource(PostgresServer.url(name),
            PostgresServer.USER, "");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return new PostgresServer().evaluateExecutionCondition(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PostgresServer.dropSchema(name);
    }

    /** The schema's name, {@code paraaf_it_…}. */
    public String name() {
        return name;
    }

    /** Connections whose search path is this schema. */
    public DataSource dataSource() {
        return dataSource;
    }
}
