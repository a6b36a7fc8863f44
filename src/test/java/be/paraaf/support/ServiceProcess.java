package be.paraaf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** paraaf started as its own operating-system process, as an operator starts it; ready once readiness is UP. */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    /**
     * The packaged jar an operator deploys ({@code target/paraaf.jar}, which {@code mvn verify} builds before the
     * integration tests), absolute; missing, the test fails under CI=true and is skipped elsewhere.
     */
    public static Path packagedJar() {
        Path jar = Path.of("target", "paraaf.jar");
        if (!java.nio.file.Files.isRegularFile(jar)) {
            String message = jar + " is missing: this test runs the packaged jar (mvn verify builds it first)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        return jar.toAbsolutePath();
    }

    /** The JVM running the tests, to start the service with. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code command} with its output in {@code log} and waits up to three minutes until
     * {@code baseUrl}/actuator/health/readiness answers 200.
     */
    public static Process start(List<String> command, Path log, String baseUrl) throws IOException,
            InterruptedException {
        return start(command, java.util.Map.of(), log, baseUrl);
    }

    /** As {@link #start(List, Path, String)}, with {@code environment} added to the process's environment. */
    public static Process start(List<String> command, java.util.Map<String, String> environment, Path log,
            String baseUrl) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        // -Dparaaf.test.start-minutes=N on a machine busy enough that a start takes longer
        Instant deadline = Instant.now().plus(Duration.ofMinutes(Long.getLong("paraaf.test.start-minutes", 3)));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException | UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not become ready; see " + log);
    }
}
