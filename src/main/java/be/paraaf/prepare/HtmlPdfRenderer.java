package be.paraaf.prepare;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Turns the XHTML a template produced into a tagged PDF/A-2a that also claims PDF/UA-1, with openhtmltopdf (on
 * PDFBox): Liberation Sans embedded, an sRGB output intent, a structure tree built from the HTML, and an empty
 * signature field wherever the markup has an element with {@code data-signer} — placed where that element landed
 * after layout, its widget tagged as a {@code Form} structure element so screen readers announce it.
 *
 * <p>Untrusted markup: the only resources it may load are the template package's own files (via the
 * {@code template:} scheme); every other URI (http, file, data of other kinds) is refused before it is opened.
 * A DOCTYPE is refused by the XML parser, so there are no external entities.
 */
final class HtmlPdfRenderer {

    static final String FONT_FAMILY = "Liberation Sans";
    static final String SCHEME = "template";
    /** The page frame base.css sets: A4, 2 cm margins, a little more at the bottom for the footer. */
    static final float MARGIN = 56.7f;
    static final float BOTTOM_MARGIN = 68f;
    /** The signature field size base.css gives {@code .paraaf-signature-field} (as the old composer had it). */
    static final float FIELD_WIDTH = 220;
    static final float FIELD_HEIGHT = 70;
    private static final String FIELD_ID_PREFIX = "paraaf-signature-";
    static final byte[] REGULAR = resource("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf");
    static final byte[] BOLD = resource("/be/paraaf/prepare/fonts/LiberationSans-Bold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static {
        XRLog.setLoggingEnabled(false); // openhtmltopdf logs every CSS quirk at INFO; problems surface as exceptions
    }

    private HtmlPdfRenderer() {
    }

    /** What the document is: its title (also in the metadata), language and creation time. */
    record Description(String title, Language language, Instant created) {
    }

    /** A signature field the markup declares: its name and the accessible description of who signs there. */
    record SignatureField(String name, String description) {
    }

    /** The PDF and the signature fields it holds, in document order. */
    record Rendered(byte[] pdf, List<String> fieldNames) {
    }

    /** The markup is not well-formed XHTML, or it declares a signature field twice; the message says where. */
    static final class MarkupException extends RuntimeException {
        MarkupException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses XHTML into a DOM; the caller then names the signature fields with {@link #declareSignatureField}.
     */
    static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new MarkupException("the template is not well-formed XHTML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("could not set up the XML parser", e);
        }
    }

    /** The elements that declare a signature field ({@code data-signer}), in document order. */
    static List<Element> signatureElements(Document document) {
        List<Element> elements = new ArrayList<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("data-signer")) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** Marks {@code element} as the place of signature field {@code name}. */
    static void declareSignatureField(Element element, String name) {
        element.setAttribute("id", FIELD_ID_PREFIX + name);
        String existing = element.getAttribute("class");
        element.setAttribute("class", (existing.isBlank() ? "" : existing + " ") + "paraaf-signature-field");
    }

    /**
     * Lays out {@code document} and writes the PDF.
     *
     * @param files the template package's files, reachable from the markup as relative URIs
     */
    static Rendered render(Document document, Description description, List<SignatureField> fields,
            Map<String, byte[]> files) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withW3cDocument(document, SCHEME + ":/")
                .usePdfAConformance(PdfAConformance.PDFA_2_A)
                .usePdfUaAccessibility(true)
                .useColorProfile(SRGB)
                .withProducer("paraaf")
                .useReplacementText("?")
                .useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400,
                        PdfRendererBuilder.FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700,
                        PdfRendererBuilder.FontStyle.NORMAL, true)
                .useProtocolsStreamImplementation(url -> new PackageStream(url, files), SCHEME)
                // checked after resolving, so relative links are seen as template:/… and everything else is refused
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(SCHEME + ":"),
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            List<String> names = addSignatureFields(renderer, pdf, fields);
            describe(pdf, description);
            pdf.getDocument().setVersion(1.7f); // as before: PDF/A-2 is based on PDF 1.7
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out, CompressParameters.NO_COMPRESSION);
            pdf.close();
            return new Rendered(out.toByteArray(), names);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
    }

    private static List<String> addSignatureFields(PdfBoxRenderer renderer, PDDocument pdf,
            List<SignatureField> fields) throws IOException {
        if (fields.isEmpty()) {
            return List.of();
        }
        Map<String, PositionedField> placed = new LinkedHashMap<>();
        for (var position : renderer.findPagePositionsByID(Pattern.compile("^" + FIELD_ID_PREFIX))) {
            String name = position.getId().substring(FIELD_ID_PREFIX.length());
            // layout works in 1/20 pt; a tenth of a point keeps the field exactly the size the CSS asked for
            placed.put(name, new PositionedField(position.getPageNo(), new PDRectangle(tenths(position.getX()),
                    tenths(position.getY()), tenths(position.getWidth()), tenths(position.getHeight()))));
        }
        PDAcroForm form = new PDAcroForm(pdf);
        pdf.getDocumentCatalog().setAcroForm(form);
        PDStructureTreeRoot structure = pdf.getDocumentCatalog().getStructureTreeRoot();
        PDStructureElement top = (PDStructureElement) structure.getKids().get(0);
        List<String> names = new ArrayList<>();
        for (SignatureField field : fields) {
            PositionedField position = placed.get(field.name());
            if (position == null) {
                throw new MarkupException("the signature field '" + field.name() + "' was not laid out: is it hidden "
                        + "or of zero size?");
            }
            PDPage page = pdf.getPage(position.page());
            PDSignatureField signatureField = new PDSignatureField(form);
            signatureField.setPartialName(field.name());
            signatureField.setAlternateFieldName(field.description());
            PDAnnotationWidget widget = signatureField.getWidgets().get(0);
            widget.setRectangle(position.rectangle());
            widget.setPage(page);
            widget.setPrinted(true);
            // PDF/A: every annotation needs a normal appearance; an empty form XObject until someone signs
            widget.setAppearance(EmptyFieldAppearance.of(pdf, position.rectangle()));
            page.getAnnotations().add(widget);
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S"); // PDF/UA: tab order follows structure
            form.getFields().add(signatureField);
            tag(structure, top, page, widget, field.description());
            names.add(field.name());
        }
        form.getCOSObject().removeItem(COSName.NEED_APPEARANCES);
        parentTreeBeforeKids(structure);
        return names;
    }

    /**
     * Puts the structure tree root's /K after its /ParentTree, so that DSS 6.4 sees a later signature in one of
     * our fields as a form fill and not as an undefined change.
     *
     * <p>DSS's {@code DefaultPdfObjectModificationsFinder} compares the signed and the final revision from the
     * catalog down, in each dictionary's key order, and skips an object only when it was already compared under
     * the same key name ({@code PdfObjectTreeReference(name, objectKey)}). So key order in the catalog cannot help:
     * the widget is compared under /Fields and /Annots (a form fill) and again under the OBJR's /Obj, and the /V a
     * signature adds is reported once per name. Under /Obj the path is /StructTreeRoot/K/…/K/Obj/V, which
     * {@code PdfObjectModificationsFilter} cannot place (undefined); under /StructTreeRoot/ParentTree/… it is a
     * structure tree change it accepts ({@code isStructTreeRootChange}). With /ParentTree first, the Form element is
     * reached through the parent tree, its OBJR's /Obj is compared there, and the walk through /K skips it.
     */
    private static void parentTreeBeforeKids(PDStructureTreeRoot structure) {
        COSDictionary root = structure.getCOSObject();
        COSBase kids = root.getItem(COSName.K);
        if (kids != null && root.containsKey(COSName.PARENT_TREE)) {
            root.removeItem(COSName.K);
            root.setItem(COSName.K, kids);
        }
    }

    private static float tenths(float value) {
        return Math.round(value * 10) / 10f;
    }

    private record PositionedField(int page, PDRectangle rectangle) {
    }

    /** PDF/UA 7.18.4: a widget sits in a Form structure element, linked both ways through the parent tree. */
    private static void tag(PDStructureTreeRoot structure, PDStructureElement parent, PDPage page,
            PDAnnotationWidget widget, String description) {
        PDStructureElement form = new PDStructureElement(StandardStructureTypes.FORM, parent);
        form.setPage(page);
        form.setAlternateDescription(description);
        PDObjectReference reference = new PDObjectReference();
        reference.setReferencedObject(widget);
        reference.setPage(page);
        form.appendKid(reference);
        parent.appendKid(form);
        int key = structure.getParentTreeNextKey();
        widget.setStructParent(key);
        COSDictionary tree = structure.getParentTree().getCOSObject();
        COSArray numbers = tree.getCOSArray(COSName.NUMS);
        if (numbers == null) {
            throw new IllegalStateException("unexpected parent tree shape (no /Nums at its root)");
        }
        numbers.add(COSInteger.get(key));
        numbers.add(form.getCOSObject());
        structure.setParentTreeNextKey(key + 1);
    }

    /** Title and creation time from the caller (the clock), in /Info and in the XMP alike. */
    private static void describe(PDDocument pdf, Description description) throws IOException {
        Calendar created = GregorianCalendar.from(description.created().atZone(ZoneOffset.UTC));
        created.setTimeZone(TimeZone.getTimeZone("UTC"));
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(description.title());
        info.setCreator("paraaf templates");
        info.setCreationDate(created);
        info.setModificationDate(null);
        pdf.getDocumentCatalog().setLanguage(description.language().locale().toLanguageTag());
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(PdfUaXmp.of(description.title(), description.language(), description.created())
                .getBytes(StandardCharsets.UTF_8));
        pdf.getDocumentCatalog().setMetadata(metadata);
    }

    /** Serves the package's files to openhtmltopdf; anything else is absent. */
    private static final class PackageStream implements FSStream {
        private final byte[] content;

        PackageStream(String url, Map<String, byte[]> files) {
            String path = url.substring(url.indexOf(':') + 1).replaceFirst("^/+", "");
            this.content = files.get(path);
        }

        @Override
        public InputStream getStream() {
            return content == null ? null : new ByteArrayInputStream(content);
        }

        @Override
        public Reader getReader() {
            return content == null ? null : new StringReader(new String(content, StandardCharsets.UTF_8));
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = HtmlPdfRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
