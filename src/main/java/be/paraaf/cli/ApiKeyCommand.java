package be.paraaf.cli;

import be.paraaf.access.ApiKeys;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paraaf api-key generate}: a new API key and the SHA-256 the service is configured with. */
@Command(name = "api-key", mixinStandardHelpOptions = true, description = "API keys for API clients.",
        subcommands = ApiKeyCommand.Generate.class)
class ApiKeyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = {"Print a new random API key and "
            + "its SHA-256. Give the key to the client; configure the service with the hash only:",
            "  paraaf.access.clients[n].id / .name / .key-sha256"})
    static class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String key = ApiKeys.generate();
            PrintWriter out = spec.commandLine().getOut();
            out.println("key:        " + key);
            out.println("key-sha256: " + ApiKeys.hash(key));
            out.flush();
            return 0;
        }
    }
}
