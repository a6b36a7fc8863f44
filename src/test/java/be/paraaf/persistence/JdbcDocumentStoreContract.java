package be.paraaf.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.NotFoundException;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every database must do for {@link JdbcDocumentStore}, after the project's own Flyway migrations.
 * Subclasses supply the database (H2, PostgreSQL).
 */
abstract class JdbcDocumentStoreContract {

    private JdbcClient jdbc;
    private JdbcDocumentStore store;

    abstract DataSource dataSource();

    /** The schema Flyway migrates and the store uses. */
    abstract String schema();

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(dataSource()).schemas(schema()).defaultSchema(schema())
                .locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("delete from document_blobs").update();
        store = new JdbcDocumentStore(jdbc, Clock.systemUTC());
    }

    @Test
    void contentRoundTripsUnderItsSha256() {
        byte[] content = randomBytes(3 * 1024 * 1024);

        StoredContent stored = store.put(content);

        assertThat(stored).isEqualTo(StoredContent.of(content));
        assertThat(store.exists(stored.sha256())).isTrue();
        assertThat(store.get(stored.sha256())).isEqualTo(content);
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneRow() {
        byte[] content = randomBytes(1000);
        store.put(content);
        store.put(content.clone());
        assertThat(jdbc.sql("select count(*) from document_blobs").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoNodesStoringTheSameBytesAtOnceBothSucceed() {
        byte[] content = randomBytes(200_000);
        JdbcDocumentStore otherNode = new JdbcDocumentStore(JdbcClient.create(dataSource()), Clock.systemUTC());
        CompletableFuture<StoredContent> first = CompletableFuture.supplyAsync(() -> store.put(content));
        CompletableFuture<StoredContent> second = CompletableFuture.supplyAsync(() -> otherNode.put(content));
        assertThat(first.join()).isEqualTo(second.join());
        assertThat(otherNode.get(first.join().sha256())).isEqualTo(content);
    }

    @Test
    void unknownContentIsNotFound() {
        assertThat(store.exists("a".repeat(64))).isFalse();
        assertThatThrownBy(() -> store.get("a".repeat(64))).isInstanceOf(NotFoundException.class);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
