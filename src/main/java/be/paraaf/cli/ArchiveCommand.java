package be.paraaf.cli;

import be.paraaf.archive.ArchiveIntegrity;
import be.paraaf.archive.ArchiveRepository;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.FileDocumentStore;
import be.paraaf.persistence.JdbcDocumentStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paraaf archive}: work on the archive's database and blob store directly, without the server. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Archive: check the integrity of every archived blob.",
        subcommands = {ArchiveCommand.Check.class})
class ArchiveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check.");
    }

    /** {@code paraaf archive check}: exit 0 when every blob matches its metadata, 1 when something differs. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Recompute the SHA-256 of every archived part (every version) and compare it with the "
                    + "database. The embedded H2 database is locked while the server runs: stop it first, or use "
                    + "POST /api/archive/integrity-check.")
    static class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "DIR",
                description = "paraaf data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--jdbc-url", paramLabel = "URL",
                description = "Database URL (default: the embedded H2 database in DIR/db).")
        String jdbcUrl;

        @Option(names = "--jdbc-user", defaultValue = "sa", paramLabel = "USER", description = "Database user.")
        String jdbcUser;

        @Option(names = "--jdbc-password", defaultValue = "", paramLabel = "PASSWORD",
                description = "Database password.")
        String jdbcPassword;

        @Option(names = "--store", defaultValue = "file", paramLabel = "file|jdbc",
                description = "Where blobs live (paraaf.documents.store; default: ${DEFAULT-VALUE}).")
        String store;

        @Override
        public Integer call() {
            String url = jdbcUrl != null ? jdbcUrl
                    : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/paraaf") + ";IFEXISTS=TRUE";
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, jdbcUser, jdbcPassword));
            DocumentStore blobs = switch (store) {
                case "file" -> new FileDocumentStore(dataDir.resolve("documents"));
                case "jdbc" -> new JdbcDocumentStore(jdbc, Clock.systemUTC());
                default -> throw new ParameterException(spec.commandLine(), "--store must be file or jdbc");
            };
            ArchiveIntegrity.Report report = new ArchiveIntegrity(new ArchiveRepository(jdbc), blobs,
                    Clock.systemUTC()).check();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d entries, %d parts, %d bytes checked: %s%n", report.entries(), report.parts(),
                    report.bytes(), report.ok() ? "OK" : report.findings().size() + " difference(s)");
            for (ArchiveIntegrity.Finding finding : report.findings()) {
                out.printf("%s %s v%d %s: %s%n", finding.entryId(), finding.part(), finding.version(),
                        finding.expectedSha256(), finding.problem());
            }
            out.flush();
            return report.ok() ? 0 : ParaafCli.EXIT_FAILURE;
        }
    }
}
