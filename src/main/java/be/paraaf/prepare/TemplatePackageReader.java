package be.paraaf.prepare;

import be.paraaf.prepare.TemplatePackage.AtMost;
import be.paraaf.prepare.TemplatePackage.BirthDates;
import be.paraaf.prepare.TemplatePackage.Computed;
import be.paraaf.prepare.TemplatePackage.CrossCheck;
import be.paraaf.prepare.TemplatePackage.Signer;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a template package — {@code template.json} (fields, signers, checks, computed values),
 * {@code template.html} (Mustache over XHTML), {@code labels/nl.properties}, {@code labels/fr.properties},
 * {@code labels/en.properties} and any CSS or images — and checks it statically: well-formed JSON and markup, known
 * field kinds, every placeholder naming a field, every label present in every language, every signature element
 * naming a declared signer role, no script and no unescaped output. Every problem is collected, so an agency
 * learns all of them from one upload. Rendering a sample ({@link TemplateService#validate}) checks the rest.
 */
final class TemplatePackageReader {

    static final String MANIFEST = "template.json";
    static final String MARKUP = "template.html";
    static final int MAX_MARKUP_CHARS = 200_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Names the markup may use besides the fields: the label lambda, built-ins and jmustache's loop variables. */
    private static final Set<String> BUILT_INS = Set.of("t", "doc", "-index", "-first", "-last", ".", "this");

    /** The postal address a field of kind ADDRESS stands for. */
    private static final List<InputField> ADDRESS = List.of(
            InputField.required("street", Kind.TEXT),
            InputField.required("number", Kind.TEXT),
            InputField.optional("box", Kind.TEXT),
            InputField.required("postalCode", Kind.POSTAL_CODE),
            InputField.required("municipality", Kind.TEXT));

    private final List<String> problems = new ArrayList<>();

    private TemplatePackageReader() {
    }

    /** The package, or {@link TemplatePackageException} listing every problem found. */
    static TemplatePackage read(Map<String, byte[]> files, int version) {
        TemplatePackageReader reader = new TemplatePackageReader();
        TemplatePackage read = reader.readAll(files, version);
        if (!reader.problems.isEmpty()) {
            throw new TemplatePackageException(reader.problems);
        }
        return read;
    }

    private TemplatePackage readAll(Map<String, byte[]> files, int version) {
        JsonNode manifest = manifest(files.get(MANIFEST));
        String name = manifest == null ? "" : manifest.path("name").asString("");
        if (manifest != null && !name.matches("[a-z][a-z0-9-]{1,39}")) {
            problems.add(MANIFEST + ": 'name' must be 2 to 40 lower-case letters, digits or hyphens, starting with "
                    + "a letter");
        }
        List<InputField> fields = manifest == null ? List.of() : fields("", manifest.path("fields"));
        if (manifest != null && fields.isEmpty()) {
            problems.add(MANIFEST + ": 'fields' must list at least one input field");
        }
        List<Signer> signers = manifest == null ? List.of() : signers(manifest.path("signers"), fields);
        List<CrossCheck> checks = manifest == null ? List.of() : checks(manifest.path("checks"));
        List<Computed> computed = manifest == null ? List.of() : computed(manifest.path("computed"), fields);
        Map<Language, Map<String, String>> labels = labels(files);
        Template markup = markup(files.get(MARKUP), fields, computed, signers, labels);
        Map<String, byte[]> others = new LinkedHashMap<>(files);
        others.keySet().removeIf(path -> path.equals(MANIFEST) || path.equals(MARKUP) || path.startsWith("labels/"));
        for (String path : others.keySet()) {
            if (!path.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.(css|png|jpg|jpeg)")) {
                problems.add(path + ": only CSS, PNG and JPEG files may accompany the template (and names of "
                        + "letters, digits, hyphens and underscores)");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new TemplatePackage(name, version, fields, signers, checks, computed, markup, labels, others);
    }

    private JsonNode manifest(byte[] content) {
        if (content == null) {
            problems.add(MANIFEST + " is missing");
            return null;
        }
        try {
            JsonNode manifest = JSON.readTree(content);
            if (!manifest.isObject()) {
                problems.add(MANIFEST + " must hold a JSON object");
                return null;
            }
            return manifest;
        } catch (JacksonException e) {
            problems.add(MANIFEST + " is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private List<InputField> fields(String path, JsonNode list) {
        List<InputField> fields = new ArrayList<>();
        if (!list.isArray()) {
            problems.add(MANIFEST + ": '" + path + "fields' must be an array of fields");
            return fields;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode node : list) {
            String name = node.path("name").asString("");
            String where = MANIFEST + ": field '" + path + name + "'";
            if (!name.matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
                problems.add(MANIFEST + ": a field in '" + path + "' has no valid name (letters and digits, starting "
                        + "with a letter)");
                continue;
            }
            if (!names.add(name)) {
                problems.add(where + " is declared twice");
            }
            boolean required = node.path("required").asBoolean(true);
            if (node.has("fields") && node.has("max")) {
                List<InputField> items = fields(path + name + "[].", node.path("fields"));
                int min = node.path("min").asInt(1);
                int max = node.path("max").asInt(0);
                if (min < 1 || max < min || max > 50) {
                    problems.add(where + ": a list needs 1 <= min <= max <= 50");
                    continue;
                }
                fields.add(new InputField.Repeated(name, min, max, items));
            } else if (node.has("fields")) {
                fields.add(new InputField.Group(name, required, fields(path + name + ".", node.path("fields"))));
            } else if ("ADDRESS".equals(node.path("kind").asString(""))) {
                fields.add(new InputField.Group(name, required, ADDRESS));
            } else {
                String kindName = node.path("kind").asString("");
                Kind kind;
                try {
                    kind = Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(where + " has an unknown kind '" + kindName + "'; the kinds are ADDRESS, "
                            + String.join(", ", java.util.Arrays.stream(Kind.values()).map(Enum::name).toList()));
                    continue;
                }
                List<String> choices = new ArrayList<>();
                node.path("choices").forEach(choice -> choices.add(choice.asString("").toUpperCase(Locale.ROOT)));
                if (kind == Kind.CHOICE == choices.isEmpty()) {
                    problems.add(where + ": 'choices' belong to, and only to, a field of kind CHOICE");
                    continue;
                }
                fields.add(new InputField.Value(name, kind, kind == Kind.CHOICE || required, choices));
            }
        }
        return fields;
    }

    private List<Signer> signers(JsonNode list, List<InputField> fields) {
        List<Signer> signers = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        for (JsonNode node : list) {
            String role = node.path("role").asString("");
            String field = node.path("field").asString(role);
            String party = node.path("party").asString("");
            if (!role.matches("[a-z][a-z0-9-]{0,39}")) {
                problems.add(MANIFEST + ": a signer has no valid 'role' (lower-case letters, digits, hyphens)");
                continue;
            }
            if (!roles.add(role)) {
                problems.add(MANIFEST + ": signer role '" + role + "' is declared twice");
            }
            if (!field.matches("[a-z][a-z0-9-]{0,30}(\\{n})?")) {
                problems.add(MANIFEST + ": signer '" + role + "': 'field' must be a name such as 'agency' or "
                        + "'tenant-{n}'");
                continue;
            }
            InputField partyField = fields.stream().filter(f -> f.name().equals(party)).findFirst().orElse(null);
            if (!party.equals("$") && partyField == null) {
                problems.add(MANIFEST + ": signer '" + role + "' names party '" + party + "', which is not an input "
                        + "field; 'party' names the field describing who signs ('$' for the top level)");
                continue;
            }
            if (field.contains("{n}") != partyField instanceof InputField.Repeated) {
                problems.add(MANIFEST + ": signer '" + role + "': a field name with {n} goes with, and only with, a "
                        + "party that is a list");
                continue;
            }
            signers.add(new Signer(role, field, party));
        }
        return signers;
    }

    private List<CrossCheck> checks(JsonNode list) {
        List<CrossCheck> checks = new ArrayList<>();
        for (JsonNode node : list) {
            String check = node.path("check").asString("");
            switch (check) {
                case "at-most" -> checks.add(new AtMost(node.path("field").asString(""),
                        node.path("limit").asString(""), node.path("message").asString("is too large")));
                case "birth-dates" -> checks.add(new BirthDates(node.path("list").asString(""),
                        node.path("before").asString("")));
                default -> problems.add(MANIFEST + ": unknown check '" + check + "'; the checks are at-most, "
                        + "birth-dates");
            }
        }
        return checks;
    }

    private List<Computed> computed(JsonNode list, List<InputField> fields) {
        List<Computed> computed = new ArrayList<>();
        for (JsonNode node : list) {
            List<String> sum = new ArrayList<>();
            node.path("sum").forEach(term -> sum.add(term.asString("")));
            for (String term : sum) {
                boolean amount = fields.stream().anyMatch(field -> field.name().equals(term)
                        && field instanceof InputField.Value value && value.kind() == Kind.AMOUNT && value.required());
                if (!amount) {
                    problems.add(MANIFEST + ": computed '" + node.path("name").asString("") + "' sums '" + term
                            + "', which is not a required AMOUNT field");
                }
            }
            computed.add(new Computed(node.path("name").asString(""), sum));
        }
        return computed;
    }

    private Map<Language, Map<String, String>> labels(Map<String, byte[]> files) {
        Map<Language, Map<String, String>> labels = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String path = "labels/" + language.tag() + ".properties";
            byte[] content = files.get(path);
            if (content == null) {
                problems.add(path + " is missing: every template has labels in nl, fr and en");
                continue;
            }
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(path + " is not a properties file: " + e.getMessage());
                continue;
            }
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
            for (String required : List.of("title", "page.of")) {
                if (!map.containsKey(required)) {
                    problems.add(path + " has no label '" + required + "'");
                }
            }
            labels.put(language, map);
        }
        return labels;
    }

    private Template markup(byte[] content, List<InputField> fields, List<Computed> computed, List<Signer> signers,
            Map<Language, Map<String, String>> labels) {
        if (content == null) {
            problems.add(MARKUP + " is missing");
            return null;
        }
        String source = new String(content, StandardCharsets.UTF_8);
        if (source.length() > MAX_MARKUP_CHARS) {
            problems.add(MARKUP + " is longer than " + MAX_MARKUP_CHARS + " characters");
            return null;
        }
        if (source.contains("{{{") || source.contains("{{&")) {
            problems.add(MARKUP + ": unescaped output ({{{…}}} or {{&…}}) is not allowed; values are always escaped");
        }
        if (source.toLowerCase(Locale.ROOT).contains("<script")) {
            problems.add(MARKUP + ": <script> is not allowed; templates are static documents");
        }
        if (source.contains("{{>") || source.contains("{{=")) {
            problems.add(MARKUP + ": partials ({{>…}}) and delimiter changes ({{=…=}}) are not supported");
        }
        Template template;
        try {
            template = TemplateContext.compiler().compile(source);
        } catch (MustacheException e) {
            problems.add(MARKUP + " is not a valid Mustache template: " + e.getMessage());
            return null;
        }
        Set<String> names = new HashSet<>(BUILT_INS);
        collectNames(fields, names);
        computed.forEach(c -> names.add(c.name()));
        Set<String> labelKeys = new HashSet<>();
        template.visit(new Mustache.Visitor() {
            private boolean inLabel;

            @Override
            public void visitText(String text) {
                if (inLabel) { // the text right after {{#t}} is the label key
                    labelKeys.add(text.split("\\|", 2)[0].strip());
                }
                inLabel = false;
            }

            @Override
            public void visitVariable(String name) {
                inLabel = false;
                check(name);
            }

            @Override
            public boolean visitInclude(String name) {
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                check(name);
                inLabel = name.equals("t");
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                inLabel = false;
                check(name);
                return true;
            }

            private void check(String name) {
                if (!Arrays.stream(name.split("\\.")).allMatch(names::contains)) {
                    problems.add(MARKUP + ": placeholder '" + name + "' names no input field, computed value or "
                            + "built-in (t, doc.title, doc.signerCount, -index, -first, -last)");
                }
            }
        });
        for (Language language : labels.keySet()) {
            for (String key : labelKeys) {
                if (!key.isEmpty() && !labels.get(language).containsKey(key)) {
                    problems.add("labels/" + language.tag() + ".properties has no label '" + key + "', which "
                            + MARKUP + " uses");
                }
            }
        }
        checkSignatureElements(source, signers);
        return template;
    }

    private static void collectNames(List<InputField> fields, Set<String> names) {
        names.addAll(List.of("one", "title", "signerCount")); // under doc
        for (InputField field : fields) {
            names.add(field.name());
            if (field instanceof InputField.Value value) {
                names.addAll(value.choices()); // {{#choice.STAY}}
            }
            if (field instanceof InputField.Group group) {
                collectNames(group.fields(), names);
            } else if (field instanceof InputField.Repeated list) {
                collectNames(list.fields(), names);
            }
        }
    }

    /** Every data-signer attribute names a declared role, and every declared role appears in the markup. */
    private void checkSignatureElements(String source, List<Signer> signers) {
        Set<String> roles = new HashSet<>();
        var matcher = java.util.regex.Pattern.compile("data-signer\\s*=\\s*\"([^\"]*)\"").matcher(source);
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        Set<String> declared = new HashSet<>();
        signers.forEach(signer -> declared.add(signer.role()));
        for (String role : roles) {
            if (!declared.contains(role)) {
                problems.add(MARKUP + ": a signature element has data-signer=\"" + role + "\", which is no signer role "
                        + "declared in " + MANIFEST + (declared.isEmpty() ? " (it declares none)" : " (it declares "
                        + String.join(", ", declared) + ")"));
            }
        }
        for (String role : declared) {
            if (!roles.contains(role)) {
                problems.add(MARKUP + " has no signature element for signer role '" + role + "' (an element with "
                        + "data-signer=\"" + role + "\")");
            }
        }
    }
}
