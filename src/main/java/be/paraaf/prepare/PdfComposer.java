package be.paraaf.prepare;

import be.paraaf.prepare.Block.Fact;
import be.paraaf.prepare.Block.SignatureSlot;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The hand-written layout engine the templates used before they became HTML (see {@link HtmlPdfRenderer}); it
 * still draws the validation report ({@link ValidationReportDocument}), and the template benchmark measures the
 * HTML renderer against it. Lays out {@link Block}s on A4 pages and writes a PDF/A-2b file (ISO 19005-2, level B):
 * fonts embedded (Liberation Sans), XMP metadata with the PDF/A identification, an sRGB output intent,
 * no transparency, and — per signer — an empty signature field (ISO 32000-1 §12.7.4.5) whose widget has
 * an empty appearance stream and the print flag, as PDF/A requires of annotations.
 *
 * <p>Layout runs first into a list of drawing operations per page, so the footer can say "pagina X van Y"
 * with the final page count. Text never enters a signature box: a signature row moves to the next page as
 * a whole when it does not fit.
 */
final class PdfComposer {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 56.7f; // 2 cm
    static final float LEFT = MARGIN;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final float TOP = PAGE.getHeight() - MARGIN;
    static final float BOTTOM = MARGIN + 10;
    static final float FIELD_WIDTH = 220;
    static final float FIELD_HEIGHT = 70;

    private static final float BODY = 10;
    private static final float LEADING = 13.5f;
    private static final float LABEL_WIDTH = 165;
    private static final float SLOT_GAP = 20;
    private static final float SLOT_WIDTH = (WIDTH - SLOT_GAP) / 2;
    private static final float BOX_HEIGHT = FIELD_HEIGHT + 12;
    /** Pictures are at most this tall (an A4 page then fits a signature's facts and one pair of pages). */
    private static final float PICTURE_HEIGHT = 270;
    private static final float[] INK = {0.08f, 0.10f, 0.16f};
    private static final float[] MUTED = {0.35f, 0.38f, 0.45f};
    private static final float[] ACCENT = {0.05f, 0.25f, 0.50f};

    private static final byte[] REGULAR = HtmlPdfRenderer.REGULAR;
    private static final byte[] BOLD = HtmlPdfRenderer.BOLD;
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** What the document is: its title (also in the metadata), language and creation time. */
    record Description(String title, Language language, Instant created) {
    }

    /** The PDF and the signature fields it holds, in document order. */
    record Composed(byte[] pdf, List<String> fieldNames) {
    }

    private sealed interface Op {
    }

    private record Text(float x, float y, boolean bold, float size, float[] color, String text) implements Op {
    }

    private record Frame(float x, float y, float width, float height) implements Op {
    }

    private record Rule(float x, float y, float width) implements Op {
    }

    private record Field(String name, PDRectangle rectangle) implements Op {
    }

    private record Box(float x, float y, float width, float height, float[] fill, float[] stroke) implements Op {
    }

    private record Image(float x, float y, float width, float height, BufferedImage image) implements Op {
    }

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final List<List<Op>> pages = new ArrayList<>();
    private List<Op> page;
    private float y;

    private PdfComposer(PDDocument document) throws IOException {
        this.document = document;
        this.regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true);
        this.bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD), true);
        newPage();
    }

    static Composed compose(Description description, Labels labels, List<Block> blocks) {
        try (PDDocument document = new PDDocument()) {
            PdfComposer composer = new PdfComposer(document);
            for (Block block : blocks) {
                composer.layout(block);
            }
            List<String> fields = composer.render(description, labels);
            makePdfA(document, description);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return new Composed(out.toByteArray(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
    }

    // ------------------------------------------------------------------ layout

    private void layout(Block block) throws IOException {
        if (block instanceof Block.Title title) {
                for (String line : wrap(title.text(), bold, 17, WIDTH)) {
                    ensure(22);
                    text(LEFT, 17, true, ACCENT, line, 22);
                }
                page.add(new Rule(LEFT, y - 1, WIDTH));
                y -= 12;
        } else if (block instanceof Block.Heading heading) {
                List<String> lines = wrap(heading.text(), bold, 11.5f, WIDTH);
                ensure(8 + lines.size() * 16 + 3 * LEADING); // keep with the text that follows
                y -= 8;
                for (String line : lines) {
                    text(LEFT, 11.5f, true, ACCENT, line, 16);
                }
                y -= 2;
        } else if (block instanceof Block.Paragraph paragraph) {
                for (String part : paragraph.text().split("\\n\\s*\\n")) {
                    for (String line : wrap(part, regular, BODY, WIDTH)) {
                        ensure(LEADING);
                        text(LEFT, BODY, false, INK, line, LEADING);
                    }
                    y -= 5;
                }
        } else if (block instanceof Block.Facts facts) {
                for (Fact fact : facts.rows()) {
                    List<String> label = wrap(fact.label(), bold, 9.5f, LABEL_WIDTH - 8);
                    List<String> value = wrap(fact.value(), regular, BODY, WIDTH - LABEL_WIDTH);
                    int rows = Math.max(label.size(), value.size());
                    ensure(rows * LEADING + 3);
                    float top = y;
                    for (String line : label) {
                        text(LEFT, 9.5f, true, MUTED, line, LEADING);
                    }
                    y = top;
                    for (String line : value) {
                        text(LEFT + LABEL_WIDTH, BODY, false, INK, line, LEADING);
                    }
                    y = top - rows * LEADING - 3;
                }
                y -= 4;
        } else if (block instanceof Block.Steps steps) {
                int number = 1;
                for (String item : steps.items()) {
                    List<String> lines = wrap(item, regular, BODY, WIDTH - 20);
                    ensure(lines.size() * LEADING + 4);
                    page.add(new Text(LEFT, y - BODY, true, BODY, ACCENT, number++ + "."));
                    for (String line : lines) {
                        text(LEFT + 20, BODY, false, INK, line, LEADING);
                    }
                    y -= 4;
                }
        } else if (block instanceof Block.Banner banner) {
                banner(banner);
        } else if (block instanceof Block.Pictures pictures) {
                List<Block.Picture> all = pictures.pictures();
                for (int i = 0; i < all.size(); i += 2) {
                    pictureRow(all.subList(i, Math.min(i + 2, all.size())));
                }
        } else if (block instanceof Block.Signatures signatures) {
                List<SignatureSlot> slots = signatures.slots();
                for (int i = 0; i < slots.size(); i += 2) {
                    signatureRow(slots.subList(i, Math.min(i + 2, slots.size())));
                }
        }
    }

    private void banner(Block.Banner banner) throws IOException {
        float[][] colours = switch (banner.tone()) {
            case GOOD -> new float[][] {{0.90f, 0.96f, 0.92f}, {0.04f, 0.42f, 0.18f}};
            case DOUBT -> new float[][] {{1.00f, 0.96f, 0.84f}, {0.48f, 0.29f, 0.00f}};
            case BAD -> new float[][] {{0.99f, 0.91f, 0.91f}, {0.63f, 0.11f, 0.11f}};
        };
        float padding = 8;
        List<String> label = wrap(banner.label(), bold, 13, WIDTH - 2 * padding);
        List<String> text = wrap(banner.text(), regular, BODY, WIDTH - 2 * padding);
        float height = padding + label.size() * 17 + 2 + text.size() * LEADING + padding - 3;
        ensure(height + 10);
        y -= 4;
        float top = y;
        page.add(new Box(LEFT, top - height, WIDTH, height, colours[0], colours[1]));
        y -= padding;
        for (String line : label) {
            text(LEFT + padding, 13, true, colours[1], line, 17);
        }
        y -= 2;
        for (String line : text) {
            text(LEFT + padding, BODY, false, INK, line, LEADING);
        }
        y = top - height - 8;
    }

    /**
     * Up to two pictures side by side, as wide as the column allows and no taller than {@link #PICTURE_HEIGHT},
     * the pair centred, each with its caption above; a missing picture leaves an empty frame of the same size.
     */
    private void pictureRow(List<Block.Picture> row) throws IOException {
        float gap = SLOT_GAP;
        float column = (WIDTH - gap) / 2;
        List<BufferedImage> images = new ArrayList<>();
        float aspect = PAGE.getHeight() / PAGE.getWidth(); // height per width; of the first picture when there is one
        for (Block.Picture picture : row) {
            BufferedImage image = picture.png() == null ? null : ImageIO.read(new ByteArrayInputStream(picture.png()));
            images.add(image);
            if (image != null && images.stream().filter(java.util.Objects::nonNull).count() == 1) {
                aspect = (float) image.getHeight() / image.getWidth();
            }
        }
        float width = Math.min(column, PICTURE_HEIGHT / aspect);
        float imageHeight = width * aspect;
        int captionLines = 1;
        for (Block.Picture picture : row) {
            captionLines = Math.max(captionLines, wrap(picture.caption(), regular, 9, width).size());
        }
        float height = 6 + captionLines * 12 + 2 + imageHeight + 8;
        ensure(height);
        y -= 6;
        float top = y;
        float start = LEFT + (WIDTH - (row.size() * width + (row.size() - 1) * gap)) / 2;
        for (int i = 0; i < row.size(); i++) {
            float x = start + i * (width + gap);
            y = top;
            for (String line : wrap(row.get(i).caption(), regular, 9, width)) {
                text(x, 9, false, MUTED, line, 12);
            }
            float imageTop = top - captionLines * 12 - 2;
            BufferedImage image = images.get(i);
            if (image != null) {
                // another aspect than the first picture: fitted into the same box
                float drawnWidth = Math.min(width, imageHeight * image.getWidth() / image.getHeight());
                float drawnHeight = drawnWidth * image.getHeight() / image.getWidth();
                page.add(new Image(x, imageTop - drawnHeight, drawnWidth, drawnHeight, image));
                page.add(new Frame(x, imageTop - drawnHeight, drawnWidth, drawnHeight));
            } else {
                page.add(new Frame(x, imageTop - imageHeight, width, imageHeight));
            }
        }
        y = top - height + 6;
    }

    private void signatureRow(List<SignatureSlot> row) throws IOException {
        float height = 8 + 2 * LEADING + 4 + BOX_HEIGHT + 10;
        ensure(height);
        y -= 8;
        float top = y;
        for (int column = 0; column < row.size(); column++) {
            SignatureSlot slot = row.get(column);
            float x = LEFT + column * (SLOT_WIDTH + SLOT_GAP);
            y = top;
            text(x, BODY, true, ACCENT, firstLine(slot.role(), bold, BODY, SLOT_WIDTH), LEADING);
            text(x, BODY, false, INK, firstLine(slot.name(), regular, BODY, SLOT_WIDTH), LEADING);
            float boxBottom = y - 4 - BOX_HEIGHT;
            page.add(new Frame(x, boxBottom, SLOT_WIDTH, BOX_HEIGHT));
            page.add(new Field(slot.fieldName(), new PDRectangle(x + (SLOT_WIDTH - FIELD_WIDTH) / 2,
                    boxBottom + (BOX_HEIGHT - FIELD_HEIGHT) / 2, FIELD_WIDTH, FIELD_HEIGHT)));
        }
        y = top - height + 8;
    }

    private void text(float x, float size, boolean isBold, float[] color, String line, float leading) {
        page.add(new Text(x, y - size, isBold, size, color, line));
        y -= leading;
    }

    /** Starts a new page unless {@code height} still fits (or the page is empty: nothing would fit better). */
    private void ensure(float height) {
        if (y - height < BOTTOM && !page.isEmpty()) {
            newPage();
        }
    }

    private void newPage() {
        page = new ArrayList<>();
        pages.add(page);
        y = TOP;
    }

    private String firstLine(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = wrap(text, font, size, width - 10);
        return lines.size() == 1 ? lines.get(0) : lines.get(0) + "…";
    }

    /** Breaks text into lines no wider than {@code width}; honours hard line breaks, splits over-long words. */
    private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String hardLine : clean(text, font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : hardLine.strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(word, font, size) > width) { // a word wider than the line: split it
                    int cut = word.length() - 1;
                    while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Maps spacing variants to a plain space and characters the font lacks to '?', so drawing never fails. */
    private String clean(String text, PDFont font) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder cleaned = new StringBuilder(text.length());
        text.replace('\t', ' ').codePoints().forEach(c -> {
            if (c == '\n') {
                cleaned.append('\n');
            } else if (Character.isSpaceChar(c)) {
                cleaned.append(' ');
            } else if (Character.isISOControl(c)) {
                return;
            } else if (known.computeIfAbsent(c, code -> hasGlyph(font, code))) {
                cleaned.appendCodePoint(c);
            } else {
                cleaned.append('?');
            }
        });
        return cleaned.toString();
    }

    private static boolean hasGlyph(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ rendering

    private List<String> render(Description description, Labels labels) throws IOException {
        PDAcroForm form = null;
        List<String> fieldNames = new ArrayList<>();
        for (int index = 0; index < pages.size(); index++) {
            PDPage pdPage = new PDPage(PAGE);
            document.addPage(pdPage);
            try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                for (Op op : pages.get(index)) {
                    if (op instanceof Text text) {
                        draw(content, text);
                    } else if (op instanceof Frame frame) {
                            content.setStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
                            content.setLineWidth(0.6f);
                            content.addRect(frame.x(), frame.y(), frame.width(), frame.height());
                            content.stroke();
                    } else if (op instanceof Rule rule) {
                            content.setStrokingColor(ACCENT[0], ACCENT[1], ACCENT[2]);
                            content.setLineWidth(0.8f);
                            content.moveTo(rule.x(), rule.y());
                            content.lineTo(rule.x() + rule.width(), rule.y());
                            content.stroke();
                    } else if (op instanceof Box box) {
                            content.setNonStrokingColor(box.fill()[0], box.fill()[1], box.fill()[2]);
                            content.setStrokingColor(box.stroke()[0], box.stroke()[1], box.stroke()[2]);
                            content.setLineWidth(1.2f);
                            content.addRect(box.x(), box.y(), box.width(), box.height());
                            content.fillAndStroke();
                    } else if (op instanceof Image image) {
                            // opaque RGB (no alpha, hence no soft mask): PDF/A-2b allows no transparency
                            BufferedImage rgb = image.image();
                            if (rgb.getType() != BufferedImage.TYPE_INT_RGB) {
                                rgb = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
                                java.awt.Graphics2D g = rgb.createGraphics();
                                g.setColor(java.awt.Color.WHITE);
                                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                                g.drawImage(image.image(), 0, 0, null);
                                g.dispose();
                            }
                            PDImageXObject xobject = LosslessFactory.createFromImage(document, rgb);
                            content.drawImage(xobject, image.x(), image.y(), image.width(), image.height());
                    } else if (op instanceof Field field) {
                            if (form == null) {
                                form = new PDAcroForm(document);
                                document.getDocumentCatalog().setAcroForm(form);
                            }
                            addSignatureField(form, pdPage, field);
                            fieldNames.add(field.name());
                    }
                }
                String pageOf = labels.text("page.of", index + 1, pages.size());
                float footerY = MARGIN - 24;
                draw(content, new Text(LEFT, footerY, false, 8.5f, MUTED,
                        firstLine(description.title(), regular, 8.5f, WIDTH - 120)));
                draw(content, new Text(LEFT + WIDTH - width(clean(pageOf, regular), regular, 8.5f), footerY, false,
                        8.5f, MUTED, pageOf));
            }
        }
        return fieldNames;
    }

    private void draw(PDPageContentStream content, Text text) throws IOException {
        PDType0Font font = text.bold() ? bold : regular;
        content.beginText();
        content.setFont(font, text.size());
        content.setNonStrokingColor(text.color()[0], text.color()[1], text.color()[2]);
        content.newLineAtOffset(text.x(), text.y());
        content.showText(clean(text.text(), font));
        content.endText();
    }

    private void addSignatureField(PDAcroForm form, PDPage pdPage, Field field) throws IOException {
        PDSignatureField signatureField = new PDSignatureField(form);
        signatureField.setPartialName(field.name());
        PDAnnotationWidget widget = signatureField.getWidgets().get(0);
        widget.setRectangle(field.rectangle());
        widget.setPage(pdPage);
        widget.setPrinted(true);
        // PDF/A: every annotation needs a normal appearance; an empty form XObject until someone signs
        widget.setAppearance(EmptyFieldAppearance.of(document, field.rectangle()));
        pdPage.getAnnotations().add(widget);
        form.getFields().add(signatureField);
        form.getCOSObject().removeItem(COSName.NEED_APPEARANCES);
    }

    // ------------------------------------------------------------------ PDF/A-2b

    private static void makePdfA(PDDocument document, Description description) throws IOException {
        document.getDocument().setVersion(1.7f);
        document.getDocumentCatalog().setLanguage(description.language().locale().toLanguageTag());

        Calendar created = GregorianCalendar.from(description.created().atZone(ZoneOffset.UTC));
        created.setTimeZone(TimeZone.getTimeZone("UTC"));
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(description.title());
        info.setProducer("paraaf");
        info.setCreator("paraaf templates");
        info.setCreationDate(created);

        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(description).getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    /** XMP (ISO 16684-1) with the PDF/A identification and the same title, producer and date as /Info. */
    private static String xmp(Description description) {
        String created = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(description.created().atOffset(ZoneOffset.UTC));
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + PdfUaXmp.escape(description.title())
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:language><rdf:Bag><rdf:li>" + description.language().locale().toLanguageTag()
                + "</rdf:li></rdf:Bag></dc:language>\n"
                + "   <pdf:Producer>paraaf</pdf:Producer>\n"
                + "   <xmp:CreatorTool>paraaf templates</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + created + "</xmp:CreateDate>\n"
                + "   <xmp:MetadataDate>" + created + "</xmp:MetadataDate>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }
}
