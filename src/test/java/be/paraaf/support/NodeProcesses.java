package be.paraaf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * paraaf nodes as separate JVMs from the test class path with profile dev,postgres, each with its own data
 * directory, sharing one PostgreSQL schema. The demo PKI of the first node is copied to the others (it stands for
 * the external trust services every production node reaches the same); its certificates name the first node.
 */
public final class NodeProcesses {

    private NodeProcesses() {
    }

    /** Starts a node and waits until it is ready; its output goes to {@code <dataDir>/node-<name>.log}. */
    public static Process start(int port, Path dataDir, int pkiPort, String schema, String name, String... more)
            throws IOException, InterruptedException {
        return start(List.of("-cp", System.getProperty("java.class.path"), "be.paraaf.ParaafApplication"), port,
                dataDir, pkiPort, schema, name, more);
    }

    /**
     * As {@link #start(int, Path, int, String, String, String...)}, from the packaged jar an operator deploys
     * ({@code target/paraaf.jar}, built by {@code mvn verify} before the integration tests).
     */
    public static Process startJar(int port, Path dataDir, int pkiPort, String schema, String name, String... more)
            throws IOException, InterruptedException {
        return start(List.of("-jar", ServiceProcess.packagedJar().toString()), port, dataDir, pkiPort, schema,
                name, more);
    }

    private static Process start(List<String> program, int port, Path dataDir, int pkiPort, String schema,
            String name, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-Xmx512m",
                "-Dorg.bouncycastle.rsa.max_mr_tests=0"));
        command.addAll(program);
        command.addAll(List.of("--spring.profiles.active=dev,postgres",
                "--server.port=" + port,
                "--paraaf.data-dir=" + dataDir,
                "--paraaf.public-base-url=http://localhost:" + pkiPort,
                "--paraaf.database.schema=" + schema,
                "--spring.jmx.enabled=false"));
        command.addAll(List.of(more));
        return ServiceProcess.start(command, dataDir.resolve("node-" + name + ".log"), "http://localhost:" + port);
    }

    /** Stops the nodes given (nulls skipped): a normal shutdown, forced after 30 s. */
    public static void stop(Process... nodes) throws InterruptedException {
        for (Process node : nodes) {
            if (node != null) {
                node.destroy();
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
        }
    }

    /** Gives {@code to} the demo PKI of {@code from} (call before starting the node on {@code to}). */
    public static void copyPki(Path from, Path to) throws IOException {
        Path source = from.resolve("pki");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve("pki").resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
