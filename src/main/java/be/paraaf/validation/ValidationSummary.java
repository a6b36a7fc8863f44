package be.paraaf.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * paraaf's JSON view of one validation: one verdict for the document, then a verdict per signature and per
 * time-stamp — the ETSI EN 319 102-1 result (indication, sub-indication) combined with what changed after
 * each signature under the modification policy — in plain words in nl, fr and en, with the downloadable DSS
 * reports (simple, detailed, diagnostic data, ETSI TS 119 102-2 validation report) listed under {@code reports}.
 *
 * @param policy the DSS validation policy (constraint.xml) the ETSI results come from
 * @param modificationPolicy the named policy that decides which changes after a signature are allowed
 * @param verdict the document's verdict: the worst of its signatures, plus whether allowed changes were made
 * @param verdictLabel the verdict in a word or two (a badge); {@code verdictText} says it in a sentence
 * @param findings what concerns the document as a whole (data outside any revision …)
 */
public record ValidationSummary(
        String id,
        String documentName,
        String documentType,
        Instant validationTime,
        String policy,
        String modificationPolicy,
        DocumentVerdict verdict,
        PlainWords verdictLabel,
        PlainWords verdictText,
        int signatureCount,
        int validSignatureCount,
        List<FindingSummary> findings,
        List<SignatureSummary> signatures,
        List<TimestampSummary> timestamps,
        Map<String, String> reports) {

    /** The same summary with other signature entries (the pictures added). */
    public ValidationSummary withSignatures(List<SignatureSummary> newSignatures) {
        return new ValidationSummary(id, documentName, documentType, validationTime, policy, modificationPolicy,
                verdict, verdictLabel, verdictText, signatureCount, validSignatureCount, findings, newSignatures,
                timestamps, reports);
    }

    /**
     * One signature's result.
     *
     * @param verdict the signature's verdict, changes after it included
     * @param adesVerdict what ETSI EN 319 102-1 validation alone says (DSS's indication), before change analysis
     * @param level the format and baseline level found, e.g. {@code PAdES-BASELINE-LTA}
     * @param qualification the qualification DSS determined (e.g. advanced or qualified signature)
     * @param nationalRegisterNumber the Belgian national register number from the signer certificate's
     *        SERIALNUMBER (eID style, or ETSI EN 319 412-1 {@code PNOBE-}), when it is a valid one
     * @param coversWholeDocument whether the signature covers the whole file (PDF: its byte range reaches the
     *        end; XML: a signature scope covers the whole document)
     * @param signedBytes how many bytes of the file the signer signed (the revision's length), for PDFs
     * @param certification the DocMDP permission when this is a certification signature: NO_CHANGES,
     *        FORM_FILLING or ANNOTATIONS
     * @param modificationLevel the worst change made after this signature
     * @param allowedModificationLevel the worst change the policy (and a certification) allows after it
     * @param modifications what changed after this signature, in English plain words (see {@code findings})
     * @param pictures the pages the findings name, as the signer signed them and as they are now (changes marked)
     */
    public record SignatureSummary(
            String id,
            String signatureFieldName,
            Verdict verdict,
            PlainWords verdictLabel,
            Verdict adesVerdict,
            String indication,
            String subIndication,
            String reason,
            PlainWords reasonText,
            String level,
            String qualification,
            String signerName,
            String nationalRegisterNumber,
            String subjectSerialNumber,
            Instant claimedSigningTime,
            Instant bestSigningTime,
            boolean coversWholeDocument,
            Long signedBytes,
            String certification,
            ModificationLevel modificationLevel,
            ModificationLevel allowedModificationLevel,
            List<String> modifications,
            List<FindingSummary> findings,
            List<CertificateSummary> chain,
            List<String> timestampIds,
            List<String> errors,
            List<String> warnings,
            List<PagePicture> pictures) {

        public SignatureSummary {
            pictures = pictures == null ? List.of() : List.copyOf(pictures);
        }

        /** A signature without pictures (they are added once the verdict is known, see RevisionPictures). */
        public SignatureSummary(String id, String signatureFieldName, Verdict verdict, PlainWords verdictLabel,
                Verdict adesVerdict, String indication, String subIndication, String reason, PlainWords reasonText,
                String level, String qualification, String signerName, String nationalRegisterNumber,
                String subjectSerialNumber, Instant claimedSigningTime, Instant bestSigningTime,
                boolean coversWholeDocument, Long signedBytes, String certification,
                ModificationLevel modificationLevel, ModificationLevel allowedModificationLevel,
                List<String> modifications, List<FindingSummary> findings, List<CertificateSummary> chain,
                List<String> timestampIds, List<String> errors, List<String> warnings) {
            this(id, signatureFieldName, verdict, verdictLabel, adesVerdict, indication, subIndication, reason,
                    reasonText, level, qualification, signerName, nationalRegisterNumber, subjectSerialNumber,
                    claimedSigningTime, bestSigningTime, coversWholeDocument, signedBytes, certification,
                    modificationLevel, allowedModificationLevel, modifications, findings, chain, timestampIds,
                    errors, warnings, List.of());
        }

        public SignatureSummary withPictures(List<PagePicture> newPictures) {
            return new SignatureSummary(id, signatureFieldName, verdict, verdictLabel, adesVerdict, indication,
                    subIndication, reason, reasonText, level, qualification, signerName, nationalRegisterNumber,
                    subjectSerialNumber, claimedSigningTime, bestSigningTime, coversWholeDocument, signedBytes,
                    certification, modificationLevel, allowedModificationLevel, modifications, findings, chain,
                    timestampIds, errors, warnings, newPictures);
        }
    }

    /**
     * One page a signature's findings name, pictured twice: as the signer signed it and as it is now.
     *
     * @param page the page (1-based) in the current document
     * @param signed where the picture of the signed revision's page is served; null when that revision had
     *        no such page (it was added afterwards)
     * @param current where the picture of the current page is served, changed areas framed in red
     * @param changedAreas how many areas were framed (0: the change is not visible on the page)
     */
    public record PagePicture(int page, String signed, String current, int changedAreas) {
    }

    /**
     * Something found about a signature or the document.
     *
     * @param level the change level it stands for under the policy; null for a broken signature or a note
     * @param pages the pages concerned (1-based), may be empty
     * @param text the finding in plain words, in nl, fr and en
     * @param detail technical detail (objects, offsets) for the detailed report, not for the plain view
     */
    public record FindingSummary(String code, ModificationLevel level, List<Integer> pages, PlainWords text,
            String detail) {
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
            String digestAlgorithm,
            PlainWords verdictLabel) {

        public TimestampSummary {
            if (verdictLabel == null && verdict != null) {
                verdictLabel = ValidationTexts.sentence("verdict.signature." + verdict.name(), Map.of(), null);
            }
        }

        /** A time-stamp whose verdict label comes from the validation texts. */
        public TimestampSummary(String id, String type, Verdict verdict, String indication, String subIndication,
                Instant productionTime, String producedBy, List<String> errors, Instant producerNotAfter,
                String digestAlgorithm) {
            this(id, type, verdict, indication, subIndication, productionTime, producedBy, errors, producerNotAfter,
                    digestAlgorithm, null);
        }
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
