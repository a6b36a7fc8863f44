package be.paraaf.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_clients} table. */
@Repository
public class ApiClientRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiClientRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The enabled client whose key hashes to {@code keySha256}. */
    public Optional<ApiClient> findByKeyHash(String keySha256) {
        return jdbc.sql("select id, name, demo from api_clients where key_sha256 = ? and disabled_at is null")
                .param(keySha256)
                .query((rs, row) -> new ApiClient(rs.getString("id"), rs.getString("name"), rs.getBoolean("demo")))
                .optional();
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from api_clients where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Creates the client or gives it this name and key hash (a configured client, a rotated key). */
    public void upsert(ApiClient client, String keySha256) {
        int updated = jdbc.sql("update api_clients set name = ?, key_sha256 = ? where id = ?")
                .params(client.name(), keySha256, client.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into api_clients (id, name, key_sha256, demo, created_at) values (?, ?, ?, ?, ?)")
                    .params(client.id(), client.name(), keySha256, client.demo(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        }
    }

    /** Registers a client with the hash of its key; the key itself is not kept. */
    public void register(ApiClient client, String key) {
        jdbc.sql("insert into api_clients (id, name, key_sha256, demo, created_at) values (?, ?, ?, ?, ?)")
                .params(client.id(), client.name(), ApiKeys.hash(key), client.demo(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }
}
