package be.paraaf.prepare;

import be.paraaf.system.ProblemType;
import be.paraaf.pdf.PdfFiles;
import be.paraaf.prepare.PdfInspection.ActiveContent;
import be.paraaf.prepare.PdfInspection.ExistingSignature;
import be.paraaf.prepare.PdfInspection.SignatureField;
import be.paraaf.signing.Placement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Reads and changes uploaded PDFs (ISO 32000-1 §12.6 actions, §12.7 forms, §12.8 signature fields) with
 * bounded memory (PDFBox temp-file stream cache, via {@link PdfFiles}) and bounded time (a deadline checked
 * page by page). Refusals of the file itself are 422 problems; not-a-PDF is 415.
 */
final class PdfInspector {

    private static final COSName JAVA_SCRIPT_ACTION = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH_ACTION = COSName.getPDFName("Launch");
    private static final COSName URI_ACTION = COSName.getPDFName("URI");

    private final int maxPages;
    private final Duration timeout;
    private final Clock clock;

    PdfInspector(int maxPages, Duration timeout, Clock clock) {
        this.maxPages = maxPages;
        this.timeout = timeout;
        this.clock = clock;
    }

    PdfInspection inspect(byte[] content) {
        return PdfFiles.read(content, document -> inspect(document, deadline()));
    }

    /** A copy without JavaScript, Launch and javascript: URI actions, saved in full; the input if there are none. */
    byte[] removeActiveContent(byte[] content) {
        return PdfFiles.read(content, document -> {
            Instant deadline = deadline();
            checkPages(document);
            if (!document.getSignatureDictionaries().isEmpty()) {
                throw new DocumentException(ProblemType.SIGNED_DOCUMENT_NOT_CLEANED, "The PDF is signed; removing its "
                        + "active content would break the signatures. Upload it without removeActiveContent.");
            }
            List<ActiveContent> removed = new ActiveContentScan(true, deadline).scan(document);
            return removed.isEmpty() ? content : save(document, false);
        });
    }

    /**
     * Adds an empty signature field as an incremental update, so the original bytes stay a prefix of the
     * result. Refused on a signed document (409 {@code document-signed}), for a name that exists (409
     * {@code field-exists}), a rectangle off the page (422 {@code invalid-placement}) or over another signature
     * field (409 {@code field-overlap}).
     */
    byte[] addSignatureField(byte[] content, String name, Placement placement) {
        return PdfFiles.read(content, document -> {
            checkPages(document);
            if (!document.getSignatureDictionaries().isEmpty()) {
                throw new DocumentException(ProblemType.DOCUMENT_SIGNED, "The document is already signed; a new field "
                        + "would change a signed document. Add fields before the first signature.");
            }
            if (placement.page() > document.getNumberOfPages()) {
                throw new DocumentException(ProblemType.INVALID_PLACEMENT, "Page " + placement.page()
                        + " does not exist; the document has " + document.getNumberOfPages() + " page(s).");
            }
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDAcroForm form = catalog.getAcroForm(null);
            if (form == null) {
                form = new PDAcroForm(document);
                catalog.setAcroForm(form);
            }
            if (form.getField(name) != null) {
                throw new DocumentException(ProblemType.FIELD_EXISTS, "The document already has a field named '" + name
                        + "'.", Map.of("field", name));
            }
            PDPage page = document.getPage(placement.page() - 1);
            PDRectangle rectangle = toPdfRectangle(page, placement);
            for (SignatureField existing : signatureFields(document, form)) {
                if (existing.page() == placement.page() && overlaps(existing, placement)) {
                    throw new DocumentException(ProblemType.FIELD_OVERLAP, "The new field overlaps signature field '"
                            + existing.name() + "' on page " + placement.page() + ".", Map.of("field", existing.name()));
                }
            }
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName(name);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(rectangle);
            widget.setPage(page);
            widget.setPrinted(true);
            widget.setAppearance(EmptyFieldAppearance.of(document, rectangle));

            COSDictionary pageDictionary = page.getCOSObject();
            COSArray annotations = array(pageDictionary, COSName.ANNOTS);
            annotations.add(widget.getCOSObject());
            COSDictionary formDictionary = form.getCOSObject();
            COSArray fields = array(formDictionary, COSName.FIELDS);
            fields.add(field.getCOSObject());

            catalog.getCOSObject().setNeedToBeUpdated(true);
            formDictionary.setNeedToBeUpdated(true);
            fields.setNeedToBeUpdated(true);
            pageDictionary.setNeedToBeUpdated(true);
            annotations.setNeedToBeUpdated(true);
            return save(document, true);
        });
    }

    private PdfInspection inspect(PDDocument document, Instant deadline) throws IOException {
        checkPages(document);
        List<ExistingSignature> signatures = new ArrayList<>();
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        List<SignatureField> fields = form == null ? List.of() : signatureFields(document, form);
        if (form != null) {
            for (PDField field : form.getFieldTree()) {
                if (field instanceof PDSignatureField signatureField && signatureField.getSignature() != null) {
                    PDSignature signature = signatureField.getSignature();
                    Calendar date = signature.getSignDate();
                    signatures.add(new ExistingSignature(field.getFullyQualifiedName(), signature.getName(),
                            date == null ? null : date.toInstant(), signature.getSubFilter()));
                }
            }
        }
        if (signatures.isEmpty() && !document.getSignatureDictionaries().isEmpty()) {
            // signature dictionaries outside the form's field tree still make the document signed
            for (PDSignature signature : document.getSignatureDictionaries()) {
                Calendar date = signature.getSignDate();
                signatures.add(new ExistingSignature(null, signature.getName(),
                        date == null ? null : date.toInstant(), signature.getSubFilter()));
            }
        }
        List<ActiveContent> active = new ActiveContentScan(false, deadline).scan(document);
        return new PdfInspection(document.getNumberOfPages(), signatures, fields, active,
                document.getDocumentCatalog().getLanguage());
    }

    private void checkPages(PDDocument document) {
        int pages = document.getNumberOfPages();
        if (pages > maxPages) {
            throw new DocumentException(ProblemType.TOO_MANY_PAGES, "The PDF has " + pages + " pages; this service "
                    + "accepts at most " + maxPages + ".", Map.of("pageCount", pages, "maxPages", maxPages));
        }
        if (pages == 0) {
            throw new DocumentException(ProblemType.NO_PAGES, "The PDF has no pages.");
        }
    }

    private static List<SignatureField> signatureFields(PDDocument document, PDAcroForm form) {
        List<SignatureField> fields = new ArrayList<>();
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField signatureField) {
                for (PDAnnotationWidget widget : signatureField.getWidgets()) {
                    PDRectangle rectangle = widget.getRectangle();
                    PDPage page = widget.getPage();
                    int pageNumber = page == null ? 0 : document.getPages().indexOf(page) + 1;
                    PDRectangle box = page == null ? PDRectangle.A4 : page.getCropBox();
                    float x = rectangle == null ? 0 : rectangle.getLowerLeftX() - box.getLowerLeftX();
                    float y = rectangle == null ? 0 : box.getUpperRightY() - rectangle.getUpperRightY();
                    fields.add(new SignatureField(field.getFullyQualifiedName(), pageNumber, x, y,
                            rectangle == null ? 0 : rectangle.getWidth(), rectangle == null ? 0 : rectangle.getHeight(),
                            signatureField.getValue() != null));
                }
            }
        }
        return fields;
    }

    private static PDRectangle toPdfRectangle(PDPage page, Placement placement) {
        PDRectangle box = page.getCropBox();
        if (placement.x() + placement.width() > box.getWidth() || placement.y() + placement.height() > box.getHeight()) {
            throw new DocumentException(ProblemType.INVALID_PLACEMENT, "The field does not fit on page "
                    + placement.page() + " (" + box.getWidth() + " x " + box.getHeight() + " points).");
        }
        return new PDRectangle(box.getLowerLeftX() + placement.x(),
                box.getUpperRightY() - placement.y() - placement.height(), placement.width(), placement.height());
    }

    private static boolean overlaps(SignatureField existing, Placement placement) {
        return placement.x() < existing.x() + existing.width() && existing.x() < placement.x() + placement.width()
                && placement.y() < existing.y() + existing.height() && existing.y() < placement.y() + placement.height();
    }

    /** {@code owner[key]}, created empty if missing. */
    private static COSArray array(COSDictionary owner, COSName key) {
        COSArray array = owner.getCOSArray(key);
        if (array == null) {
            array = new COSArray();
            owner.setItem(key, array);
        }
        return array;
    }

    private static byte[] save(PDDocument document, boolean incremental) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (incremental) {
            document.saveIncremental(out);
        } else {
            document.save(out, CompressParameters.NO_COMPRESSION);
        }
        return out.toByteArray();
    }

    private Instant deadline() {
        return clock.instant().plus(timeout);
    }

    /**
     * Finds (and, when {@code remove}, deletes) JavaScript, Launch and javascript: URI actions wherever a
     * viewer would run them: the document's OpenAction and additional actions, the JavaScript name tree,
     * form fields' additional actions, pages' additional actions, annotations' actions — following /Next chains.
     */
    private final class ActiveContentScan {

        private final boolean remove;
        private final Instant deadline;
        private final List<ActiveContent> found = new ArrayList<>();

        ActiveContentScan(boolean remove, Instant deadline) {
            this.remove = remove;
            this.deadline = deadline;
        }

        List<ActiveContent> scan(PDDocument document) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            COSDictionary root = catalog.getCOSObject();
            entry(root, COSName.OPEN_ACTION, "document OpenAction");
            additionalActions(root, "document");
            COSDictionary names = root.getCOSDictionary(COSName.NAMES);
            if (names != null && names.getDictionaryObject(COSName.JAVA_SCRIPT) != null) {
                found.add(new ActiveContent("JavaScript", "document-level JavaScript (Names /JavaScript)"));
                if (remove) {
                    names.removeItem(COSName.JAVA_SCRIPT);
                }
            }
            PDAcroForm form = catalog.getAcroForm(null);
            if (form != null) {
                for (PDField field : form.getFieldTree()) {
                    additionalActions(field.getCOSObject(), "field '" + field.getFullyQualifiedName() + "'");
                }
            }
            int pageNumber = 0;
            for (PDPage page : document.getPages()) {
                pageNumber++;
                if (clock.instant().isAfter(deadline)) {
                    throw new DocumentException(ProblemType.INSPECTION_TIMEOUT, "Inspecting the PDF took longer than "
                            + timeout.toSeconds() + " s; it was stopped at page " + pageNumber + ".");
                }
                additionalActions(page.getCOSObject(), "page " + pageNumber);
                COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
                if (annotations == null) {
                    continue;
                }
                for (int i = 0; i < annotations.size(); i++) {
                    if (annotations.getObject(i) instanceof COSDictionary annotation) {
                        String where = "page " + pageNumber + " annotation " + (i + 1) + " ("
                                + annotation.getNameAsString(COSName.SUBTYPE, "?") + ")";
                        entry(annotation, COSName.A, where + " /A");
                        additionalActions(annotation, where);
                    }
                }
            }
            return found;
        }

        private void additionalActions(COSDictionary owner, String where) {
            COSDictionary actions = owner.getCOSDictionary(COSName.AA);
            if (actions != null) {
                for (COSName trigger : List.copyOf(actions.keySet())) {
                    entry(actions, trigger, where + " /AA /" + trigger.getName());
                }
            }
        }

        /** Records the active actions under {@code owner[key]} and removes the whole entry if asked to. */
        private void entry(COSDictionary owner, COSName key, String where) {
            List<String> kinds = new ArrayList<>();
            kinds(owner.getDictionaryObject(key), kinds, Collections.newSetFromMap(new IdentityHashMap<>()));
            kinds.forEach(kind -> found.add(new ActiveContent(kind, where)));
            if (remove && !kinds.isEmpty()) {
                owner.removeItem(key);
            }
        }

        /** Follows one action tree; {@code visited} stops /Next cycles. */
        private void kinds(COSBase action, List<String> kinds, Set<COSBase> visited) {
            COSBase value = action instanceof COSObject object ? object.getObject() : action;
            if (value == null || !visited.add(value)) {
                return;
            }
            if (value instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    kinds(array.getObject(i), kinds, visited);
                }
            } else if (value instanceof COSDictionary dictionary) {
                COSName type = dictionary.getCOSName(COSName.S);
                if (JAVA_SCRIPT_ACTION.equals(type)) {
                    kinds.add("JavaScript");
                } else if (LAUNCH_ACTION.equals(type)) {
                    kinds.add("Launch");
                } else if (URI_ACTION.equals(type)) {
                    String uri = dictionary.getString(COSName.URI);
                    if (uri != null && uri.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                        kinds.add("URI-JavaScript");
                    }
                }
                kinds(dictionary.getDictionaryObject(COSName.NEXT), kinds, visited);
            }
        }
    }
}
