package be.paraaf.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local agent as a test runs it, in its own JVM (SoftHSM2 reads SOFTHSM2_CONF when its module loads): the
 * real {@link LocalAgent} with the window's test seam, a {@link ConsentPrompt} that prints each question as a JSON
 * line ({@code QUESTION {...}}) and takes the answer from standard input ({@code PIN 1234} or {@code DECLINE}).
 * Lives in the tests only: the packaged agent has no way to answer without its window.
 *
 * <p>Arguments: {@code <allowed origin> <virtual card dir>}. Prints {@code LISTENING <port>} once it listens.
 */
public final class ScriptedAgent {

    private ScriptedAgent() {
    }

    public static void main(String[] args) throws InterruptedException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ConsentPrompt prompt = question -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("action", question.action().name());
            shown.put("origin", question.origin());
            shown.put("documentTitle", question.documentTitle());
            shown.put("documentName", question.documentName());
            shown.put("signer", question.signer());
            shown.put("verificationCode", question.verificationCode());
            synchronized (System.out) {
                System.out.println("QUESTION " + ServiceHttp.JSON.writeValueAsString(shown));
                System.out.flush();
            }
            try {
                String answer = stdin.readLine();
                return answer != null && answer.startsWith("PIN ") ? Optional.of(answer.substring(4).toCharArray())
                        : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        LocalAgent agent = LocalAgent.start(new AgentSettings(0, Set.of(args[0]),
                new CardChoice(null, 0, Path.of(args[1]))), prompt);
        System.out.println("LISTENING " + agent.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
