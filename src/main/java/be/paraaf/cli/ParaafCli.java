package be.paraaf.cli;

import be.paraaf.system.NotFoundException;
import be.paraaf.system.ParaafException;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point of the {@code paraaf} command line, used by {@link ParaafMain} when the first
 * argument names a command. Runs without a Spring context.
 *
 * <p>Exit codes: 0 success, 1 failure while running (e.g. unknown serial), 2 invalid usage or input
 * (picocli's convention; e.g. a bad national register number).
 */
public final class ParaafCli {

    /** Top-level command names that select the CLI instead of the web service. */
    public static final Set<String> COMMANDS = Set.of("pki", "eid", "eid-agent", "itsme-app", "archive", "api-key",
            "help");

    /** Arguments that ask for usage or version instead of starting the server. */
    private static final Set<String> HELP = Set.of("--help", "-h", "-?", "--version", "-V");

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private ParaafCli() {
    }

    /** True if {@code args} asks for a CLI command rather than the server. */
    public static boolean handles(String[] args) {
        return args != null && args.length > 0 && (COMMANDS.contains(args[0]) || HELP.contains(args[0]));
    }

    /** Runs the command and returns its exit code; never calls {@code System.exit}. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line; tests swap its out/err writers. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ParaafCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (exception instanceof ParaafException paraaf) {
                // a refusal we can explain: no stack trace
                err.println("paraaf: " + paraaf.getMessage());
                err.flush();
                return paraaf instanceof NotFoundException || paraaf.status() >= 500 ? EXIT_FAILURE : EXIT_USAGE;
            }
            err.println("paraaf: " + exception);
            err.flush();
            return EXIT_FAILURE;
        });
        return commandLine;
    }
}
