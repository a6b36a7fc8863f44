package be.paraaf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.ServiceIT;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The simulated app's command line without a server: usage and the errors it can explain. */
class ItsmeAppCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void itsmeAppIsACliCommandWithFourSubcommands() {
        assertThat(ParaafCli.handles(new String[] {"itsme-app", "pending"})).isTrue();
        assertThat(execute("itsme-app", "--help")).isZero();
        assertThat(out.toString()).contains("enrol", "pending", "approve", "reject");
    }

    @Test
    void commandsBeforeEnrolmentSayWhatToDo() {
        int exit = execute("itsme-app", "pending", "--app-dir", dir.toString());
        assertThat(exit).isEqualTo(ParaafCli.EXIT_USAGE);
        assertThat(err.toString()).contains("run 'paraaf itsme-app enrol' first");
    }

    @Test
    void unreachableServerIsAClearFailure() {
        int exit = execute("itsme-app", "enrol", "--server", "http://localhost:" + ServiceIT.freePort(), "--phone",
                "+32470123456", "--national-number", "85073003328", "--code", "12345", "--app-dir", dir.toString());
        assertThat(exit).isEqualTo(ParaafCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("Cannot reach");
    }

    @Test
    void missingCodeIsAUsageError() {
        int exit = execute("itsme-app", "approve", "--app-dir", dir.toString(), "--consent", "x");
        assertThat(exit).isEqualTo(ParaafCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--code");
    }

    private int execute(String... args) {
        CommandLine commandLine = ParaafCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
