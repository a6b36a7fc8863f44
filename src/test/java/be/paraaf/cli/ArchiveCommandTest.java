package be.paraaf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.archive.ArchiveEntry;
import be.paraaf.archive.ArchivePart;
import be.paraaf.archive.ArchiveRepository;
import be.paraaf.archive.Party;
import be.paraaf.persistence.FileDocumentStore;
import be.paraaf.persistence.StoredContent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;

/** {@code paraaf archive check} on a data directory, without the service. */
class ArchiveCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    @Test
    void checkPassesOnIntactBlobsAndNamesAModifiedOne() throws IOException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/paraaf");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into api_clients (id, name, key_sha256, created_at) values ('agency', 'Agency', 'x', ?)")
                .param(java.time.OffsetDateTime.now()).update();
        FileDocumentStore store = new FileDocumentStore(dir.resolve("documents"));
        StoredContent pdf = store.put("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII));
        Instant now = Instant.now();
        new ArchiveRepository(jdbc).insert(new ArchiveEntry("8d1c4c5e-0000-4000-8000-000000000001", "agency",
                "lease", null, List.of(new Party("Jan Peeters", "85073003328", "tenant")), now, now, now, false,
                "VALID", null, null, 0, null,
                List.of(new ArchivePart(ArchivePart.DOCUMENT, 1, "application/pdf", pdf.sha256(), pdf.size(), now))));

        assertThat(execute("archive", "check", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("1 entries, 1 parts").contains("OK");

        Files.writeString(dir.resolve("documents").resolve(pdf.sha256().substring(0, 2)).resolve(pdf.sha256()),
                "changed");
        assertThat(execute("archive", "check", "--data-dir", dir.toString())).isEqualTo(ParaafCli.EXIT_FAILURE);
        assertThat(out.toString()).contains("1 difference(s)")
                .contains("8d1c4c5e-0000-4000-8000-000000000001 document.pdf v1 " + pdf.sha256() + ": modified");
    }

    private int execute(String... args) {
        out.getBuffer().setLength(0);
        CommandLine commandLine = ParaafCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        return commandLine.execute(args);
    }
}
