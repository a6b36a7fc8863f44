package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.MuTool;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.validation.attacks.Attack;
import be.paraaf.validation.attacks.AttackCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every published attack on signed PDFs (and XML wrapping on XAdES), applied to paraaf's own signed output
 * (see {@link AttackCorpus}): the verifier's one answer must never be VALID, no signature of the attacked input
 * may disappear from the report, and the finding must say, in plain words, what kind of change it was.
 * {@code -Dparaaf.attacks.dump=/tmp/attacks} writes the corpus (and a table of the answers) to a directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackCorpusIT extends ServiceIT {

    private static final TwoStepFlow FLOW = new TwoStepFlow(CLIENT);
    private static final Set<String> ACCEPTED = Set.of("VALID", "VALID_WITH_ALLOWED_CHANGES");
    private final Map<String, String> answers = new ConcurrentSkipListMap<>();
    private List<Attack> corpus;

    /** Built once, after Spring has started the service (the method source of a PER_CLASS test). */
    Stream<Attack> attacks() {
        if (corpus == null) {
            corpus = buildCorpus();
            dump();
        }
        return corpus.stream();
    }

    /** The corpus over paraaf's own signed output, signed through the running service (also for the benchmark). */
    static List<Attack> buildCorpus() {
        Citizen tenant = CLIENT.issueCitizen("Ilse", "Maes", NationalRegisterNumber.withCheck("880412321", false).value());
        Citizen coTenant = CLIENT.issueCitizen("Tom", "Peeters", NationalRegisterNumber.withCheck("850101456", false).value());
        Citizen attacker = CLIENT.issueCitizen("Eve", "Mallory", NationalRegisterNumber.withCheck("770707789", false).value());
        return AttackCorpus.build(
                (pdf, options) -> FLOW.signPdf(pdf, tenant, options),
                (pdf, options) -> FLOW.signPdf(pdf, coTenant, options),
                xml -> FLOW.complete(FLOW.prepare("/api/signatures/xades/prepare", "payment.xml", "application/xml",
                        xml, tenant.chain(), Map.of("level", "B-B", "packaging", "ENVELOPED")), tenant.signatureKey()),
                attacker.signatureKey(), attacker.chain(),
                TestDocs.read(TestDocs.SAMPLE_CONTRACT), TestDocs.read(TestDocs.GENERATED_TEMPLATES.resolve("lease-nl.pdf")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackIsNotValidAndSaysWhatChanged(Attack attack) {
        HttpResponse<byte[]> response = CLIENT.post("/api/validations",
                new Multipart().file("document", attack.fileName(), "application/octet-stream", attack.content()));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        answers.put(attack.name(), describe(attack, response.statusCode(), body));
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        JsonNode validation = ServiceClient.json(response);

        assertThat(validation.path("verdict").asString("")).as(attack.description() + "\n" + body)
                .isNotEmpty().isNotIn(ACCEPTED);
        assertThat(validation.get("signatures").size()).as("signatures reported\n" + body)
                .isGreaterThanOrEqualTo(attack.signatures());
        if (attack.fileName().endsWith(".pdf")) {
            // every signature an independent reader counts is counted here too, broken ones included
            long mutool = MuTool.signatures(attack.content()).stream().filter(MuTool.Signature::signed).count();
            assertThat((long) validation.get("signatures").size()).as("signatures mutool counts\n" + body)
                    .isGreaterThanOrEqualTo(mutool);
        }
        if (!attack.expectedFindings().isEmpty()) {
            assertThat(findingCodes(validation)).as(attack.description() + "\n" + body)
                    .containsAnyElementsOf(attack.expectedFindings());
        }
        findings(validation).forEach(finding -> assertThat(finding.path("text").path("en").asString(""))
                .as("finding in plain words: " + finding).isNotBlank());
    }

    private static List<JsonNode> findings(JsonNode validation) {
        List<JsonNode> findings = new ArrayList<>();
        validation.path("findings").forEach(findings::add);
        validation.path("signatures").forEach(signature -> signature.path("findings").forEach(findings::add));
        return findings;
    }

    private static Set<String> findingCodes(JsonNode validation) {
        Set<String> codes = new TreeSet<>();
        findings(validation).forEach(finding -> codes.add(finding.path("code").asString("")));
        return codes;
    }

    /** One line of the table: what the service answers today for this attack. */
    private static String describe(Attack attack, int status, String body) {
        if (status != 200) {
            return String.format("%-45s | HTTP %d %s", attack.name(), status, body.length() > 120 ? body.substring(0, 120) : body);
        }
        JsonNode validation = ServiceClient.JSON.readTree(body);
        StringBuilder line = new StringBuilder(String.format("%-45s | verdict=%s sigs=%d/%d", attack.name(),
                validation.path("verdict").asString("-"), validation.path("signatures").size(), attack.signatures()));
        validation.path("signatures").forEach(signature -> {
            line.append(" | ").append(signature.path("signatureFieldName").asString("?")).append(": ")
                    .append(signature.path("indication").asString()).append('/')
                    .append(signature.path("subIndication").asString("-")).append(" mod=")
                    .append(signature.path("modificationLevel").asString("-"))
                    .append(" whole=").append(signature.path("coversWholeDocument").asBoolean());
            List<String> modifications = new ArrayList<>();
            signature.path("modifications").forEach(m -> modifications.add(m.asString()));
            if (!modifications.isEmpty()) {
                line.append(' ').append(modifications);
            }
        });
        Set<String> codes = findingCodes(validation);
        if (!codes.isEmpty()) {
            line.append(" | findings=").append(codes);
        }
        return line.toString();
    }

    @AfterAll
    void report() throws IOException {
        String table = String.join("\n", answers.values());
        System.out.println("=== attack corpus: current answers ===\n" + table);
        Path target = Path.of("target", "attack-corpus-answers.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, table + "\n");
        String dump = System.getProperty("paraaf.attacks.dump");
        if (dump != null && !dump.isBlank()) {
            Files.writeString(Path.of(dump).resolve("answers.txt"), table + "\n");
        }
    }

    private void dump() {
        String dump = System.getProperty("paraaf.attacks.dump");
        if (dump == null || dump.isBlank()) {
            return;
        }
        try {
            Path directory = Files.createDirectories(Path.of(dump));
            StringBuilder index = new StringBuilder();
            for (Attack attack : corpus) {
                Files.write(directory.resolve(attack.fileName()), attack.content());
                index.append(attack.fileName()).append('\t').append(attack.attackClass()).append('\t')
                        .append(attack.signatures()).append('\t').append(attack.expectedFindings()).append('\t')
                        .append(attack.description()).append('\n');
            }
            Files.writeString(directory.resolve("index.tsv"), index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
