package be.paraaf.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import be.paraaf.support.ExternalTool;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/api-tour.md runs as written: every {@code sh} block, in order, as one bash script, against the packaged
 * jar started fresh on its embedded defaults (its own data directory, no test configuration), from a directory
 * that looks like the repository root. Only the port differs ({@code localhost:8080} becomes a free port), and
 * curl fails on any HTTP error ({@code --fail-with-body}), so a step a newcomer would see fail fails here too.
 */
class ApiTourIT {

    private static final Path TOUR = Path.of("docs", "api-tour.md");
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void theApiTourRunsAsWrittenAgainstAFreshService() throws IOException, InterruptedException {
        ExternalTool.require("curl", "curl");
        ExternalTool.require("openssl", "openssl");
        ExternalTool.require("softhsm2-util", "softhsm2");
        Path jar = ServiceProcess.packagedJar();
        int port = ServiceIT.freePort();
        String script = script(Files.readString(TOUR, StandardCharsets.UTF_8), port);
        Files.createSymbolicLink(work.resolve("test-docs"), Path.of("test-docs").toAbsolutePath());
        Files.createSymbolicLink(work.resolve("target"), Path.of("target").toAbsolutePath());
        Files.writeString(work.resolve("tour.sh"), script);

        Process service = ServiceProcess.start(List.of(ServiceProcess.java(), "-jar", jar.toString(),
                "--server.port=" + port, "--paraaf.data-dir=" + work.resolve("data")), work.resolve("service.log"),
                "http://localhost:" + port);
        try {
            Path output = work.resolve("tour.out");
            Process tour = new ProcessBuilder("bash", "-x", "tour.sh").directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!tour.waitFor(10, TimeUnit.MINUTES)) {
                tour.destroyForcibly();
                fail("the tour did not finish within 10 minutes:\n" + tail(output));
            }
            assertThat(tour.exitValue()).as("the tour stopped at a failing step:\n%s", tail(output)).isZero();
            assertThat(work.resolve("signed-lease.pdf")).isNotEmptyFile();
            // the lease names Jan under tenant-1, and Jan signs there: the request completes with him
            assertThat(Files.readString(work.resolve("lease.json"))).contains(
                    "\"field\":\"tenant-1\",\"role\":\"Huurder 1\",\"name\":\"Jan Peeters\",\"nationalNumber\":\"85073003328\"");
            assertThat(Files.readString(work.resolve("outcome.json"))).contains("\"requestState\":\"COMPLETED\"");
            assertThat(Files.readString(work.resolve("certificate.pdf"), StandardCharsets.ISO_8859_1)).startsWith("%PDF");
            assertThat(work.resolve("confirmation.pdf")).isNotEmptyFile();
            assertThat(Files.readString(work.resolve("evidence.asice"), StandardCharsets.ISO_8859_1)).startsWith("PK")
                    .contains("application/vnd.etsi.asic-e+zip");
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The page's sh blocks as one script that stops at the first failing command or HTTP error. */
    static String script(String markdown, int port) {
        List<String> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("sh blocks in " + TOUR).hasSizeGreaterThan(10);
        return "set -euo pipefail\n"
                + "curl() { command curl --fail-with-body --max-time 120 \"$@\"; }\n"
                + String.join("\n", blocks).replace("localhost:8080", "localhost:" + port);
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
