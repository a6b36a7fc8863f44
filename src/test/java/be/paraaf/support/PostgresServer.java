package be.paraaf.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real PostgreSQL server CI provides (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust
 * auth; .ci/run starts it). Use as {@code @ExtendWith(PostgresServer.class)}: when the server cannot be
 * reached the tests fail under CI=true — CI must provide it — and are skipped elsewhere, saying why. Every
 * test class works in a schema of its own ({@link #newSchema()}), so runs never collide.
 */
public final class PostgresServer implements ExecutionCondition {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection connection = connect(URL)) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " — CI must provide it (.ci/run)");
            }
            return ConditionEvaluationResult.disabled(message + "; skipping the PostgreSQL tests");
        }
    }

    /** A fresh schema name; Flyway creates the schema on first migration. */
    public static String newSchema() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return "paraaf_it_" + HexFormat.of().formatHex(random);
    }

    public static String url(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    public static void dropSchema(String schema) {
        if (!schema.matches("paraaf_it_[0-9a-f]+")) {
            throw new IllegalArgumentException("refusing to drop " + schema);
        }
        try (Connection connection = connect(URL); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema, e);
        }
    }

    public static Connection connect(String url) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, USER, "");
    }
}
