package be.paraaf.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * paraaf in a JVM of its own, for tests whose point is that JVM's limits (a small heap, an exit on
 * OutOfMemoryError): the test classpath's application on a free port, with its own data directory and log, ready
 * before the first test and stopped after the last. Register it as a static field:
 * {@code @RegisterExtension static final OwnJvmService SERVICE = OwnJvmService.withJvmOptions("-Xmx160m")
 * .settings("--paraaf.upload-limit=40MB");}
 */
public final class OwnJvmService implements BeforeAllCallback, AfterAllCallback {

    private final List<String> jvmOptions;
    private final List<String> settings = new ArrayList<>(List.of("--paraaf.demo.virtual-cards=false"));
    private Path dir;
    private Process process;
    private ServiceClient client;

    private OwnJvmService(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    /** A service started with these JVM options ({@code -Xmx…}, {@code -XX:…}). */
    public static OwnJvmService withJvmOptions(String... options) {
        return new OwnJvmService(List.of(options));
    }

    /** Adds application settings ({@code --name=value}) to the command line. */
    public OwnJvmService settings(String... more) {
        settings.addAll(List.of(more));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        dir = ServiceIT.temporaryDirectory("paraaf-own-jvm-" + context.getRequiredTestClass().getSimpleName() + "-");
        int port = ServiceIT.freePort();
        client = new ServiceClient("http://localhost:" + port);
        List<String> command = new ArrayList<>(List.of(ServiceProcess.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "be.paraaf.ParaafApplication",
                "--server.port=" + port, "--paraaf.data-dir=" + dir.resolve("data")));
        command.addAll(settings);
        process = ServiceProcess.start(command, dir.resolve("service.log"), client.baseUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException, IOException {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (dir != null && context.getExecutionException().isEmpty()) { // a failed start keeps its log to read
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** A client of the running service. */
    public ServiceClient client() {
        return client;
    }

    /** Whether the service's JVM is still running (it did not die of the input). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** A directory for the test's own files, beside the service's data and log. */
    public Path dir() {
        return dir;
    }
}
