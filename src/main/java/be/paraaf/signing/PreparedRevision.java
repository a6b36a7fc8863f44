package be.paraaf.signing;

import eu.europa.esig.dss.model.CommonDocument;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pdf.PdfSignatureCache;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;

/**
 * The revision a two-step prepare appended to the document — signature dictionary with its empty {@code /Contents}
 * hole, field, appearance, cross-reference section — and the digest of its byte ranges (ISO 32000-1 §12.8.1). Kept
 * with the pending signature, it lets completion hand DSS the very revision prepare built, so DSS only writes the
 * CMS into the hole ({@link PreparedRevisionSignatureService}) instead of rebuilding the revision with PDFBox.
 */
record PreparedRevision(byte[] appended, byte[] digest) {

    /** What {@code getDataToSign} left in {@code parameters}' signature cache; null when it left nothing. */
    static PreparedRevision of(PAdESSignatureParameters parameters, long originalLength) {
        PdfSignatureCache cache = parameters.getPdfSignatureCache();
        if (cache.getToBeSignedDocument() == null || cache.getMessageDigest() == null) {
            return null;
        }
        try (InputStream in = cache.getToBeSignedDocument().openStream()) {
            in.skipNBytes(originalLength);
            return new PreparedRevision(in.readAllBytes(), cache.getMessageDigest().getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts a stored revision back into {@code parameters}' signature cache, as if {@code getDataToSign} had just run
     * with them on {@code original}; without one (a row stored before revisions were kept) DSS rebuilds it.
     */
    static void restore(byte[] appended, byte[] digest, PAdESSignatureParameters parameters, byte[] original) {
        if (appended == null || digest == null) {
            return;
        }
        PdfSignatureCache cache = parameters.getPdfSignatureCache();
        cache.setToBeSignedDocument(new Appended(original, appended));
        cache.setMessageDigest(new DSSMessageDigest(parameters.getDigestAlgorithm(), digest));
    }

    /** The original document followed by the prepared revision, read without copying either. */
    private static final class Appended extends CommonDocument {

        private final byte[] original;
        private final byte[] appended;

        Appended(byte[] original, byte[] appended) {
            this.original = original;
            this.appended = appended;
        }

        @Override
        public InputStream openStream() {
            return new SequenceInputStream(new ByteArrayInputStream(original), new ByteArrayInputStream(appended));
        }
    }
}
