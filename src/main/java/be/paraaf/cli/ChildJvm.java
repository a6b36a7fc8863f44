package be.paraaf.cli;

import be.paraaf.system.SelfLauncher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs this same command line again in a child JVM with extra environment variables, stdin/stdout/stderr
 * inherited (so a console PIN prompt and {@code --pin-stdin} keep working). Needed because a native PKCS#11
 * module reads its environment when SunPKCS11 loads it into the JVM, and a JVM cannot change its own
 * environment: SoftHSM2 finds a virtual card's token only through {@code SOFTHSM2_CONF}.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static int run(Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the child JVM ran", e);
        }
    }

    /** {@code java -jar paraaf.jar} from the executable jar, else {@code java -cp … ParaafMain}. */
    static List<String> launcher() {
        return SelfLauncher.command(List.of());
    }
}
