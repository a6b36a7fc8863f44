package be.paraaf.validation;

import eu.europa.esig.dss.diagnostic.EvidenceRecordWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.evidencerecord.asn1.validation.ASN1EvidenceRecordValidator;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlDetails;
import eu.europa.esig.dss.simplereport.jaxb.XmlEvidenceRecord;
import eu.europa.esig.dss.simplereport.jaxb.XmlMessage;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Independent check of an RFC 4998 evidence record with DSS's evidence-record validation
 * ({@code dss-evidence-record-asn1}, ETSI TS 119 102-1 process for evidence records): the archive time-stamps,
 * their chains and renewals, and whether each given document is covered by the record and unchanged.
 */
@Service
public class EvidenceRecordValidation {

    private final CertificateVerifier certificateVerifier;

    EvidenceRecordValidation(CertificateVerifier certificateVerifier) {
        this.certificateVerifier = certificateVerifier;
    }

    /**
     * @param indication DSS's indication for the record (TOTAL_PASSED, INDETERMINATE, FAILED)
     * @param subIndication why not, if not passed
     * @param documents the documents given, each with whether the record covers it unchanged
     * @param timestamps archive time-stamps in the record
     * @param proofOfExistence the time the record proves the documents existed at
     * @param messages DSS's errors and warnings, in words
     */
    public record Result(String indication, String subIndication, List<CoveredDocument> documents, int timestamps,
            Instant proofOfExistence, List<String> messages) {

        public boolean passed() {
            return Indication.PASSED.name().equals(indication) || Indication.TOTAL_PASSED.name().equals(indication);
        }

        /**
         * The record holds for the documents given: DSS passes it and it covers each of them unchanged. (DSS's
         * indication alone concerns the record's time-stamps: a changed document is "not found" with a warning.)
         */
        public boolean verifies() {
            return passed() && coversAll();
        }

        /** Every given document is covered by the record and unchanged. */
        public boolean coversAll() {
            return !documents.isEmpty() && documents.stream().allMatch(CoveredDocument::intact);
        }
    }

    public record CoveredDocument(String name, boolean found, boolean intact) {
    }

    /** A document that the record should cover, by name and content. */
    public record Covered(String name, byte[] content) {
    }

    /** Validates {@code record} (DER) over {@code documents}, at {@code validationTime} (null: now). */
    public Result validate(byte[] record, List<Covered> documents, Instant validationTime) {
        ASN1EvidenceRecordValidator validator = new ASN1EvidenceRecordValidator(
                new InMemoryDocument(record, "evidence-record.ers"));
        validator.setCertificateVerifier(certificateVerifier);
        List<DSSDocument> detached = new ArrayList<>();
        for (Covered document : documents) {
            detached.add(new InMemoryDocument(document.content(), document.name()));
        }
        validator.setDetachedContents(detached);
        if (validationTime != null) {
            validator.setValidationTime(Date.from(validationTime));
        }
        Reports reports;
        try {
            reports = validator.validateDocument();
        } catch (DSSException | IllegalArgumentException e) {
            return new Result("FAILED", "FORMAT_FAILURE", List.of(), 0, null, List.of("unreadable evidence record: "
                    + e.getMessage()));
        }
        SimpleReport simple = reports.getSimpleReport();
        XmlEvidenceRecord result = simple.getEvidenceRecordById(simple.getFirstEvidenceRecordId());
        EvidenceRecordWrapper wrapper = reports.getDiagnosticData().getEvidenceRecords().get(0);
        List<CoveredDocument> covered = new ArrayList<>();
        for (Covered document : documents) {
            List<XmlDigestMatcher> matches = wrapper.getDigestMatchers().stream()
                    .filter(matcher -> document.name().equals(matcher.getDocumentName())).toList();
            covered.add(new CoveredDocument(document.name(), matches.stream().anyMatch(XmlDigestMatcher::isDataFound),
                    matches.stream().anyMatch(matcher -> matcher.isDataFound() && matcher.isDataIntact())));
        }
        List<String> messages = new ArrayList<>();
        messages(result.getAdESValidationDetails(), messages);
        return new Result(String.valueOf(result.getIndication()),
                result.getSubIndication() == null ? null : result.getSubIndication().name(), covered,
                wrapper.getTimestampList().size(),
                result.getPOETime() == null ? null : result.getPOETime().toInstant(), messages);
    }

    /**
     * What DSS says of an ASiC-E evidence package as a whole.
     *
     * @param signatureIndications per signature in the container, DSS's indication
     * @param evidenceRecordIndications per evidence record in the container, DSS's indication
     * @param evidenceRecordsCoverAll every evidence record found every data object it references, unchanged
     * @param dataObjects the container's data object names
     */
    public record ContainerResult(String containerType, List<String> signatureIndications,
            List<String> evidenceRecordIndications, boolean evidenceRecordsCoverAll, List<String> dataObjects,
            List<String> messages) {

        /** Every signature and every evidence record passes and the records cover the data unchanged. */
        public boolean verifies() {
            return !signatureIndications.isEmpty() && !evidenceRecordIndications.isEmpty()
                    && signatureIndications.stream().allMatch(ContainerResult::passed)
                    && evidenceRecordIndications.stream().allMatch(ContainerResult::passed)
                    && evidenceRecordsCoverAll;
        }

        private static boolean passed(String indication) {
            return Indication.PASSED.name().equals(indication) || Indication.TOTAL_PASSED.name().equals(indication);
        }
    }

    /** Validates an ASiC container (signatures, time-stamps and evidence records) at {@code validationTime}. */
    public ContainerResult validateContainer(byte[] container, Instant validationTime) {
        eu.europa.esig.dss.validation.SignedDocumentValidator validator =
                eu.europa.esig.dss.validation.SignedDocumentValidator.fromDocument(
                        new InMemoryDocument(container, "evidence.asice"));
        validator.setCertificateVerifier(certificateVerifier);
        if (validationTime != null) {
            validator.setValidationTime(Date.from(validationTime));
        }
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        List<String> messages = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            signatures.add(String.valueOf(simple.getIndication(id)));
            simple.getAdESValidationErrors(id).forEach(message -> messages.add("signature error: "
                    + message.getValue()));
        }
        List<String> records = new ArrayList<>();
        for (String id : simple.getEvidenceRecordIdList()) {
            XmlEvidenceRecord record = simple.getEvidenceRecordById(id);
            records.add(String.valueOf(record.getIndication()));
            messages(record.getAdESValidationDetails(), messages);
        }
        boolean covered = reports.getDiagnosticData().getEvidenceRecords().stream()
                .allMatch(record -> !record.getDigestMatchers().isEmpty() && record.getDigestMatchers().stream()
                        .allMatch(matcher -> matcher.isDataFound() && matcher.isDataIntact()));
        return new ContainerResult(String.valueOf(reports.getDiagnosticData().getContainerType()), signatures,
                records, covered, reports.getDiagnosticData().getContainerInfo() == null ? List.of()
                        : reports.getDiagnosticData().getContainerInfo().getContentFiles(), messages);
    }

    private static void messages(XmlDetails details, List<String> into) {
        if (details == null) {
            return;
        }
        for (XmlMessage message : details.getError()) {
            into.add("error: " + message.getValue());
        }
        for (XmlMessage message : details.getWarning()) {
            into.add("warning: " + message.getValue());
        }
    }
}
