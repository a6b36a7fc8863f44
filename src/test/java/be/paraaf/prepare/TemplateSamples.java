package be.paraaf.prepare;

import be.paraaf.support.TestDocs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample template inputs in {@code test-docs/templates/<name>.json} and their renderings. Regenerate the
 * Dutch PDFs in {@code test-docs/generated/} with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=be.paraaf.prepare.TemplateSamples}
 * (or run this class from an IDE). Rendering uses a fixed clock so only the PDF /ID changes between runs.
 */
public final class TemplateSamples {

    static final List<String> NAMES = List.of("itsme-contract", "lease", "actualisation", "itsme-leaflet");
    static final Path INPUTS = TestDocs.TEMPLATE_INPUTS;
    static final Path GENERATED = TestDocs.GENERATED_TEMPLATES;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private TemplateSamples() {
    }

    static JsonNode input(String name) {
        try {
            return JSON.readTree(Files.readString(INPUTS.resolve(name + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TemplateService service() {
        return new TemplateService(FIXED);
    }

    public static void main(String[] args) throws IOException {
        TemplateService service = service();
        Files.createDirectories(GENERATED);
        for (String name : NAMES) {
            RenderedDocument document = service.render(name, Language.NL, input(name));
            Files.write(GENERATED.resolve(document.name()), document.content());
            System.out.println("wrote " + GENERATED.resolve(document.name()) + " fields " + document.fieldNames());
        }
    }
}
