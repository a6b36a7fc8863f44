package be.paraaf.archive;

import be.paraaf.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EvidenceRecordBenchmark} on the {@code postgres} profile, in a schema of its own on the real server. */
@Tag("benchmark")
@ExtendWith(PostgresServer.class)
@ActiveProfiles({"dev", "postgres"})
class EvidenceRecordPostgresBenchmark extends EvidenceRecordBenchmark {

    private static final String SCHEMA = PostgresServer.newSchema();

    @DynamicPropertySource
    static void postgresSchema(DynamicPropertyRegistry registry) {
        registry.add("paraaf.database.schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        PostgresServer.dropSchema(SCHEMA);
    }
}
