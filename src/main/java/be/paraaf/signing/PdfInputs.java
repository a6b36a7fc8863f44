package be.paraaf.signing;

import be.paraaf.pdf.PdfFiles;

/**
 * Refuses PDFs paraaf must not sign before DSS sees them: empty, not a PDF, truncated, damaged or
 * encrypted (see {@link PdfFiles}).
 */
final class PdfInputs {

    /** What signing needs to know about a PDF before it starts. */
    record PdfFacts(int pageCount, int signatureCount) {
    }

    private PdfInputs() {
    }

    static PdfFacts inspect(byte[] content) {
        return PdfFiles.read(content, PdfInputs::facts);
    }

    static PdfFacts inspect(java.nio.file.Path file) {
        return PdfFiles.read(file, PdfInputs::facts);
    }

    private static PdfFacts facts(org.apache.pdfbox.pdmodel.PDDocument document) throws java.io.IOException {
        return new PdfFacts(document.getNumberOfPages(), document.getSignatureDictionaries().size());
    }
}
