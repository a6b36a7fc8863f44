package be.paraaf.prepare;

import be.paraaf.support.Benchmarks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Render time per template: the hand-written composer with the old Java templates (kept in src/test as this
 * baseline) against the HTML templates on openhtmltopdf, same input, same run, Dutch. Run with
 * {@code mvn -Pbenchmark test -Dtest=TemplateRenderingBenchmark}.
 */
@Tag("benchmark")
class TemplateRenderingBenchmark {

    private static final int WARM_UP = 5;
    private static final int ITERATIONS = 20;
    private static final List<DocumentTemplate> OLD = List.of(new ItsmeContractTemplate(), new LeaseTemplate(),
            new ActualisationTemplate(), new ItsmeLeafletTemplate());

    @Test
    void measure() {
        TemplateService service = TemplateSamples.service();
        StringBuilder tables = new StringBuilder();
        for (DocumentTemplate old : OLD) {
            JsonNode input = TemplateSamples.input(old.name());
            Labels labels = Labels.of(Language.NL);
            Runnable composer = () -> {
                Values values = InputValidator.check(old.fields(), input).values();
                PdfComposer.compose(new PdfComposer.Description(old.title(labels), Language.NL, Instant.EPOCH),
                        labels, old.compose(values, labels));
            };
            Runnable html = () -> service.render(old.name(), Language.NL, input);
            Map<String, double[]> results = new LinkedHashMap<>();
            results.put(old.name() + ": old composer (PDF/A-2b)", figures(composer));
            results.put(old.name() + ": HTML template (PDF/A-2a + UA-1)", figures(html));
            tables.append(Benchmarks.table(results, WARM_UP, ITERATIONS));
        }
        System.out.println(tables);
    }

    private static double[] figures(Runnable operation) {
        List<Double> millis = Benchmarks.samples(operation, WARM_UP, ITERATIONS);
        return new double[] {millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.9))};
    }
}
