package be.paraaf.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * paraaf's JSON view of one validation: a verdict per signature and per time-stamp, in the terms of
 * ETSI EN 319 102-1 (indication, sub-indication) and in plain words, with the downloadable DSS reports
 * (simple, detailed, diagnostic data, ETSI TS 119 102-2 validation report) listed under {@code reports}.
 */
public record ValidationSummary(
        String id,
        String documentName,
        String documentType,
        Instant validationTime,
        String policy,
        int signatureCount,
        int validSignatureCount,
        List<SignatureSummary> signatures,
        List<TimestampSummary> timestamps,
        Map<String, String> reports) {

    /**
     * One signature's result.
     *
     * @param level the format and baseline level found, e.g. {@code PAdES-BASELINE-LTA}
     * @param nationalRegisterNumber the Belgian national register number from the signer certificate's
     *        SERIALNUMBER (eID style, or ETSI EN 319 412-1 {@code PNOBE-}), when it is a valid one
     * @param coversWholeDocument whether the signed byte range reaches the end of the file
     * @param modificationLevel the worst change made after this signature
     * @param modifications what changed after this signature, in plain words
     */
    public record SignatureSummary(
            String id,
            String signatureFieldName,
            Verdict verdict,
            String indication,
            String subIndication,
            String reason,
            String level,
            String qualification,
            String signerName,
            String nationalRegisterNumber,
            String subjectSerialNumber,
            Instant claimedSigningTime,
            Instant bestSigningTime,
            boolean coversWholeDocument,
            ModificationLevel modificationLevel,
            List<String> modifications,
            List<CertificateSummary> chain,
            List<String> timestampIds,
            List<String> errors,
            List<String> warnings) {
    }

    /**
     * A time-stamp: a document time-stamp, or one inside a signature (signature / archive time-stamp).
     *
     * @param producerNotAfter end of validity of the TSA certificate that signed it: after that date the
     *        time-stamp proves nothing unless a later archive time-stamp covers it (what archive renewal watches)
     * @param digestAlgorithm the message-imprint algorithm, e.g. {@code SHA256}
     */
    public record TimestampSummary(
            String id,
            String type,
            Verdict verdict,
            String indication,
            String subIndication,
            Instant productionTime,
            String producedBy,
            List<String> errors,
            Instant producerNotAfter,
            String digestAlgorithm) {
    }

    /** A certificate of a signer's chain, from the signer to the trust anchor. */
    public record CertificateSummary(
            String subject,
            String issuer,
            String serialNumber,
            Instant notBefore,
            Instant notAfter,
            boolean trusted) {
    }
}
