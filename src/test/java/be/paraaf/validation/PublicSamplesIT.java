package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * paraaf's verdict on signed PDFs of other projects (e.g. the validation samples of esig/dss and pyHanko's
 * test data), which are not shipped here: {@code -Dparaaf.samples.dir=DIR} names a directory of PDFs, and
 * {@code DIR/alarms.txt} lists (one file name a line) those that were tampered with on purpose. A false
 * alarm is a legitimate file on which paraaf reports a change after signing, or calls a signature INVALID
 * that DSS's own ETSI validation did not; a missed alarm is a listed file whose verdict reads valid.
 * Prints one line per file (verdict, signatures, findings) and fails on the first kind of mistake.
 */
class PublicSamplesIT extends ServiceIT {

    private static final Set<String> ACCEPTED = Set.of("VALID", "VALID_WITH_ALLOWED_CHANGES");

    @Test
    void verdictsOnPublicSamples() throws IOException {
        String property = System.getProperty("paraaf.samples.dir");
        Assumptions.assumeTrue(property != null, "set -Dparaaf.samples.dir to a directory of public signed PDFs");
        Path directory = Path.of(property);
        Path alarmList = directory.resolve("alarms.txt");
        Set<String> alarms = Files.exists(alarmList) ? Set.copyOf(Files.readAllLines(alarmList).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) : Set.of();
        List<String> falseAlarms = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".pdf")).sorted().toList()) {
                String name = file.getFileName().toString();
                HttpResponse<byte[]> response = CLIENT.post("/api/validations", new Multipart().file("document", name,
                        "application/pdf", Files.readAllBytes(file)));
                if (response.statusCode() != 200) {
                    table.append(String.format("%-60s HTTP %d%n", name, response.statusCode()));
                    continue;
                }
                JsonNode validation = ServiceClient.json(response);
                String verdict = validation.get("verdict").asString();
                boolean alarmed = false;
                StringBuilder line = new StringBuilder(String.format("%-60s %-27s", name, verdict));
                for (JsonNode signature : validation.get("signatures")) {
                    String ours = signature.get("verdict").asString();
                    String ades = signature.path("adesVerdict").asString("");
                    alarmed |= ours.equals("CHANGED_AFTER_SIGNING") || ours.equals("INVALID") && !ades.equals("INVALID");
                    line.append(" ").append(ours).append("/").append(ades.isEmpty() ? "-" : ades);
                    signature.get("findings").forEach(finding -> line.append(" ").append(finding.get("code").asString()));
                }
                table.append(line).append('\n');
                if (alarms.contains(name) && ACCEPTED.contains(verdict)) {
                    missed.add(name);
                } else if (!alarms.contains(name) && alarmed) {
                    falseAlarms.add(name);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        System.out.println(table);
        System.out.println("false alarms: " + falseAlarms.size() + " " + falseAlarms);
        System.out.println("missed alarms: " + missed.size() + " " + missed);
        assertThat(missed).as("tampered samples that read valid").isEmpty();
        assertThat(falseAlarms).as("legitimate samples reported changed or broken").isEmpty();
    }
}
