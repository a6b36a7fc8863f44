package be.paraaf.prepare;

import be.paraaf.identity.NationalRegisterNumber;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a template's Mustache markup sees: every input value already formatted for the reader in the document's
 * language (dates "30 juli 1985", amounts "€ 845,50", national numbers "85.07.30-033.28", durations "9 jaar"),
 * groups as nested objects, lists as lists, computed values, the label lambda {@code {{#t}}key|arg…{{/t}}} and
 * the built-ins under {@code doc}. Logic-less on purpose: an agency's template can show values and pick sections,
 * never call code.
 */
final class TemplateContext {

    private TemplateContext() {
    }

    /** A CHOICE value: prints as itself, and {@code {{#choice.STAY}}} selects a section when it is STAY. */
    static final class Choice extends LinkedHashMap<String, Object> {
        private final String value;

        Choice(String value) {
            this.value = value;
            put(value, Boolean.TRUE);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * The compiler every template uses: HTML escaping, absent values print as nothing, and a collector that reads
     * only maps and lists — never Java getters by reflection, so {@code {{name.class}}} reaches nothing.
     */
    static Mustache.Compiler compiler() {
        return Mustache.compiler().withEscaper(Escapers.HTML).defaultValue("").emptyStringIsFalse(true)
                .withCollector(new BasicCollector() {
                    @Override
                    public <K, V> Map<K, V> createFetcherCache() {
                        return new ConcurrentHashMap<>();
                    }
                });
    }

    static Map<String, Object> of(TemplatePackage template, Values values, Language language, int signerCount) {
        Labels format = Labels.of(language);
        Map<String, Object> context = object(template.fields(), values, format);
        for (TemplatePackage.Computed computed : template.computed()) {
            BigDecimal sum = computed.sum().stream().map(values::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            context.put(computed.name(), format.amount(sum));
        }
        Map<String, String> labels = template.labels().get(language);
        context.put("t", (Mustache.Lambda) (fragment, out) -> {
            String[] parts = fragment.execute().split("\\|", -1);
            String text = labels.get(parts[0].strip());
            if (text == null) {
                throw new IllegalStateException("label '" + parts[0].strip() + "' is missing for " + language.tag());
            }
            text = Escapers.HTML.escape(text);
            for (int i = 1; i < parts.length; i++) { // arguments were escaped when the fragment ran
                text = text.replace("{" + (i - 1) + "}", parts[i]);
            }
            out.write(text);
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", template.title(language));
        doc.put("signerCount", signerCount);
        Map<String, Boolean> one = new LinkedHashMap<>(); // {{#doc.one.tenants}}: singular or plural wording
        template.fields().stream().filter(InputField.Repeated.class::isInstance)
                .forEach(list -> one.put(list.name(), values.has(list.name()) && values.list(list.name()).size() == 1));
        doc.put("one", one);
        context.put("doc", doc);
        return context;
    }

    private static Map<String, Object> object(List<InputField> fields, Values values, Labels format) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (InputField field : fields) {
            Object value = values.value(field.name());
            if (value == null) {
                continue;
            }
            if (field instanceof InputField.Group group) {
                object.put(field.name(), object(group.fields(), (Values) value, format));
            } else if (field instanceof InputField.Repeated list) {
                object.put(field.name(), values.list(field.name()).stream()
                        .map(item -> object(list.fields(), item, format)).toList());
            } else {
                object.put(field.name(), formatted(((InputField.Value) field).kind(), value, format));
            }
        }
        return object;
    }

    private static Object formatted(Kind kind, Object value, Labels format) {
        return switch (kind) {
            case NATIONAL_NUMBER -> ((NationalRegisterNumber) value).formatted();
            case DATE -> format.date((LocalDate) value);
            case AMOUNT -> format.amount((BigDecimal) value);
            case MONTHS -> format.duration((Integer) value);
            case PHONE -> Kind.printedPhone((String) value);
            case CHOICE -> new Choice((String) value);
            default -> value;
        };
    }
}
