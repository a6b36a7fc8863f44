package be.paraaf.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.access.ApiKeys;
import be.paraaf.demo.DemoClients;
import be.paraaf.support.Multipart;
import be.paraaf.support.PostgresServer;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the {@code postgres} profile (with {@code dev} for the demo clients): Flyway migrates a
 * schema of its own on the real server, documents go to the jdbc store, and another node sharing the database
 * would read them from there.
 */
@ExtendWith(PostgresServer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"dev", "postgres"})
class PostgresProfileIT {

    private static final int PORT = ServiceIT.freePort();
    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-pg-it-");
    private static final String SCHEMA = PostgresServer.newSchema();
    private static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("paraaf.database.schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        PostgresServer.dropSchema(SCHEMA);
    }

    @Test
    void uploadedDocumentLivesInPostgresql() throws SQLException {
        byte[] contract = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        HttpResponse<byte[]> response = CLIENT.post("/api/documents",
                new Multipart().file("document", "contract.pdf", "application/pdf", contract), DemoClients.WOONPUNT_KEY);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        String id = ServiceClient.json(response).get("id").asString();

        assertThat(CLIENT.get("/api/documents/" + id + "/content", DemoClients.WOONPUNT_KEY).body()).isEqualTo(contract);
        try (Connection db = PostgresServer.connect(PostgresServer.url(SCHEMA))) {
            assertThat(single(db, "select count(*) from document_blobs where sha256 = ?",
                    StoredContent.sha256(contract))).isEqualTo("1");
            assertThat(single(db, "select owner_client_id from documents where id = ?", id))
                    .isEqualTo(DemoClients.WOONPUNT.id());
            assertThat(single(db, "select key_sha256 from api_clients where id = ?", DemoClients.WOONPUNT.id()))
                    .isEqualTo(ApiKeys.hash(DemoClients.WOONPUNT_KEY)).isNotEqualTo(DemoClients.WOONPUNT_KEY);
        }
        assertThat(DATA_DIR.resolve("documents")).doesNotExist();
    }

    @Test
    void anotherClientCannotSeeItOnPostgresqlEither() {
        HttpResponse<byte[]> response = CLIENT.post("/api/documents", new Multipart().file("document",
                "contract.pdf", "application/pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)), DemoClients.WOONPUNT_KEY);
        String id = ServiceClient.json(response).get("id").asString();
        assertThat(CLIENT.get("/api/documents/" + id, DemoClients.NOTARIS_KEY).statusCode()).isEqualTo(404);
    }

    private static String single(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).as(sql).isTrue();
                return result.getString(1);
            }
        }
    }
}
