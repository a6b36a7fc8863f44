package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import be.paraaf.prepare.TemplateInputException.FieldError;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Renders the document templates (itsme contract, social-housing lease, actualisation confirmation, itsme
 * leaflet) from JSON to PDF/A-2b with one empty signature field per signer. Stateless; the caller decides
 * what to do with the result (return it, store it as a document, send it for signing).
 */
@Service
public class TemplateService {

    private static final Map<String, DocumentTemplate> TEMPLATES = List.of(new ItsmeContractTemplate(),
                    new LeaseTemplate(), new ActualisationTemplate(), new ItsmeLeafletTemplate()).stream()
            .collect(Collectors.toMap(DocumentTemplate::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    private final Clock clock;

    public TemplateService(Clock clock) {
        this.clock = clock;
    }

    /** Every template with its languages, signature fields and input schema. */
    public List<TemplateInfo> templates() {
        return TEMPLATES.values().stream().map(TemplateService::describe).toList();
    }

    /**
     * Validates {@code input} and renders the template.
     *
     * @throws NotFoundException       (404) for an unknown template name
     * @throws TemplateInputException  (422) listing every invalid field
     */
    public RenderedDocument render(String name, Language language, JsonNode input) {
        DocumentTemplate template = template(name);
        InputValidator.Result checked = InputValidator.check(template.fields(), input);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        template.crossCheck(checked.values(), errors);
        if (!errors.isEmpty()) {
            throw new TemplateInputException(name, errors);
        }
        Labels labels = Labels.of(language);
        List<Block> blocks = template.compose(checked.values(), labels);
        PdfComposer.Composed composed = PdfComposer.compose(
                new PdfComposer.Description(template.title(labels), language,
                        clock.instant().truncatedTo(ChronoUnit.SECONDS)),
                labels, blocks);
        return new RenderedDocument(name + "-" + language.tag() + ".pdf", composed.pdf(), composed.fieldNames(),
                parties(blocks));
    }

    /** Who the document names under each signature field. */
    private static List<FieldParty> parties(List<Block> blocks) {
        return blocks.stream().filter(Block.Signatures.class::isInstance).map(Block.Signatures.class::cast)
                .flatMap(signatures -> signatures.slots().stream())
                .map(slot -> new FieldParty(slot.fieldName(), slot.role(), slot.name(),
                        slot.nationalNumber() == null ? null : slot.nationalNumber().value()))
                .toList();
    }

    private static DocumentTemplate template(String name) {
        DocumentTemplate template = TEMPLATES.get(name);
        if (template == null) {
            throw new NotFoundException(ProblemType.UNKNOWN_TEMPLATE,
                    "There is no template '" + name + "'; the templates are "
                    + String.join(", ", TEMPLATES.keySet()) + ".");
        }
        return template;
    }

    private static TemplateInfo describe(DocumentTemplate template) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            titles.put(language.tag(), template.title(Labels.of(language)));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", titles.get("en"));
        schema.putAll(InputField.objectSchema(template.fields()));
        return new TemplateInfo(template.name(), titles, Arrays.stream(Language.values()).map(Language::tag).toList(),
                template.signatureFields(), schema);
    }
}
