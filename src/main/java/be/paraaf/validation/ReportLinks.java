package be.paraaf.validation;

/**
 * Where the downloads of a validation are found. The routes belong to the web layer, which implements this
 * port; a validation summary only lists them.
 */
public interface ReportLinks {

    /** One of the XML reports of a validation. */
    String report(String validationId, ReportKind kind);

    /** The PDF report of a validation. */
    String pdfReport(String validationId);

    /** A page of the revision a signature signed, as a picture ({@code signature} and {@code page} count from 1). */
    String signedPage(String validationId, int signature, int page);

    /** The same page as the document shows it now, with the changed areas framed. */
    String currentPage(String validationId, int signature, int page);
}
