package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import be.paraaf.prepare.TemplateInputException.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the document templates from JSON to tagged PDF/A-2a (PDF/UA-1) with one empty signature field per
 * signer. The built-in templates (itsme contract, social-housing lease, actualisation confirmation, itsme leaflet)
 * are template packages on the class path, read the same way as an agency's upload. Stateless; the caller decides
 * what to do with the result (return it, store it as a document, send it for signing).
 */
@Service
public class TemplateService {

    static final List<String> BUILT_IN = List.of("itsme-contract", "lease", "actualisation", "itsme-leaflet");
    private static final String BASE_CSS = new String(classPathFile("base.css"), java.nio.charset.StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, TemplatePackage> TEMPLATES = builtIns();

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
        return render(template(name), language, input);
    }

    RenderedDocument render(TemplatePackage template, Language language, JsonNode input) {
        InputValidator.Result checked = InputValidator.check(template.fields(), input);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        template.checks().forEach(check -> check.check(checked.values(), errors));
        if (!errors.isEmpty()) {
            throw new TemplateInputException(template.name(), errors);
        }
        return render(template, language, checked.values());
    }

    /**
     * Reads an uploaded template package (a zip) and proves it usable: the static checks of
     * {@link TemplatePackageReader}, then a sample rendered in every language, once with every optional field
     * filled and once with none.
     *
     * @throws TemplatePackageException (422) listing every problem in words
     */
    TemplatePackage validate(byte[] zip, int version) {
        TemplatePackage template = TemplatePackageReader.read(TemplateZip.files(zip), version);
        List<String> problems = new ArrayList<>();
        for (boolean optionals : new boolean[] {true, false}) {
            InputValidator.Result sample = InputValidator.check(template.fields(),
                    SampleInput.of(template.fields(), optionals));
            if (!sample.errors().isEmpty()) {
                throw new IllegalStateException("sample input does not pass its own fields: " + sample.errors());
            }
            for (Language language : Language.values()) {
                try {
                    render(template, language, sample.values());
                } catch (HtmlPdfRenderer.MarkupException | com.samskivert.mustache.MustacheException e) {
                    problems.add("rendering a sample in " + language.tag() + " failed: " + e.getMessage());
                } catch (RuntimeException e) {
                    problems.add("rendering a sample in " + language.tag() + " failed ("
                            + e.getClass().getSimpleName() + "); check that template.html is XHTML that openhtmltopdf "
                            + "can lay out");
                }
            }
            if (!problems.isEmpty()) {
                throw new TemplatePackageException(problems.stream().distinct().toList());
            }
        }
        return template;
    }

    private RenderedDocument render(TemplatePackage template, Language language, Values values) {
        String xhtml = template.markup().execute(TemplateContext.of(template, values, language,
                signerCount(template, values)));
        Document document = HtmlPdfRenderer.parse(xhtml);
        addHouseStyle(document, template, language);
        List<NamedField> fields = nameSignatureFields(document, template);
        HtmlPdfRenderer.Rendered rendered = HtmlPdfRenderer.render(document, new HtmlPdfRenderer.Description(
                template.title(language), language, clock.instant().truncatedTo(ChronoUnit.SECONDS)),
                fields.stream().map(NamedField::field).toList(), template.files());
        return new RenderedDocument(template.name() + "-" + language.tag() + ".pdf", rendered.pdf(),
                rendered.fieldNames(), fields.stream().map(NamedField::party).toList());
    }

    private static int signerCount(TemplatePackage template, Values values) {
        int count = 0;
        for (TemplatePackage.Signer signer : template.signers()) {
            count += signer.repeated() ? values.list(signer.party()).size() : 1;
        }
        return count;
    }

    /** A signature field and the party the document names for it. */
    private record NamedField(HtmlPdfRenderer.SignatureField field, FieldParty party) {
    }

    /**
     * Numbers each role's signature elements in document order: tenant-1, tenant-2…; agency. The element may name
     * its party ({@code data-party-name}, {@code data-party-number}): the identity a signing request binds to the
     * field; the role as printed is the accessible label's part before the colon.
     */
    private static List<NamedField> nameSignatureFields(Document document, TemplatePackage template) {
        Map<String, TemplatePackage.Signer> signers = new HashMap<>();
        template.signers().forEach(signer -> signers.put(signer.role(), signer));
        Map<String, Integer> counts = new HashMap<>();
        List<NamedField> fields = new ArrayList<>();
        for (Element element : HtmlPdfRenderer.signatureElements(document)) {
            String role = element.getAttribute("data-signer");
            TemplatePackage.Signer signer = signers.get(role);
            if (signer == null) {
                throw new HtmlPdfRenderer.MarkupException("a signature element names signer role '" + role
                        + "', which the template does not declare");
            }
            int number = counts.merge(role, 1, Integer::sum);
            if (!signer.repeated() && number > 1) {
                throw new HtmlPdfRenderer.MarkupException("signer role '" + role + "' has more than one signature "
                        + "element; only a role whose field name has {n} may repeat");
            }
            String name = signer.fieldName(number);
            String description = element.getAttribute("aria-label");
            if (description.isBlank()) {
                description = element.getAttribute("title");
            }
            HtmlPdfRenderer.declareSignatureField(element, name);
            String label = description.isBlank() ? role : description.strip();
            fields.add(new NamedField(new HtmlPdfRenderer.SignatureField(name, label), party(element, name, label)));
        }
        return fields;
    }

    private static FieldParty party(Element element, String field, String label) {
        String name = element.getAttribute("data-party-name").strip();
        String number = element.getAttribute("data-party-number").replaceAll("[^0-9]", "");
        int colon = label.indexOf(':');
        String role = colon > 0 ? label.substring(0, colon).strip() : label;
        return new FieldParty(field, role, name, number.isEmpty() ? null : number);
    }

    /** The base stylesheet first in the head (the template's own CSS overrides it), then the footer. */
    private static void addHouseStyle(Document document, TemplatePackage template, Language language) {
        Element html = document.getDocumentElement();
        Element head = (Element) html.getElementsByTagName("head").item(0);
        if (head == null) {
            throw new HtmlPdfRenderer.MarkupException("the template has no <head>");
        }
        if (!html.hasAttribute("lang")) {
            html.setAttribute("lang", language.tag());
        }
        String pageOf = cssString(template.labels().get(language).get("page.of"))
                .replace("{0}", "\" counter(page) \"").replace("{1}", "\" counter(pages) \"");
        String footer = "\n@page { @bottom-left { content: " + cssString(template.title(language))
                + "; font-family: 'Liberation Sans'; font-size: 8.5pt; color: #595f73; vertical-align: top; "
                + "padding-top: 10pt; }\n  @bottom-right { content: " + pageOf + "; font-family: 'Liberation Sans'; "
                + "font-size: 8.5pt; color: #595f73; vertical-align: top; padding-top: 10pt; } }\n";
        Element style = document.createElementNS(html.getNamespaceURI(), "style");
        style.setTextContent(BASE_CSS + footer);
        head.insertBefore(style, head.getFirstChild());
    }

    private static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }

    private static TemplatePackage template(String name) {
        TemplatePackage template = TEMPLATES.get(name);
        if (template == null) {
            throw new NotFoundException(ProblemType.UNKNOWN_TEMPLATE,
                    "There is no template '" + name + "'; the templates are "
                    + String.join(", ", TEMPLATES.keySet()) + ".");
        }
        return template;
    }

    static TemplateInfo describe(TemplatePackage template) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            titles.put(language.tag(), template.title(language));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", titles.get("en"));
        schema.putAll(InputField.objectSchema(template.fields()));
        return new TemplateInfo(template.name(), titles, Arrays.stream(Language.values()).map(Language::tag).toList(),
                template.signatureFields(), schema);
    }

    private static Map<String, TemplatePackage> builtIns() {
        Map<String, TemplatePackage> templates = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            templates.put(name, TemplatePackageReader.read(builtInFiles(name), 1));
        }
        return templates;
    }

    /** A built-in package's files: manifest, markup, labels, and whatever the manifest lists under "files". */
    static Map<String, byte[]> builtInFiles(String name) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of(TemplatePackageReader.MANIFEST, TemplatePackageReader.MARKUP));
        Arrays.stream(Language.values()).forEach(language -> paths.add("labels/" + language.tag() + ".properties"));
        byte[] manifest = classPathFile(name + "/" + TemplatePackageReader.MANIFEST);
        JSON.readTree(manifest).path("files").forEach(file -> paths.add(file.asString()));
        for (String path : paths) {
            files.put(path, classPathFile(name + "/" + path));
        }
        return files;
    }

    private static byte[] classPathFile(String path) {
        try (InputStream in = TemplateService.class.getResourceAsStream("templates/" + path)) {
            if (in == null) {
                throw new IllegalStateException("template file " + path + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
