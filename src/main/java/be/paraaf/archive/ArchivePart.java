package be.paraaf.archive;

import java.time.Instant;

/**
 * One stored part of an archive entry, addressed by the SHA-256 of its bytes in the document store.
 *
 * @param name file name in the evidence package, e.g. {@code document.pdf}
 * @param version 1 when archived; renewal adds 2, 3… for the PDF and the sealed evidence
 */
public record ArchivePart(String name, int version, String mediaType, String sha256, long size, Instant createdAt) {

    public static final String DOCUMENT = "document.pdf";
    public static final String RECEIVED = "received.pdf";
    public static final String VALIDATION_SUMMARY = "validation-summary.json";
    public static final String VALIDATION_REPORT = "validation-report-etsi.xml";
    public static final String EVIDENCE = "evidence-sealed.xml";
    public static final String EVIDENCE_VALIDATION_REPORT = "evidence-validation-report-etsi.xml";
}
