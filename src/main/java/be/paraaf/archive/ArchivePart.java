package be.paraaf.archive;

import java.time.Instant;

/**
 * One stored part of an archive entry, addressed by the SHA-256 of its bytes in the document store.
 *
 * @param name file name in the evidence package, e.g. {@code document.pdf}
 * @param version 1 when archived (renewal is per evidence-record batch and adds no version)
 */
public record ArchivePart(String name, int version, String mediaType, String sha256, long size, Instant createdAt) {

    public static final String DOCUMENT = "document.pdf";
    public static final String RECEIVED = "received.pdf";
    public static final String VALIDATION_SUMMARY = "validation-summary.json";
    public static final String VALIDATION_REPORT = "validation-report-etsi.xml";
    /** The archiving event and audit trail; sealed by the evidence package (entries before 2026-12 hold
     * {@code evidence-sealed.xml}, XAdES-B-LTA, with {@code evidence-validation-report-etsi.xml}). */
    public static final String EVIDENCE = "evidence.xml";
}
