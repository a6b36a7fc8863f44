package be.paraaf.validation.legit;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.DiagnosticDataFacade;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What DSS's modification detection says about one PDF revision (a signature's or a document time-stamp's),
 * read from the diagnostic data: the object changes DSS could not place (undefined), the pages whose rendering
 * differs, the pages where annotations overlap, and the changes DSS did recognise, by category.
 */
public record DssModifications(String tokenId, String kind, List<String> fieldNames, List<String> undefined,
        List<Integer> visualDifferencePages, List<Integer> annotationOverlapPages, List<Integer> pageDifferencePages,
        List<String> signatureOrFormFill, List<String> annotationChanges, int extensionChanges) {

    /** No undefined object change, no visual difference, no annotation overlap, no page added or removed. */
    public boolean clean() {
        return undefined.isEmpty() && visualDifferencePages.isEmpty() && annotationOverlapPages.isEmpty()
                && pageDifferencePages.isEmpty();
    }

    public String describe() {
        return kind + " " + tokenId + " " + fieldNames + ": undefined=" + undefined + ", visual="
                + visualDifferencePages + ", overlap=" + annotationOverlapPages + ", pages=" + pageDifferencePages
                + ", signatureOrFormFill=" + signatureOrFormFill.size() + ", annotationChanges=" + annotationChanges
                + ", extensionChanges=" + extensionChanges;
    }

    /** Every signature's and every document time-stamp's revision, signatures first, in diagnostic order. */
    public static List<DssModifications> of(String diagnosticXml) {
        DiagnosticData data;
        try {
            data = new DiagnosticData(DiagnosticDataFacade.newFacade().unmarshall(diagnosticXml));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable diagnostic data", e);
        }
        List<DssModifications> revisions = new ArrayList<>();
        for (SignatureWrapper signature : data.getSignatures()) {
            if (signature.getPDFRevision() != null) {
                revisions.add(of(signature.getId(), "signature", signature.getPDFRevision()));
            }
        }
        for (TimestampWrapper timestamp : data.getTimestampList()) {
            if (timestamp.getPDFRevision() != null) {
                revisions.add(of(timestamp.getId(), "document-timestamp", timestamp.getPDFRevision()));
            }
        }
        return revisions;
    }

    static DssModifications of(String id, String kind, PDFRevisionWrapper revision) {
        return new DssModifications(id, kind, revision.getSignatureFieldNames(),
                texts(revision.getPdfUndefinedChanges()), pages(revision.getPdfVisualDifferenceConcernedPages()),
                pages(revision.getPdfAnnotationsOverlapConcernedPages()),
                pages(revision.getPdfPageDifferenceConcernedPages()),
                texts(revision.getPdfSignatureOrFormFillChanges()), texts(revision.getPdfAnnotationChanges()),
                revision.getPdfExtensionChanges().size());
    }

    private static List<String> texts(List<XmlObjectModification> modifications) {
        return modifications.stream().map(m -> m.getAction() + " " + m.getValue()
                + (m.getType() == null ? "" : " (" + m.getType() + ")")
                + (m.getFieldName() == null ? "" : " field " + m.getFieldName())).toList();
    }

    private static List<Integer> pages(List<BigInteger> pages) {
        return pages.stream().map(BigInteger::intValue).toList();
    }
}
