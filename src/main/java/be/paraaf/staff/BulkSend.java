package be.paraaf.staff;

import be.paraaf.prepare.DocumentMetadata;
import be.paraaf.prepare.DocumentService;
import be.paraaf.prepare.FieldParty;
import be.paraaf.prepare.Language;
import be.paraaf.prepare.RenderedDocument;
import be.paraaf.prepare.TemplateInfo;
import be.paraaf.prepare.TemplateInputException;
import be.paraaf.prepare.TemplateService;
import be.paraaf.request.NewRequest;
import be.paraaf.request.NewSigner;
import be.paraaf.request.RequestService;
import be.paraaf.request.RequestViews.RequestView;
import be.paraaf.system.ParaafException;
import be.paraaf.system.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk send: one template, a CSV with a row per document, a signing request per row, started at once.
 *
 * <p>Columns: a column named as a field of the template's input ({@code tenants[0].name}, {@code dwelling.street},
 * {@code baseRent}: the paths the template's errors use) sets that field, over the values common to every row
 * (the JSON part {@code common}); an empty cell sets nothing. {@code title} names the request,
 * {@code notificationEmail} is where decline, expiry and completion notices go. The signers are the parties the
 * rendered document names, in its field order, one step each (tenants first, then the agency). Columns
 * {@code signer.<field>.email}, {@code .language}, {@code .method}, {@code .phone}, {@code .nationalRegisterNumber},
 * {@code .name} complete a signer (the number is needed where the document names none, as for the agency's
 * representative).
 *
 * <p>All or nothing for mistakes: every row is checked first (the CSV, the template's rules, the signers), with no
 * document stored; if any row is wrong, nothing is sent and the answer lists every mistake as row, column and words
 * (422 {@code bulk-send-refused}), so the corrected file can simply be sent again. Only when every row is right are
 * the requests created and started, row by row; a failure then (the service itself, not the file) is reported for its
 * row and the others still go out — the answer says which rows were sent.
 */
@Service
public class BulkSend {

    private static final Logger log = LoggerFactory.getLogger(BulkSend.class);
    private static final Pattern PATH = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}(\\[[0-9]{1,2}])?"
            + "(\\.[A-Za-z][A-Za-z0-9]{0,63}(\\[[0-9]{1,2}])?){0,5}");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[([0-9]+)])?");
    private static final Pattern SIGNER_COLUMN = Pattern.compile("signer\\.([A-Za-z0-9_-]{1,64})\\."
            + "(email|language|method|nationalRegisterNumber|name|phone)");

    private final TemplateService templates;
    private final DocumentService documents;
    private final RequestService requests;

    BulkSend(TemplateService templates, DocumentService documents, RequestService requests) {
        this.templates = templates;
        this.documents = documents;
        this.requests = requests;
    }

    /** A mistake: 1-based data row (the header is row 0), the column concerned (or null), in words. */
    public record RowError(int row, String column, String message) {
    }

    /** A row sent: its request. */
    public record Sent(int row, String requestId, String title) {
    }

    /** What happened: every row sent, or (after the checks passed) the rows that failed. */
    public record Report(int rows, List<Sent> sent, List<RowError> errors) {
    }

    public Report send(StaffMember by, String template, Language language, JsonNode common, String csv) {
        TemplateInfo info = templates.templates().stream().filter(t -> t.name().equals(template)).findFirst()
                .orElseThrow(() -> new StaffException(ProblemType.UNKNOWN_TEMPLATE, "There is no template '"
                        + template + "'."));
        if (common != null && !common.isNull() && !common.isObject()) {
            throw new StaffException(ProblemType.BAD_REQUEST, "'common' must be a JSON object of the values every "
                    + "row shares.");
        }
        CsvTable table = CsvTable.parse(csv);
        checkHeader(table.header());
        List<RowError> errors = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            int row = i + 1;
            List<RowError> rowErrors = new ArrayList<>();
            Prepared ready = prepare(row, table.header(), table.rows().get(i), template, info, language, common,
                    rowErrors);
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                prepared.add(ready);
            }
        }
        if (!errors.isEmpty()) {
            throw new StaffException(ProblemType.BULK_SEND_REFUSED, errors.size() + " mistake(s) in "
                    + errors.stream().map(RowError::row).distinct().count() + " of " + table.rows().size()
                    + " rows; nothing was sent. Correct the file and send it again.", Map.of("errors", errors));
        }
        List<Sent> sent = new ArrayList<>();
        List<RowError> failed = new ArrayList<>();
        for (Prepared ready : prepared) {
            try {
                DocumentMetadata document = documents.createFromTemplate(by.organisation().id(), template, language,
                        ready.input());
                NewRequest spec = new NewRequest(document.id(), ready.title(), null, null, null,
                        ready.signers(), null, ready.notificationEmail(), null);
                RequestView created = requests.create(by.organisation().id(), by.actor(), spec);
                requests.start(by.organisation().id(), by.actor(), created.id());
                sent.add(new Sent(ready.row(), created.id(), ready.title()));
            } catch (ParaafException | IllegalArgumentException e) {
                log.warn("bulk send: row {} of {} failed after its checks passed", ready.row(), template, e);
                failed.add(new RowError(ready.row(), null, "not sent: " + e.getMessage()));
            }
        }
        return new Report(table.rows().size(), sent, failed);
    }

    private record Prepared(int row, JsonNode input, String title, List<NewSigner> signers,
            String notificationEmail) {
    }

    private static void checkHeader(List<String> header) {
        List<RowError> errors = new ArrayList<>();
        for (String column : header) {
            boolean known = column.equals("title") || column.equals("notificationEmail")
                    || SIGNER_COLUMN.matcher(column).matches() || PATH.matcher(column).matches();
            if (!known) {
                errors.add(new RowError(0, column, "is not a template field (e.g. tenants[0].name), 'title' or "
                        + "signer.<field>.email|language|method|nationalRegisterNumber|name|phone"));
            }
        }
        if (!errors.isEmpty()) {
            throw new StaffException(ProblemType.BULK_SEND_REFUSED, "The header row names columns paraaf does not "
                    + "know; nothing was sent.", Map.of("errors", errors));
        }
    }

    private Prepared prepare(int row, List<String> header, List<String> cells, String template, TemplateInfo info,
            Language language, JsonNode common, List<RowError> errors) {
        ObjectNode input = common == null || common.isNull() ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) common.deepCopy();
        Map<String, Map<String, String>> signerValues = new LinkedHashMap<>();
        String title = null;
        String notificationEmail = null;
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            String value = cells.get(c).strip();
            if (value.isEmpty()) {
                continue;
            }
            Matcher signer = SIGNER_COLUMN.matcher(column);
            if (column.equals("title")) {
                title = value;
            } else if (column.equals("notificationEmail")) {
                notificationEmail = value;
            } else if (signer.matches()) {
                signerValues.computeIfAbsent(signer.group(1), k -> new LinkedHashMap<>()).put(signer.group(2), value);
            } else {
                String problem = set(input, column, value);
                if (problem != null) {
                    errors.add(new RowError(row, column, problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        RenderedDocument rendered;
        try {
            rendered = templates.render(template, language, input);
        } catch (TemplateInputException e) {
            e.errors().forEach(error -> errors.add(new RowError(row, error.field(), error.message())));
            unknownSignerFields(row, signerValues, field -> info.signatureFields().stream().anyMatch(pattern ->
                    field.matches(Pattern.quote(pattern).replace("{n}", "\\E[0-9]{1,2}\\Q"))), "", errors);
            return null;
        } catch (ParaafException e) {
            errors.add(new RowError(row, null, e.getMessage()));
            return null;
        }
        List<NewSigner> signers = new ArrayList<>();
        int step = 0;
        for (String field : rendered.fieldNames()) {
            step++;
            FieldParty party = rendered.parties().stream().filter(p -> p.field().equals(field)).findFirst()
                    .orElse(null);
            Map<String, String> values = signerValues.getOrDefault(field, Map.of());
            String number = party != null && party.nationalNumber() != null ? party.nationalNumber()
                    : values.get("nationalRegisterNumber");
            String name = values.getOrDefault("name", party == null ? null : party.name());
            if (number == null) {
                errors.add(new RowError(row, "signer." + field + ".nationalRegisterNumber", "is required: the "
                        + "document names nobody's number for field " + field));
                continue;
            }
            try {
                signers.add(new NewSigner(field, name, number, values.get("phone"), values.get("email"),
                        values.getOrDefault("method", "EITHER"), field, step,
                        values.getOrDefault("language", language.tag())));
            } catch (ParaafException | IllegalArgumentException e) {
                errors.add(new RowError(row, "signer." + field, e.getMessage()));
            }
        }
        unknownSignerFields(row, signerValues, rendered.fieldNames()::contains,
                " (it has " + String.join(", ", rendered.fieldNames()) + ")", errors);
        if (title == null) {
            String templateTitle = info.titles().getOrDefault(language.tag(), template);
            title = signers.isEmpty() ? templateTitle : templateTitle + " – " + signers.get(0).name();
        }
        if (title.length() > 200) {
            errors.add(new RowError(row, "title", "must be at most 200 characters"));
        }
        return new Prepared(row, input, title, signers, notificationEmail);
    }

    private static void unknownSignerFields(int row, Map<String, Map<String, String>> signerValues,
            java.util.function.Predicate<String> known, String which, List<RowError> errors) {
        signerValues.keySet().stream().filter(known.negate()).forEach(field -> errors.add(new RowError(row,
                "signer." + field, "the document has no signature field " + field + which)));
    }

    /** Sets {@code value} at {@code path} (e.g. {@code tenants[1].name}); what is wrong with the path, or null. */
    private static String set(ObjectNode root, String path, String value) {
        String[] segments = path.split("\\.");
        JsonNode node = root;
        for (int s = 0; s < segments.length; s++) {
            Matcher segment = SEGMENT.matcher(segments[s]);
            if (!segment.matches()) {
                return "is not a field path";
            }
            boolean last = s == segments.length - 1;
            String name = segment.group(1);
            ObjectNode object = (ObjectNode) node;
            if (segment.group(2) == null) {
                if (last) {
                    object.put(name, value);
                    return null;
                }
                JsonNode child = object.get(name);
                if (child == null || child.isNull()) {
                    child = object.putObject(name);
                } else if (!child.isObject()) {
                    return "'" + name + "' is not a group of fields in the common values";
                }
                node = child;
            } else {
                int index = Integer.parseInt(segment.group(2));
                JsonNode child = object.get(name);
                if (child == null || child.isNull()) {
                    child = object.putArray(name);
                } else if (!child.isArray()) {
                    return "'" + name + "' is not a list in the common values";
                }
                ArrayNode array = (ArrayNode) child;
                if (index > array.size()) {
                    return "fills " + name + "[" + index + "] while " + name + "[" + array.size()
                            + "] is empty: fill the list from [0] without gaps";
                }
                if (index == array.size()) {
                    if (last) {
                        array.add(value);
                        return null;
                    }
                    array.addObject();
                }
                if (last) {
                    array.set(index, JsonNodeFactory.instance.stringNode(value));
                    return null;
                }
                if (!array.get(index).isObject()) {
                    return "'" + name + "[" + index + "]' is not a group of fields";
                }
                node = array.get(index);
            }
        }
        return null;
    }
}
