package be.paraaf.validation;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What one revision of a PDF consists of, as far as the change analysis after a signature needs it: per
 * page a digest of what it draws and its annotations, the form fields with their values and widgets, and
 * the document-level entries that can run actions. Two snapshots (the revision a signer signed, the final
 * document) are compared by {@link RevisionComparison}. Read with PDFBox from a revision's bytes; every walk
 * is bounded, a loop in a hostile file ends it.
 */
final class RevisionSnapshot {

    private static final int MAX_FIELDS = 10_000;
    private static final int MAX_DEPTH = 64;
    /**
     * Catalog entries whose change is judged elsewhere (fields, pages, actions, validation data) or that draw
     * nothing: the accessibility structure, and the output intent DSS adds with a visible signature (PDF/A).
     */
    private static final Set<String> CATALOG_JUDGED_ELSEWHERE = Set.of("Type", "AcroForm", "Pages", "DSS",
            "Extensions", "Metadata", "Perms", "Version", "StructTreeRoot", "MarkInfo", "OpenAction", "AA", "Names",
            "OCProperties", "Lang", "OutputIntents");
    static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "GoToE", "Rendition",
            "SubmitForm", "ResetForm", "Sound", "Movie", "RichMediaExecute");

    /** An annotation as drawn on its page. {@code key} is null for a direct object. */
    record Annotation(COSObjectKey key, int page, String subtype, float[] rect, boolean hidden, String digest,
            boolean activeAction, String fieldName) {

        boolean visible() {
            return !hidden && rect != null && Math.abs(rect[2] - rect[0]) > 0.5f && Math.abs(rect[3] - rect[1]) > 0.5f;
        }
    }

    /** A terminal form field: its fully qualified name, type, a digest of its value and its widgets. */
    /**
     * A terminal form field; for a signature field {@code signature} is its value (the signature dictionary)
     * and {@code lock} its /Lock dictionary, both only usable while the document is open.
     */
    record Field(String name, String type, String valueDigest, boolean hasValue, List<Annotation> widgets,
            COSObjectKey valueKey, COSObjectKey fieldKey, COSDictionary signature, COSDictionary lock) {

        boolean isSignature() {
            return "Sig".equals(type);
        }

        /** A document time-stamp (ETSI EN 319 142-1 §5.4, ISO 32000-2 §12.8.5) is validation data, not a signature. */
        boolean isDocumentTimestamp() {
            return signature != null && ("ETSI.RFC3161".equals(signature.getNameAsString(COSName.SUB_FILTER))
                    || "DocTimeStamp".equals(signature.getNameAsString(COSName.TYPE)));
        }

        boolean visible() {
            return widgets.stream().anyMatch(Annotation::visible);
        }
    }

    private final int pageCount;
    private final List<String> pageContent;
    private final List<List<Annotation>> annotations;
    private final Map<String, Field> fields;
    private final String activeContent;
    private final String otherCatalogEntries;
    private final String formScripts;

    private RevisionSnapshot(int pageCount, List<String> pageContent, List<List<Annotation>> annotations,
            Map<String, Field> fields, String activeContent, String otherCatalogEntries, String formScripts) {
        this.pageCount = pageCount;
        this.pageContent = pageContent;
        this.annotations = annotations;
        this.fields = fields;
        this.activeContent = activeContent;
        this.otherCatalogEntries = otherCatalogEntries;
        this.formScripts = formScripts;
    }

    static RevisionSnapshot of(PDDocument document) throws IOException {
        int pages = document.getNumberOfPages();
        List<String> content = new ArrayList<>();
        List<List<Annotation>> annotations = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            content.add(PageFingerprints.contentDigest(document, page));
            annotations.add(annotations(page, i + 1));
        }
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        Map<String, Field> fields = fields(catalog, annotations);
        orphanSignatures(document, fields, annotations);
        String active = digest(catalog.getDictionaryObject(COSName.OPEN_ACTION), catalog.getDictionaryObject(COSName.AA),
                javaScriptNames(catalog));
        List<COSBase> others = new ArrayList<>();
        for (Map.Entry<COSName, COSBase> entry : catalog.entrySet()) {
            if (!CATALOG_JUDGED_ELSEWHERE.contains(entry.getKey().getName())) {
                others.add(entry.getKey());
                others.add(entry.getValue());
            }
        }
        COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
        if (names != null) { // name trees other than scripts: destinations, embedded files, page templates …
            for (Map.Entry<COSName, COSBase> entry : names.entrySet()) {
                if (!entry.getKey().getName().equals("JavaScript")) {
                    others.add(entry.getKey());
                    others.add(entry.getValue());
                }
            }
        }
        COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
        String scripts = form == null ? digest() : digest(form.getDictionaryObject(COSName.getPDFName("XFA")),
                form.getDictionaryObject(COSName.CO));
        return new RevisionSnapshot(pages, List.copyOf(content), List.copyOf(annotations), fields, active,
                digest(others.toArray(COSBase[]::new)), scripts);
    }

    int pageCount() {
        return pageCount;
    }

    String pageContent(int page) {
        return pageContent.get(page - 1);
    }

    List<Annotation> annotations(int page) {
        return annotations.get(page - 1);
    }

    Map<String, Field> fields() {
        return fields;
    }

    String activeContent() {
        return activeContent;
    }

    String otherCatalogEntries() {
        return otherCatalogEntries;
    }

    String formScripts() {
        return formScripts;
    }

    private static List<Annotation> annotations(PDPage page, int pageNumber) {
        List<Annotation> result = new ArrayList<>();
        COSArray array = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (array == null) {
            return List.of();
        }
        for (int i = 0; i < array.size() && i < MAX_FIELDS; i++) {
            COSBase entry = array.get(i);
            COSObjectKey key = entry instanceof COSObject reference ? reference.getKey() : null;
            COSBase value = entry instanceof COSObject reference ? reference.getObject() : entry;
            if (value instanceof COSDictionary annotation) {
                result.add(annotation(annotation, key, pageNumber));
            }
        }
        return List.copyOf(result);
    }

    private static Annotation annotation(COSDictionary annotation, COSObjectKey key, int page) {
        String subtype = annotation.getNameAsString(COSName.SUBTYPE);
        float[] rect = null;
        COSArray rectangle = annotation.getCOSArray(COSName.RECT);
        if (rectangle != null && rectangle.size() == 4) {
            rect = new float[4];
            for (int i = 0; i < 4; i++) {
                rect[i] = rectangle.getObject(i) instanceof COSNumber number ? number.floatValue() : 0f;
            }
            rect = new float[] {Math.min(rect[0], rect[2]), Math.min(rect[1], rect[3]), Math.max(rect[0], rect[2]),
                    Math.max(rect[1], rect[3])};
        }
        int flags = annotation.getInt(COSName.F, 0);
        boolean hidden = (flags & 2) != 0 || (flags & 32) != 0; // Hidden, NoView (ISO 32000-1 table 165)
        boolean active = annotation.containsKey(COSName.AA) || isActive(annotation.getCOSDictionary(COSName.A));
        return new Annotation(key, page, subtype == null ? "Unknown" : subtype, rect, hidden, digest(annotation),
                active, null);
    }

    private static boolean isActive(COSDictionary action) {
        return action != null && ACTIVE_ACTIONS.contains(action.getNameAsString(COSName.S));
    }

    /** Terminal fields by fully qualified name (ISO 32000-1 §12.7.3.2), with the widgets found on the pages. */
    private static Map<String, Field> fields(COSDictionary catalog, List<List<Annotation>> pageAnnotations) {
        Map<COSObjectKey, Annotation> widgetsByKey = new LinkedHashMap<>();
        for (List<Annotation> page : pageAnnotations) {
            for (Annotation annotation : page) {
                if (annotation.key() != null) {
                    widgetsByKey.put(annotation.key(), annotation);
                }
            }
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
        COSArray roots = form == null ? null : form.getCOSArray(COSName.FIELDS);
        if (roots == null) {
            return fields;
        }
        record Pending(COSBase node, String parentName, String inheritedType, int depth) {
        }
        Deque<Pending> queue = new ArrayDeque<>();
        for (int i = 0; i < roots.size(); i++) {
            queue.add(new Pending(roots.get(i), null, null, 0));
        }
        Set<COSDictionary> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!queue.isEmpty() && fields.size() < MAX_FIELDS && seen.size() < MAX_FIELDS * 4) {
            Pending pending = queue.removeFirst();
            COSObjectKey key = pending.node() instanceof COSObject reference ? reference.getKey() : null;
            COSBase resolved = pending.node() instanceof COSObject reference ? reference.getObject() : pending.node();
            if (!(resolved instanceof COSDictionary node) || !seen.add(node) || pending.depth() > MAX_DEPTH) {
                continue;
            }
            String partial = node.getString(COSName.T);
            String name = partial == null ? pending.parentName()
                    : pending.parentName() == null ? partial : pending.parentName() + "." + partial;
            String type = node.getNameAsString(COSName.FT) != null ? node.getNameAsString(COSName.FT)
                    : pending.inheritedType();
            COSArray kids = node.getCOSArray(COSName.KIDS);
            List<COSBase> fieldKids = new ArrayList<>();
            List<Annotation> widgets = new ArrayList<>();
            if (kids != null) {
                for (int i = 0; i < kids.size(); i++) {
                    COSBase kid = kids.get(i);
                    COSBase kidValue = kid instanceof COSObject reference ? reference.getObject() : kid;
                    if (kidValue instanceof COSDictionary kidDictionary && kidDictionary.containsKey(COSName.T)) {
                        fieldKids.add(kid);
                    } else if (kidValue instanceof COSDictionary kidDictionary) {
                        widgets.add(widget(kid, kidDictionary, widgetsByKey, name));
                    }
                }
            }
            if (!fieldKids.isEmpty()) {
                for (COSBase kid : fieldKids) {
                    queue.add(new Pending(kid, name, type, pending.depth() + 1));
                }
                continue;
            }
            if (name == null) {
                continue;
            }
            if (widgets.isEmpty() && COSName.WIDGET.getName().equals(node.getNameAsString(COSName.SUBTYPE))) {
                widgets.add(widget(pending.node(), node, widgetsByKey, name));
            }
            COSBase value = node.getItem(COSName.V);
            COSObjectKey valueKey = value instanceof COSObject reference ? reference.getKey() : key;
            COSBase resolvedValue = value instanceof COSObject reference ? reference.getObject() : value;
            boolean signatureField = "Sig".equals(type);
            // a signature is its signed bytes and value: /Reference → /Data reaches the whole catalog
            String valueDigest = signatureField && resolvedValue instanceof COSDictionary dictionary
                    ? signatureDigest(dictionary) : digest(resolvedValue);
            fields.putIfAbsent(name, new Field(name, type, valueDigest, hasValue(resolvedValue), List.copyOf(widgets),
                    valueKey, key,
                    signatureField && resolvedValue instanceof COSDictionary dictionary ? dictionary : null,
                    signatureField ? node.getCOSDictionary(COSName.getPDFName("Lock")) : null));
        }
        return fields;
    }

    /**
     * Signature widgets on a page that the form's field tree does not reach still hold signatures: readers
     * such as pdfsig may count them, so they are counted here too (named by /T, or by page and position).
     */
    private static void orphanSignatures(PDDocument document, Map<String, Field> fields,
            List<List<Annotation>> pageAnnotations) {
        Set<COSObjectKey> known = new HashSet<>();
        fields.values().forEach(field -> field.widgets().forEach(widget -> {
            if (widget.key() != null) {
                known.add(widget.key());
            }
        }));
        Map<COSObjectKey, Annotation> byKey = new LinkedHashMap<>();
        pageAnnotations.forEach(page -> page.forEach(annotation -> {
            if (annotation.key() != null) {
                byKey.put(annotation.key(), annotation);
            }
        }));
        for (int i = 0; i < document.getNumberOfPages() && fields.size() < MAX_FIELDS; i++) {
            COSArray array = document.getPage(i).getCOSObject().getCOSArray(COSName.ANNOTS);
            for (int j = 0; array != null && j < array.size() && j < MAX_FIELDS; j++) {
                COSBase entry = array.get(j);
                COSObjectKey key = entry instanceof COSObject reference ? reference.getKey() : null;
                COSBase value = entry instanceof COSObject reference ? reference.getObject() : entry;
                if (!(value instanceof COSDictionary widget) || key != null && known.contains(key)
                        || !"Sig".equals(inheritedType(widget))) {
                    continue;
                }
                COSBase signature = widget.getDictionaryObject(COSName.V);
                if (!(signature instanceof COSDictionary dictionary)) {
                    continue;
                }
                String partial = widget.getString(COSName.T);
                String name = partial != null ? partial : "page " + (i + 1) + " signature " + (j + 1);
                Annotation annotation = key != null && byKey.containsKey(key) ? byKey.get(key)
                        : annotation(widget, key, i + 1);
                COSBase v = widget.getItem(COSName.V);
                fields.putIfAbsent(name, new Field(name, "Sig", signatureDigest(dictionary), true, List.of(annotation),
                        v instanceof COSObject reference ? reference.getKey() : key, key, dictionary,
                        widget.getCOSDictionary(COSName.getPDFName("Lock"))));
            }
        }
    }

    /** A value a reader sees: not missing, not an empty string, not an unchecked box (/Off). */
    private static boolean hasValue(COSBase value) {
        if (value == null || value instanceof org.apache.pdfbox.cos.COSNull) {
            return false;
        }
        if (value instanceof COSString string) {
            return !string.getString().isBlank();
        }
        return !(value instanceof COSName name && name.getName().equals("Off"));
    }

    private static String signatureDigest(COSDictionary signature) {
        return digest(signature.getDictionaryObject(COSName.BYTERANGE), signature.getDictionaryObject(COSName.CONTENTS),
                signature.getDictionaryObject(COSName.SUB_FILTER));
    }

    private static String inheritedType(COSDictionary node) {
        COSDictionary current = node;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            String type = current.getNameAsString(COSName.FT);
            if (type != null) {
                return type;
            }
            current = current.getCOSDictionary(COSName.PARENT);
        }
        return null;
    }

    private static Annotation widget(COSBase reference, COSDictionary dictionary,
            Map<COSObjectKey, Annotation> widgetsByKey, String fieldName) {
        COSObjectKey key = reference instanceof COSObject object ? object.getKey() : null;
        Annotation onPage = key == null ? null : widgetsByKey.get(key);
        Annotation found = onPage != null ? onPage : annotation(dictionary, key, 0);
        return new Annotation(found.key(), found.page(), found.subtype(), found.rect(), found.hidden(),
                digest(dictionary.getDictionaryObject(COSName.AP), dictionary.getDictionaryObject(COSName.AS),
                        dictionary.getDictionaryObject(COSName.MK), dictionary.getDictionaryObject(COSName.RECT)),
                found.activeAction(), fieldName);
    }

    /** The document-level JavaScript name tree, where scripts run on opening (ISO 32000-1 §12.6.4.16). */
    private static COSBase javaScriptNames(COSDictionary catalog) {
        COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
        return names == null ? null : names.getDictionaryObject(COSName.JAVA_SCRIPT);
    }

    private static String digest(COSBase... values) {
        return PageFingerprints.digestOf(values);
    }

}
