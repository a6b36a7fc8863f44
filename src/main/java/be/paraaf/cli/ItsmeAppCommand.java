package be.paraaf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paraaf itsme-app}: a simulated itsme-style app talking to a running paraaf over HTTP. */
@Command(name = "itsme-app", mixinStandardHelpOptions = true,
        description = "Simulated itsme-style app: enrol a device, list pending consents, approve or reject.",
        subcommands = {ItsmeAppCommand.Enrol.class, ItsmeAppCommand.PendingList.class, ItsmeAppCommand.Approve.class,
                ItsmeAppCommand.Reject.class})
class ItsmeAppCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: enrol, pending, approve or reject.");
    }

    static class AppDir {
        @Option(names = "--app-dir", defaultValue = "./itsme-app", paramLabel = "DIR",
                description = "Where the app keeps its device key and ids (default: ${DEFAULT-VALUE}).")
        Path appDir;
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Create the device key and enrol; the account then awaits confirmation with the eID.")
    static class Enrol implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        AppDir dir;

        @Option(names = "--server", defaultValue = "http://localhost:8080", paramLabel = "URL",
                description = "paraaf base URL (default: ${DEFAULT-VALUE}).")
        String server;

        @Option(names = "--phone", required = true, description = "Phone number, e.g. +32470123456.")
        String phone;

        @Option(names = "--national-number", required = true, paramLabel = "NUMBER",
                description = "National register number, 11 digits or YY.MM.DD-SSS.CC.")
        String nationalNumber;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The 5-digit secret code.")
        String code;

        @Override
        public Integer call() {
            ItsmeApp app = ItsmeApp.enrol(server, phone, nationalNumber, code, dir.appDir);
            PrintWriter out = spec.commandLine().getOut();
            out.println("enrolled: account " + app.accountId() + ", device " + app.deviceId());
            out.println("state: PENDING_EID_CONFIRMATION (confirm with the eID; in dev: POST "
                    + "/api/dev/itsme/accounts/" + app.accountId() + "/activation)");
            out.flush();
            return 0;
        }
    }

    @Command(name = "pending", mixinStandardHelpOptions = true, description = "List pending consents.")
    static class PendingList implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        AppDir dir;

        @Option(names = "--wait", defaultValue = "0", paramLabel = "SECONDS",
                description = "Wait up to SECONDS (≤ 30) for a consent to arrive (default: ${DEFAULT-VALUE}).")
        int wait;

        @Override
        public Integer call() {
            List<ItsmeApp.Pending> pending = ItsmeApp.open(dir.appDir).pending(wait);
            PrintWriter out = spec.commandLine().getOut();
            if (pending.isEmpty()) {
                out.println("no pending consents");
            }
            for (ItsmeApp.Pending consent : pending) {
                out.println(consent.consentId() + "  code " + consent.verificationCode() + "  until "
                        + consent.expiresAt() + "  \"" + consent.documentTitle() + "\"");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a pending consent with the secret code.")
    static class Approve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        AppDir dir;

        @Option(names = "--consent", required = true, paramLabel = "ID", description = "The consent id.")
        String consent;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The 5-digit secret code.")
        String code;

        @Override
        public Integer call() {
            String status = ItsmeApp.open(dir.appDir).approve(consent, code);
            spec.commandLine().getOut().println(consent + " " + status);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a pending consent.")
    static class Reject implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        AppDir dir;

        @Option(names = "--consent", required = true, paramLabel = "ID", description = "The consent id.")
        String consent;

        @Override
        public Integer call() {
            String status = ItsmeApp.open(dir.appDir).reject(consent);
            spec.commandLine().getOut().println(consent + " " + status);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
