package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The archive SQL, run by each database paraaf supports (V4__archive.sql and every query of the repository). */
abstract class ArchiveRepositoryContract {

    static final String JAN = "85073003328";
    static final String PIETER = "90020199704";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    abstract DataSource dataSource();

    abstract String schema();

    ArchiveRepository repository;
    JdbcClient jdbc;

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(dataSource()).schemas(schema()).defaultSchema(schema())
                .locations("classpath:db/migration").load()
                .migrate();
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("delete from archive_parts").update();
        jdbc.sql("delete from archive_parties").update();
        jdbc.sql("delete from archive_entries").update();
        jdbc.sql("delete from archive_tombstones").update();
        jdbc.sql("delete from archive_deletions").update();
        if (jdbc.sql("select count(*) from api_clients").query(Long.class).single() == 0) {
            for (String client : List.of("agency-a", "agency-b")) {
                jdbc.sql("insert into api_clients (id, name, key_sha256, created_at) values (?, ?, ?, ?)")
                        .params(client, client, client, OffsetDateTime.now()).update();
            }
        }
        repository = new ArchiveRepository(jdbc);
    }

    @Test
    void searchFiltersByPartyTypeAndDateWithinTheOwnerAndPages() {
        String a1 = insert("agency-a", "lease", NOW.minus(Duration.ofDays(10)), JAN, "a".repeat(64), "SHA256");
        String a2 = insert("agency-a", "upload", NOW.minus(Duration.ofDays(5)), PIETER, "b".repeat(64), "SHA256");
        String a3 = insert("agency-a", "lease", NOW.minus(Duration.ofDays(1)), JAN, "c".repeat(64), "SHA256");
        insert("agency-b", "lease", NOW, JAN, "d".repeat(64), "SHA256");
        ArchiveViewer a = new ArchiveViewer.Agency("agency-a");

        ArchiveSearch.Page byJan = repository.search(a, new ArchiveSearch(JAN, null, null, null, 0, 1));
        assertThat(byJan.total()).isEqualTo(2);
        assertThat(byJan.items()).extracting(ArchiveEntry::id).containsExactly(a3);
        assertThat(byJan.items().get(0).parties()).extracting(Party::nationalNumber).containsExactly(JAN);
        assertThat(repository.search(a, new ArchiveSearch(JAN, null, null, null, 1, 1)).items())
                .extracting(ArchiveEntry::id).containsExactly(a1);
        assertThat(repository.search(a, new ArchiveSearch(null, "upload", null, null, 0, 20)).items())
                .extracting(ArchiveEntry::id).containsExactly(a2);
        assertThat(repository.search(a, new ArchiveSearch(null, null, NOW.minus(Duration.ofDays(6)),
                NOW.minus(Duration.ofDays(2)), 0, 20)).items()).extracting(ArchiveEntry::id).containsExactly(a2);

        ArchiveSearch.Page citizen = repository.search(new ArchiveViewer.Citizen(JAN),
                new ArchiveSearch(null, null, null, null, 0, 20));
        assertThat(citizen.total()).as("a citizen sees every entry naming them, whoever owns it").isEqualTo(3);
        assertThat(repository.find(new ArchiveViewer.Agency("agency-b"), a1)).isEmpty();
        assertThat(repository.find(new ArchiveViewer.Citizen(PIETER), a1)).isEmpty();
        assertThat(repository.find(new ArchiveViewer.Citizen(PIETER), a2)).isPresent();
    }

    @Test
    void aTombstoneKeepsIdDatesAndHashesButNoParties() {
        String id = insert("agency-a", "lease", NOW, JAN, "1".repeat(64), "SHA256");
        ArchiveEntry entry = repository.find(id).orElseThrow();
        repository.tombstone(entry, NOW, "test");

        assertThat(repository.find(id)).isEmpty();
        assertThat(jdbc.sql("select count(*) from archive_parties where entry_id = ?").param(id).query(Long.class)
                .single()).isZero();
        ArchiveRepository.Tombstone tombstone = repository.tombstone(id).orElseThrow();
        assertThat(tombstone.partHashes()).containsExactly("document.pdf v1 " + "1".repeat(64));
        assertThat(tombstone.archivedAt()).isEqualTo(NOW);
        assertThat(repository.tombstonesAwaitingPurge(10)).extracting(ArchiveRepository.Tombstone::id).contains(id);
        assertThat(repository.referenced("1".repeat(64))).isFalse();
        repository.markPurged(id, 1, NOW);
        assertThat(repository.tombstonesAwaitingPurge(10)).extracting(ArchiveRepository.Tombstone::id)
                .doesNotContain(id);
    }

    String insert(String owner, String type, Instant archivedAt, String party, String sha256, String digest) {
        return insert(owner, type, archivedAt, party, sha256, digest, NOW.plus(Duration.ofDays(365)));
    }

    String insert(String owner, String type, Instant archivedAt, String party, String sha256, String digest,
            Instant validUntil) {
        String id = UUID.randomUUID().toString();
        repository.insert(new ArchiveEntry(id, owner, type, null, List.of(new Party("Someone", party, "tenant")),
                archivedAt, archivedAt, archivedAt.plus(Duration.ofDays(3650)), false, "VALID", validUntil, digest, 0,
                null, List.of(new ArchivePart(ArchivePart.DOCUMENT, 1, "application/pdf", sha256, 10, archivedAt))));
        return id;
    }
}
