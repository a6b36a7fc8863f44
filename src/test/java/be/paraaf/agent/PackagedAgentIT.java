package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged agent as a citizen gets it: the jpackage app image (its own jlink runtime, no Java installed)
 * starts, listens on 127.0.0.1 and answers its version. Runs only with {@code -Pagent-package}, which builds the
 * image and names it in {@code paraaf.agent.image}; jpackage takes too long for every CI run.
 */
class PackagedAgentIT {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void theAppImageStartsAndAnswersItsVersion() throws Exception {
        String image = System.getProperty("paraaf.agent.image");
        Assumptions.assumeTrue(image != null, "build with -Pagent-package to check the packaged agent");
        Path launcher = Path.of(image, "bin", "paraaf-agent");
        assertThat(launcher).as("the profile built no app image").isExecutable();
        // its own runtime, linked by jlink with the modules the agent needs (PKCS#11, the HTTP server, Swing)
        assertThat(Files.readString(Path.of(image, "lib", "runtime", "release"))).as("its own jlink runtime")
                .contains("jdk.crypto.cryptoki", "jdk.httpserver", "java.desktop");

        Process version = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("paraaf-agent " + System.getProperty("paraaf.agent.version"));

        Process agent = new ProcessBuilder(launcher.toString(), "--port", "0", "--origin", "http://localhost:9",
                "--settings", dir.resolve("none.properties").toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the agent's first line").isNotNull();
            Matcher listening = LISTENING.matcher(line);
            assertThat(listening.find()).as(line).isTrue();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + listening.group(1) + "/v1/version"))
                    .header("Origin", "http://localhost:9").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode json = ServiceHttp.JSON.readTree(answer.body());
            assertThat(json.get("version").asString()).isEqualTo(System.getProperty("paraaf.agent.version"));
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:9");
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.list(Path.of(image).getParent().getParent().resolve("downloads")).map(Path::getFileName)
                .map(Path::toString).toList()).anyMatch(name -> name.endsWith("-app-image.zip"));
    }
}
