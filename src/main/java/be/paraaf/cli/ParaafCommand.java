package be.paraaf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paraaf}: the top-level command; each capability adds its group (pki, eid, eid-agent, itsme-app, archive). */
@Command(name = "paraaf", mixinStandardHelpOptions = true, version = "paraaf 0.1",
        description = {"Belgian document signing: the web service and its command-line tools.",
                "Without a command (or with only Spring options such as --server.port=9090 or "
                        + "--spring.profiles.active=prod) paraaf starts the web service on port 8080."},
        subcommands = {PkiCommand.class, EidCommand.class, EidAgentCommand.class, ItsmeAppCommand.class,
                ArchiveCommand.class, ApiKeyCommand.class, HelpCommand.class})
class ParaafCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command, e.g. 'paraaf pki --help'.");
    }
}
