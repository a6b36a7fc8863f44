package be.paraaf.validation;

import be.paraaf.validation.RevisionSnapshot.Annotation;
import be.paraaf.validation.RevisionSnapshot.Field;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changed between the revision a signer signed and the final document, as findings, the way
 * pyHanko's difference analysis reasons: later signatures in fields that existed empty, filled form fields,
 * new signature fields, annotations, page content, pages, actions, anything else in the catalog. An
 * annotation or widget that appears after signing is also checked against what the signer saw under it:
 * one that covers signed text or another annotation hides what was signed (the evil-annotation and
 * sneaky-signature attacks of Rohlmann et al., IEEE S&amp;P 2021, and shadow "replace via overlay").
 */
final class RevisionComparison {

    private static final Logger log = LoggerFactory.getLogger(RevisionComparison.class);

    /** Annotations that only mark or point (highlights, notes, links) are not checked for hiding content. */
    private static final Set<String> MARKING_ANNOTATIONS = Set.of("Highlight", "Underline", "StrikeOut", "Squiggly",
            "Text", "Popup", "Link", "Caret");
    /** Fraction of the inner area that must be ink in the signed rendering for an overlay to hide content. */
    private static final double INK_THRESHOLD = 0.01;
    /** Fraction of that ink that must look different now for the overlay to hide it. */
    private static final double HIDDEN_THRESHOLD = 0.3;
    private static final float RENDER_DPI = 48f;
    private static final int MAX_RENDERED_PAGES = 20;

    private final PDDocument signedDocument;
    private final PDDocument lastDocument;
    private final RevisionSnapshot signed;
    private final RevisionSnapshot last;
    private final Map<Integer, BufferedImage> signedPages = new HashMap<>();
    private final Map<Integer, BufferedImage> lastPages;
    /** Page content alone (annotations left out), drawn once per page and revision. */
    private final Map<Integer, BufferedImage> signedContent = new HashMap<>();
    private final Map<Integer, BufferedImage> lastContent = new HashMap<>();

    private RevisionComparison(PDDocument signedDocument, PDDocument lastDocument, RevisionSnapshot signed,
            RevisionSnapshot last, Map<Integer, BufferedImage> lastPages) {
        this.signedDocument = signedDocument;
        this.lastDocument = lastDocument;
        this.signed = signed;
        this.last = last;
        this.lastPages = lastPages;
    }

    /**
     * The findings after a signature.
     *
     * @param signedDocument the revision the signer signed, {@code lastDocument} the final one (both rendered
     *        to check overlays; {@code lastPages} caches the final renderings across signatures)
     * @param lockedFields the fields the signature locks (FieldMDP or the field's /Lock)
     * @param locksAll whether the signature locks every field
     */
    static List<Finding> compare(PDDocument signedDocument, PDDocument lastDocument, RevisionSnapshot signed,
            RevisionSnapshot last, Map<Integer, BufferedImage> lastPages, Set<String> lockedFields, boolean locksAll) {
        return new RevisionComparison(signedDocument, lastDocument, signed, last, lastPages)
                .findings(lockedFields, locksAll);
    }

    private List<Finding> findings(Set<String> lockedFields, boolean locksAll) {
        List<Finding> findings = new ArrayList<>();
        pageChanges(findings);
        fields(findings, lockedFields, locksAll);
        annotations(findings);
        if (!Objects.equals(signed.activeContent(), last.activeContent())) {
            findings.add(Finding.of(FindingCode.ACTIVE_CONTENT_ADDED, "/OpenAction, /AA or /Names/JavaScript changed"));
        }
        if (!Objects.equals(signed.formScripts(), last.formScripts())) {
            findings.add(Finding.of(FindingCode.ACTIVE_CONTENT_ADDED, "AcroForm /XFA or /CO changed"));
        }
        if (!Objects.equals(signed.otherCatalogEntries(), last.otherCatalogEntries())) {
            findings.add(Finding.of(FindingCode.OBJECTS_CHANGED, "catalog entries or name trees changed"));
        }
        return findings;
    }

    private void pageChanges(List<Finding> findings) {
        if (signed.pageCount() != last.pageCount()) {
            List<Integer> pages = new ArrayList<>();
            for (int page = Math.min(signed.pageCount(), last.pageCount()) + 1;
                    page <= Math.max(signed.pageCount(), last.pageCount()); page++) {
                pages.add(page);
            }
            findings.add(Finding.onPages(FindingCode.PAGES_ADDED_OR_REMOVED, pages,
                    signed.pageCount() + " pages signed, " + last.pageCount() + " now")
                    .with("before", Integer.toString(signed.pageCount()))
                    .with("after", Integer.toString(last.pageCount())));
        }
        List<Integer> changed = new ArrayList<>();
        for (int page = 1; page <= Math.min(signed.pageCount(), last.pageCount()); page++) {
            if (!signed.pageContent(page).equals(last.pageContent(page)) && !rendersTheSame(page)) {
                changed.add(page);
            }
        }
        if (!changed.isEmpty()) {
            findings.add(Finding.onPages(FindingCode.PAGE_CONTENT_CHANGED, changed,
                    "content streams, resources, boxes or optional content of the page changed"));
        }
    }

    private void fields(List<Finding> findings, Set<String> lockedFields, boolean locksAll) {
        Map<String, Field> before = signed.fields();
        Map<String, Field> after = last.fields();
        for (Field field : after.values()) {
            Field earlier = before.get(field.name());
            if (earlier == null) {
                newField(findings, field);
                continue;
            }
            boolean valueChanged = !Objects.equals(earlier.valueDigest(), field.valueDigest());
            boolean appearanceChanged = !widgetDigests(earlier).equals(widgetDigests(field));
            if (!valueChanged && !appearanceChanged) {
                continue;
            }
            List<Integer> pages = pages(field.widgets());
            boolean locked = locksAll || lockedFields.contains(field.name());
            if (field.isSignature() && !earlier.hasValue() && field.hasValue() && field.isDocumentTimestamp()) {
                findings.add(Finding.onPages(FindingCode.VALIDATION_DATA_ADDED, List.of(), "document time-stamp in "
                        + field.name()));
                continue;
            }
            if (field.isSignature() && !earlier.hasValue() && field.hasValue()) {
                findings.add(Finding.onPages(FindingCode.SIGNED_LATER, pages, "signature field " + field.name()
                        + " signed").with("field", field.name()));
                if (!rects(earlier).equals(rects(field))) { // the signer saw the empty field elsewhere
                    findings.add(Finding.onPages(FindingCode.ANNOTATION_CHANGED, pages, "the widget of signature field "
                            + field.name() + " moved or changed size").with("subtype", "Widget"));
                    coverage(findings, field.widgets(), "moved signature field " + field.name());
                }
                if (lockedFields.contains(field.name())) {
                    findings.add(locked(field, pages));
                }
                continue;
            }
            if (field.isSignature() && earlier.hasValue() && valueChanged) {
                findings.add(Finding.onPages(FindingCode.OBJECTS_CHANGED, pages, "the signature dictionary of field "
                        + field.name() + " was replaced").with("field", field.name()));
                continue;
            }
            if (field.isSignature()) {
                findings.add(Finding.onPages(FindingCode.ANNOTATION_CHANGED, pages, "the appearance of signature field "
                        + field.name() + " changed").with("subtype", "Widget").with("field", field.name()));
                continue;
            }
            // filling what was empty is form filling; changing what the signer saw is not
            // (text only: choosing another item or ticking another box than a preset one is how forms are filled)
            FindingCode code = earlier.hasValue() && "Tx".equals(field.type()) ? FindingCode.FORM_FIELD_CHANGED
                    : FindingCode.FORM_FIELD_FILLED;
            findings.add(Finding.onPages(code, pages, "field " + field.name() + " (" + field.type() + ") "
                    + (valueChanged ? "value" : "appearance") + " changed").with("field", field.name()));
            revealed(findings, earlier.widgets(), "field " + field.name());
            if (locked) {
                findings.add(locked(field, pages));
            }
            if (!earlier.hasValue()) { // a field that showed a value before is covered by its own old text
                coverage(findings, field.widgets(), "field " + field.name());
            }
        }
        for (Field field : before.values()) {
            if (!after.containsKey(field.name())) {
                findings.add(Finding.onPages(FindingCode.FIELD_REMOVED, pages(field.widgets()), "field "
                        + field.name() + " removed").with("field", field.name()));
            }
        }
    }

    private static Finding locked(Field field, List<Integer> pages) {
        return Finding.onPages(FindingCode.LOCKED_FIELD_CHANGED, pages, "field " + field.name()
                + " is locked by the signature (FieldMDP / Lock)").with("field", field.name());
    }

    private void newField(List<Finding> findings, Field field) {
        List<Integer> pages = pages(field.widgets());
        if (field.isSignature() && field.hasValue() && field.isDocumentTimestamp() && !field.visible()) {
            findings.add(Finding.of(FindingCode.VALIDATION_DATA_ADDED, "document time-stamp in new field "
                    + field.name()));
            return;
        }
        if (field.isSignature()) {
            boolean visible = field.visible();
            findings.add(Finding.onPages(visible ? FindingCode.VISIBLE_SIGNATURE_FIELD_ADDED
                    : FindingCode.SIGNATURE_FIELD_ADDED, pages, "signature field " + field.name() + " created"
                    + (field.hasValue() ? " and signed" : "")).with("field", field.name()));
        } else {
            findings.add(Finding.onPages(FindingCode.ANNOTATION_ADDED, pages, "form field " + field.name() + " ("
                    + field.type() + ") created").with("subtype", "Widget").with("field", field.name()));
        }
        coverage(findings, field.widgets(), "new field " + field.name());
    }

    private void annotations(List<Finding> findings) {
        Set<COSObjectKey> fieldWidgets = new HashSet<>();
        for (RevisionSnapshot snapshot : List.of(signed, last)) {
            snapshot.fields().values().forEach(field -> field.widgets().forEach(widget -> {
                if (widget.key() != null) {
                    fieldWidgets.add(widget.key());
                }
            }));
        }
        Map<String, TreeSet<Integer>> added = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> removed = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> changed = new LinkedHashMap<>();
        List<Annotation> risky = new ArrayList<>();
        for (int page = 1; page <= last.pageCount(); page++) {
            List<Annotation> before = page <= signed.pageCount() ? signed.annotations(page) : List.of();
            Map<Object, Annotation> beforeByIdentity = byIdentity(before);
            Map<Object, Annotation> afterByIdentity = byIdentity(last.annotations(page));
            for (Map.Entry<Object, Annotation> entry : afterByIdentity.entrySet()) {
                Annotation annotation = entry.getValue();
                if (annotation.key() != null && fieldWidgets.contains(annotation.key())) {
                    continue; // judged with its field
                }
                Annotation earlier = beforeByIdentity.get(entry.getKey());
                if (earlier == null) {
                    added.computeIfAbsent(annotation.subtype(), subtype -> new TreeSet<>()).add(page);
                    if (annotation.activeAction()) {
                        findings.add(Finding.onPages(FindingCode.ACTIVE_CONTENT_ADDED, List.of(page),
                                annotation.subtype() + " annotation with an action added"));
                    }
                    risky.add(annotation);
                } else if (!earlier.digest().equals(annotation.digest())) {
                    changed.computeIfAbsent(annotation.subtype(), subtype -> new TreeSet<>()).add(page);
                    risky.add(annotation);
                    revealed(findings, List.of(earlier), "annotation");
                }
            }
            for (Map.Entry<Object, Annotation> entry : beforeByIdentity.entrySet()) {
                Annotation annotation = entry.getValue();
                if (!afterByIdentity.containsKey(entry.getKey())
                        && (annotation.key() == null || !fieldWidgets.contains(annotation.key()))) {
                    removed.computeIfAbsent(annotation.subtype(), subtype -> new TreeSet<>()).add(page);
                    revealed(findings, List.of(annotation), "removed annotation");
                }
            }
        }
        added.forEach((subtype, pages) -> findings.add(Finding.onPages(FindingCode.ANNOTATION_ADDED,
                List.copyOf(pages), subtype + " annotation added").with("subtype", subtype)));
        changed.forEach((subtype, pages) -> findings.add(Finding.onPages(FindingCode.ANNOTATION_CHANGED,
                List.copyOf(pages), subtype + " annotation changed").with("subtype", subtype)));
        removed.forEach((subtype, pages) -> findings.add(Finding.onPages(FindingCode.ANNOTATION_REMOVED,
                List.copyOf(pages), subtype + " annotation removed").with("subtype", subtype)));
        coverage(findings, risky, "annotation");
    }

    /** Annotations keyed by object key, or (direct objects) by their content: a moved direct copy is "new". */
    private static Map<Object, Annotation> byIdentity(List<Annotation> annotations) {
        Map<Object, Annotation> result = new LinkedHashMap<>();
        for (Annotation annotation : annotations) {
            result.putIfAbsent(annotation.key() != null ? annotation.key() : "direct " + annotation.digest(), annotation);
        }
        return result;
    }

    /**
     * An overlay the signer did not see hides what was signed when, inside its rectangle (an inset one:
     * borders and rules excluded), the signed page showed ink (text, drawings, another annotation) and most
     * of that ink looks different now. A transparent appearance (a signature's text, a filled-in value) leaves
     * the ink under it as it was; an opaque box over the text does not.
     */
    private void coverage(List<Finding> findings, List<Annotation> overlays, String what) {
        Map<Integer, List<String>> covered = new LinkedHashMap<>();
        for (Annotation overlay : overlays) {
            if (!overlay.visible() || MARKING_ANNOTATIONS.contains(overlay.subtype()) || overlay.page() < 1
                    || overlay.page() > signed.pageCount() || overlay.page() > last.pageCount()) {
                continue;
            }
            if (hidesInk(overlay)) {
                covered.computeIfAbsent(overlay.page(), page -> new ArrayList<>()).add(overlay.subtype());
            }
        }
        covered.forEach((page, subtypes) -> findings.add(Finding.onPages(FindingCode.ANNOTATION_COVERS_CONTENT,
                List.of(page), what + " (" + String.join(", ", subtypes) + ") drawn over signed content")
                .with("subtype", subtypes.get(0))));
    }

    /** Annotations (as signed) that hid content and have since changed or gone: what they hid now shows. */
    private void revealed(List<Finding> findings, List<Annotation> before, String what) {
        for (Annotation annotation : before) {
            if (!MARKING_ANNOTATIONS.contains(annotation.subtype()) && hidContentWhenSigned(annotation)) {
                findings.add(Finding.onPages(FindingCode.HIDDEN_CONTENT_REVEALED, List.of(annotation.page()), what
                        + " (" + annotation.subtype() + ") covered page content when signed and has changed")
                        .with("subtype", annotation.subtype()));
            }
        }
    }

    private boolean hidesInk(Annotation overlay) {
        BufferedImage before = render(signedDocument, signedPages, overlay.page());
        BufferedImage after = render(lastDocument, lastPages, overlay.page());
        if (before == null || after == null || before.getWidth() != after.getWidth()
                || before.getHeight() != after.getHeight()) {
            return true; // cannot compare: an overlay the signer did not see counts as hiding
        }
        try {
            return hidden(overlay, before, after);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static int darkest(int rgb) {
        return Math.min(rgb >> 16 & 0xff, Math.min(rgb >> 8 & 0xff, rgb & 0xff));
    }

    private static int distance(int a, int b) {
        return Math.max(Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)), Math.max(Math.abs((a >> 8 & 0xff)
                - (b >> 8 & 0xff)), Math.abs((a & 0xff) - (b & 0xff))));
    }

    private static int clamp(float value, int limit) {
        return Math.max(0, Math.min(limit, Math.round(value)));
    }

    private static BufferedImage render(PDDocument document, Map<Integer, BufferedImage> cache, int page) {
        if (cache.containsKey(page)) {
            return cache.get(page);
        }
        BufferedImage image = null;
        if (cache.size() < MAX_RENDERED_PAGES) {
            try {
                image = new PDFRenderer(document).renderImageWithDPI(page - 1, RENDER_DPI, ImageType.RGB);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot render page {} to check an overlay: {}", page, e.toString());
            }
        }
        cache.put(page, image);
        return image;
    }

    /**
     * Whether the page's own content (annotations left out) renders pixel for pixel the same in both
     * revisions: a writer that rewrites a shared font or resource object without changing what it draws is
     * not a content change. Anything that cannot be rendered counts as changed.
     */
    private boolean rendersTheSame(int page) {
        BufferedImage before = renderContent(signedDocument, signedContent, page);
        BufferedImage after = renderContent(lastDocument, lastContent, page);
        if (before == null || after == null || before.getWidth() != after.getWidth()
                || before.getHeight() != after.getHeight()) {
            return false;
        }
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                if (before.getRGB(x, y) != after.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private BufferedImage renderContent(PDDocument document, Map<Integer, BufferedImage> cache, int page) {
        if (cache.containsKey(page)) {
            return cache.get(page);
        }
        BufferedImage image = null;
        if (signedContent.size() + lastContent.size() < MAX_RENDERED_PAGES) {
            try {
                PDFRenderer renderer = new PDFRenderer(document);
                renderer.setAnnotationsFilter(annotation -> false);
                image = renderer.renderImageWithDPI(page - 1, RENDER_DPI, ImageType.RGB);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot render the content of page {}: {}", page, e.toString());
            }
        }
        cache.put(page, image);
        return image;
    }

    /**
     * Whether an annotation or widget the signer saw was drawn over page content it hid (the "hide" shadow
     * attack: an opaque overlay at signing time, changed or removed later to show what was under it).
     */
    private boolean hidContentWhenSigned(Annotation annotation) {
        if (!annotation.visible() || annotation.page() < 1 || annotation.page() > signed.pageCount()) {
            return false;
        }
        BufferedImage content = renderContent(signedDocument, signedContent, annotation.page());
        BufferedImage seen = render(signedDocument, signedPages, annotation.page());
        if (content == null || seen == null || content.getWidth() != seen.getWidth()) {
            return false;
        }
        return hidden(annotation, content, seen);
    }

    /** Among the ink of {@code before} inside the annotation's inset rectangle, whether most differs in {@code after}. */
    private boolean hidden(Annotation annotation, BufferedImage before, BufferedImage after) {
        PDRectangle crop = signedDocument.getPage(annotation.page() - 1).getCropBox();
        float scale = RENDER_DPI / 72f;
        float[] rect = annotation.rect();
        float insetX = (rect[2] - rect[0]) * 0.15f;
        float insetY = (rect[3] - rect[1]) * 0.15f;
        int x0 = clamp((rect[0] + insetX - crop.getLowerLeftX()) * scale, before.getWidth());
        int x1 = clamp((rect[2] - insetX - crop.getLowerLeftX()) * scale, before.getWidth());
        int y0 = clamp((crop.getUpperRightY() - (rect[3] - insetY)) * scale, before.getHeight());
        int y1 = clamp((crop.getUpperRightY() - (rect[1] + insetY)) * scale, before.getHeight());
        long area = 0;
        long ink = 0;
        long changed = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                area++;
                int was = before.getRGB(x, y);
                if (darkest(was) < 200) {
                    ink++;
                    if (distance(was, after.getRGB(x, y)) > 96) {
                        changed++;
                    }
                }
            }
        }
        return area > 0 && (double) ink / area > INK_THRESHOLD && (double) changed / ink > HIDDEN_THRESHOLD;
    }

    private static List<String> rects(Field field) {
        return field.widgets().stream().map(widget -> java.util.Arrays.toString(widget.rect())).toList();
    }

    private static List<String> widgetDigests(Field field) {
        return field.widgets().stream().map(Annotation::digest).toList();
    }

    private static List<Integer> pages(List<Annotation> widgets) {
        return widgets.stream().map(Annotation::page).filter(page -> page > 0).distinct().sorted().toList();
    }
}
