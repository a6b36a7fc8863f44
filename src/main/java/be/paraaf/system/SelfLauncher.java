package be.paraaf.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts this application again in a new JVM: {@code java -jar paraaf.jar} from the
 * executable jar, else {@code java -cp <class path> be.paraaf.cli.ParaafMain} (an IDE, {@code mvn
 * spring-boot:run}, a test). Used by the CLI's child JVMs and by the demo card seeding, which both need a
 * JVM started with SoftHSM2's environment variable set.
 */
public final class SelfLauncher {

    /** By name: the root package depends on no other package of the application. */
    private static final String MAIN_CLASS = "be.paraaf.cli.ParaafMain";

    private SelfLauncher() {
    }

    /** The launcher with {@code jvmOptions} (e.g. {@code -Xmx256m}) placed before the class path or jar. */
    public static List<String> command(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        var self = SelfLauncher.class.getResource(SelfLauncher.class.getSimpleName() + ".class");
        if (self != null && self.toString().contains("BOOT-INF")) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        }
        return command;
    }
}
