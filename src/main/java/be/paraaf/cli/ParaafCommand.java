package be.paraaf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paraaf}: the top-level command; each capability adds its group (pki, eid, eid-agent, itsme-app, archive). */
@Command(name = "paraaf", mixinStandardHelpOptions = true, version = "paraaf 0.1",
        description = "Belgian document signing: command-line tools.",
        subcommands = {PkiCommand.class, EidCommand.class, EidAgentCommand.class, ItsmeAppCommand.class,
                ArchiveCommand.class})
class ParaafCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command, e.g. 'paraaf pki --help'.");
    }
}
