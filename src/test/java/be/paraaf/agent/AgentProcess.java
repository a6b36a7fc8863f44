package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A {@link ScriptedAgent} in a child JVM with a virtual card selected: the test reads what the agent's window
 * would show ({@link #nextQuestion}) and answers it as the holder would ({@link #typePin}, {@link #decline}).
 */
public final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder output = new StringBuilder();
    private final int port;

    private AgentProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "agent-process-output");
        reader.setDaemon(true);
        reader.start();
        String listening = next("LISTENING ", Duration.ofSeconds(60));
        this.port = Integer.parseInt(listening.substring("LISTENING ".length()).strip());
    }

    /** Starts the agent for pages of {@code origin} on the virtual card in {@code cardDir}. */
    public static AgentProcess start(String origin, Path cardDir) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ScriptedAgent.class.getName(), origin,
                cardDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(VirtualCard.SOFTHSM2_CONF, VirtualCard.at(cardDir).softHsmConfig().toString());
        try {
            return new AgentProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** What the window shows for the next request; fails if none comes within {@code timeout}. */
    public JsonNode nextQuestion(Duration timeout) {
        return ServiceHttp.JSON.readTree(next("QUESTION ", timeout).substring("QUESTION ".length()));
    }

    /** True if the window was asked nothing within {@code wait}. */
    public boolean askedNothingWithin(Duration wait) {
        try {
            String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            return line == null || !line.startsWith("QUESTION ");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void typePin(String pin) {
        answer("PIN " + pin);
    }

    public void decline() {
        answer("DECLINE");
    }

    private void answer(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String next(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(false).as("the agent printed no '%s' within %s; its output:%n%s", prefix, timeout, output())
                .isTrue();
        throw new IllegalStateException();
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
