package be.paraaf.validation;

import eu.europa.esig.dss.pdf.PdfAnnotation;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.CommonPdfModification;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader;
import eu.europa.esig.dss.pdf.visible.ImageUtils;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS's shadow-attack detection (render each page of the signed revision and of the final document,
 * compare the pixels) with one difference: a page whose rendering inputs are provably identical in both
 * revisions ({@link PageFingerprints}) is not rendered. Detection is unchanged; the cost of validating
 * our own B-LTA documents (a /DSS dictionary and a document time-stamp after the signature) falls from a
 * full render of every page to a digest of each page's objects.
 */
final class RenderingDifferencesFinder extends DefaultPdfDifferencesFinder {

    private static final Logger log = LoggerFactory.getLogger(RenderingDifferencesFinder.class);

    private final int maxPages;

    RenderingDifferencesFinder(int maxPages) {
        this.maxPages = maxPages;
        setMaximalPagesAmountForVisualComparison(maxPages);
    }

    @Override
    public List<PdfModification> getVisualDifferences(PdfDocumentReader signedRevision, PdfDocumentReader finalRevision) {
        if (!(signedRevision instanceof PdfBoxDocumentReader signed)
                || !(finalRevision instanceof PdfBoxDocumentReader last)) {
            return super.getVisualDifferences(signedRevision, finalRevision);
        }
        if (finalRevision.getNumberOfPages() > maxPages) {
            return List.of(); // as DSS: above the limit only object-level changes are analysed
        }
        List<PdfModification> differences = new ArrayList<>();
        int pages = Math.min(signedRevision.getNumberOfPages(), finalRevision.getNumberOfPages());
        for (int page = 1; page <= pages; page++) {
            if (PageFingerprints.samePage(signed.getPDDocument(), last.getPDDocument(), page)) {
                continue;
            }
            if (rendersDifferently(signedRevision, finalRevision, page)) {
                differences.add(new CommonPdfModification(page));
            }
        }
        return differences;
    }

    /** DSS's comparison for one page: annotations added after signing are left out of the final rendering. */
    private static boolean rendersDifferently(PdfDocumentReader signed, PdfDocumentReader last, int page) {
        try {
            BufferedImage before = signed.generateImageScreenshot(page);
            List<PdfAnnotation> signedAnnotations = signed.getPdfAnnotations(page);
            List<PdfAnnotation> added = last.getPdfAnnotations(page).stream()
                    .filter(annotation -> !signedAnnotations.contains(annotation)).toList();
            BufferedImage after = last.generateImageScreenshotWithoutAnnotations(page, added);
            boolean different = !ImageUtils.imagesEqual(before, after);
            if (different) {
                log.warn("page {} looks different in the final document than in the signed revision", page);
            }
            return different;
        } catch (IOException e) {
            log.warn("cannot render page {} to compare revisions: {}", page, e.toString());
            return false;
        }
    }
}
