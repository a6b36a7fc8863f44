package be.paraaf.validation;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.validation.ValidationSummary.CertificateSummary;
import be.paraaf.validation.ValidationSummary.TimestampSummary;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignatureScope;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureScopeType;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlDetails;
import eu.europa.esig.dss.simplereport.jaxb.XmlMessage;
import eu.europa.esig.dss.simplereport.jaxb.XmlSignature;
import eu.europa.esig.dss.simplereport.jaxb.XmlTimestamp;
import eu.europa.esig.dss.simplereport.jaxb.XmlToken;
import eu.europa.esig.dss.validation.reports.Reports;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Turns DSS's reports into paraaf's own values ({@link DssResults}): the edge where DSS types stop. What
 * DSS's modification detection found at each revision boundary (signatures and document time-stamps alike,
 * since DSS files the changes made after a document time-stamp under that time-stamp) becomes findings.
 */
final class DssReportSummaries {

    /** The detail of DSS's rendering comparison; paraaf drops pages it explains by widgets that changed. */
    static final String RENDERING_DIFFERS = "DSS: the page renders differently";

    /**
     * Object changes DSS calls undefined that signing tools make on legitimate documents: tagged-PDF
     * structure for a new widget (DSS-2821: /StructParents, /Tabs, /StructTreeRoot), and an appearance
     * stream's /FormType written by one tool and not by another.
     */
    private static final java.util.regex.Pattern HARMLESS_UNDEFINED = java.util.regex.Pattern.compile(
            ".*(/StructParents?|/Tabs|/FormType)\\s*$|.*/StructTreeRoot\\b.*");

    private DssReportSummaries() {
    }

    /**
     * One signature as DSS validated it.
     *
     * @param byteRange the PDF byte range (empty for XML)
     * @param wholeDocument for XML: whether a signature scope covers the whole document; null for PDF
     * @param certification the DocMDP permission (1–3) DSS read, null when none
     * @param primary what DSS's modification detection found after this revision, mapped to findings
     * @param fallback DSS's form-fill and annotation findings, used when paraaf's own comparison could not run
     */
    record DssSignature(String id, String fieldName, List<Long> byteRange, String indication, String subIndication,
            String level, String qualification, String signerName, String nationalRegisterNumber,
            String subjectSerialNumber, Instant claimedSigningTime, Instant bestSigningTime,
            List<CertificateSummary> chain, List<String> timestampIds, List<String> errors, List<String> warnings,
            Boolean wholeDocument, Integer certification, List<Finding> primary, List<Finding> fallback) {
    }

    /** A revision boundary DSS analysed: where its signed bytes end and what it found after it. */
    record DssBoundary(long signedEnd, List<Finding> primary, List<Finding> fallback) {
    }

    record DssResults(String documentName, Instant validationTime, List<DssSignature> signatures,
            List<TimestampSummary> timestamps, Map<String, List<Long>> timestampByteRanges,
            List<DssBoundary> boundaries) {
    }

    static DssResults convert(Reports reports) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        Map<String, XmlTimestamp> simpleTimestamps = simpleTimestamps(simple);
        List<DssSignature> signatures = new ArrayList<>();
        List<DssBoundary> boundaries = new ArrayList<>();
        for (XmlToken token : simple.getJaxbModel().getSignatureOrTimestampOrEvidenceRecord()) {
            if (token instanceof XmlSignature signature) {
                SignatureWrapper wrapper = diagnostic.getSignatureById(signature.getId());
                DssSignature converted = signature(signature, wrapper);
                signatures.add(converted);
                if (wrapper != null && wrapper.getPDFRevision() != null) {
                    boundaries.add(boundary(wrapper.getPDFRevision(), converted.primary(), converted.fallback()));
                }
            }
        }
        Map<String, List<Long>> timestampRanges = new LinkedHashMap<>();
        for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
            PDFRevisionWrapper revision = timestamp.getPDFRevision();
            if (revision != null) {
                timestampRanges.put(timestamp.getId(), longs(revision.getSignatureByteRange()));
                boundaries.add(boundary(revision, findings(revision, true), findings(revision, false)));
            }
        }
        List<TimestampSummary> timestamps = diagnostic.getTimestampList().stream()
                .map(timestamp -> timestamp(timestamp, simpleTimestamps.get(timestamp.getId())))
                .toList();
        return new DssResults(simple.getDocumentFilename(), instant(simple.getValidationTime()), signatures,
                timestamps, timestampRanges, boundaries);
    }

    private static DssBoundary boundary(PDFRevisionWrapper revision, List<Finding> primary, List<Finding> fallback) {
        List<Long> range = longs(revision.getSignatureByteRange());
        long end = range.size() == 4 ? range.get(2) + range.get(3) : -1;
        return new DssBoundary(end, primary, fallback);
    }

    private static DssSignature signature(XmlSignature simple, SignatureWrapper diagnostic) {
        CertificateWrapper signer = diagnostic == null ? null : diagnostic.getSigningCertificate();
        String subjectSerial = signer == null ? null : signer.getSubjectSerialNumber();
        PDFRevisionWrapper revision = diagnostic == null ? null : diagnostic.getPDFRevision();
        Boolean wholeDocument = null;
        if (revision == null && diagnostic != null) {
            List<XmlSignatureScope> scopes = diagnostic.getSignatureScopes();
            wholeDocument = scopes != null && scopes.stream().anyMatch(scope -> scope.getScope() == SignatureScopeType.FULL);
        }
        return new DssSignature(
                simple.getId(),
                revision == null ? null : revision.getFirstFieldName(),
                revision == null ? List.of() : longs(revision.getSignatureByteRange()),
                name(simple.getIndication()),
                name(simple.getSubIndication()),
                simple.getSignatureFormat() == null ? null : simple.getSignatureFormat().toString(),
                simple.getSignatureLevel() == null || simple.getSignatureLevel().getValue() == null ? null
                        : simple.getSignatureLevel().getValue().getReadable(),
                signerName(simple, signer),
                nationalRegisterNumber(subjectSerial).orElse(null),
                subjectSerial,
                instant(simple.getSigningTime()),
                instant(simple.getBestSignatureTime()),
                diagnostic == null ? List.of() : chain(diagnostic.getCertificateChain()),
                diagnostic == null ? List.of() : diagnostic.getTimestampIdsList(),
                messages(simple.getAdESValidationDetails(), true),
                messages(simple.getAdESValidationDetails(), false),
                wholeDocument,
                revision == null ? null : permission(revision.getDocMDPPermissions()),
                revision == null ? List.of() : findings(revision, true),
                revision == null ? List.of() : findings(revision, false));
    }

    private static Integer permission(CertificationPermission permission) {
        return permission == null ? null : permission.getCode();
    }

    /**
     * DSS's findings after a revision. Primary: what paraaf's own comparison does not see as DSS does (pages
     * rendered differently, pages added or removed, objects outside forms and annotations, validation
     * data). Fallback: form filling and annotations, which paraaf compares itself.
     */
    private static List<Finding> findings(PDFRevisionWrapper revision, boolean primary) {
        List<Finding> findings = new ArrayList<>();
        if (primary) {
            if (!revision.getPdfVisualDifferenceConcernedPages().isEmpty()) {
                findings.add(Finding.onPages(FindingCode.PAGE_CONTENT_CHANGED,
                        pages(revision.getPdfVisualDifferenceConcernedPages()), RENDERING_DIFFERS));
            }
            if (!revision.getPdfPageDifferenceConcernedPages().isEmpty()) {
                findings.add(Finding.onPages(FindingCode.PAGES_ADDED_OR_REMOVED,
                        pages(revision.getPdfPageDifferenceConcernedPages()), "DSS: the number of pages differs"));
            }
            List<XmlObjectModification> undefined = revision.getPdfUndefinedChanges().stream()
                    .filter(change -> change.getValue() == null || !HARMLESS_UNDEFINED.matcher(change.getValue()).matches())
                    .toList();
            if (!undefined.isEmpty()) {
                findings.add(Finding.of(FindingCode.OBJECTS_CHANGED, "DSS undefined changes: " + objects(undefined)));
            }
            if (!revision.getPdfExtensionChanges().isEmpty()) {
                findings.add(Finding.of(FindingCode.VALIDATION_DATA_ADDED, "DSS: "
                        + objects(revision.getPdfExtensionChanges())));
            }
        } else {
            if (!revision.getPdfAnnotationChanges().isEmpty()) {
                findings.add(Finding.of(FindingCode.ANNOTATION_CHANGED, "DSS: "
                        + objects(revision.getPdfAnnotationChanges())).with("subtype", "other"));
            }
            if (!revision.getPdfSignatureOrFormFillChanges().isEmpty()) {
                String fields = String.join(", ", revision.getModifiedFieldNames());
                findings.add(Finding.of(FindingCode.FORM_FIELD_FILLED, "DSS: "
                        + objects(revision.getPdfSignatureOrFormFillChanges())).with("field", fields));
            }
        }
        return findings;
    }

    private static TimestampSummary timestamp(TimestampWrapper diagnostic, XmlTimestamp simple) {
        String indication = simple == null ? null : name(simple.getIndication());
        String subIndication = simple == null ? null : name(simple.getSubIndication());
        String producedBy = simple != null && simple.getProducedBy() != null ? simple.getProducedBy()
                : diagnostic.getSigningCertificate() == null ? null : diagnostic.getSigningCertificate().getCommonName();
        return new TimestampSummary(diagnostic.getId(), diagnostic.getType() == null ? null : diagnostic.getType().name(),
                Verdict.of(indication), indication, subIndication, instant(diagnostic.getProductionTime()), producedBy,
                simple == null ? List.of() : messages(simple.getAdESValidationDetails(), true),
                diagnostic.getSigningCertificate() == null ? null
                        : instant(diagnostic.getSigningCertificate().getNotAfter()),
                diagnostic.getMessageImprint() == null || diagnostic.getMessageImprint().getDigestMethod() == null
                        ? null : diagnostic.getMessageImprint().getDigestMethod().name());
    }

    private static Map<String, XmlTimestamp> simpleTimestamps(SimpleReport simple) {
        Map<String, XmlTimestamp> byId = new LinkedHashMap<>();
        for (XmlToken token : simple.getJaxbModel().getSignatureOrTimestampOrEvidenceRecord()) {
            if (token instanceof XmlTimestamp timestamp) {
                byId.put(timestamp.getId(), timestamp);
            } else if (token instanceof XmlSignature signature && signature.getTimestamps() != null) {
                signature.getTimestamps().getTimestamp().forEach(timestamp -> byId.put(timestamp.getId(), timestamp));
            }
        }
        return byId;
    }

    private static String signerName(XmlSignature simple, CertificateWrapper signer) {
        if (signer != null && signer.getGivenName() != null && signer.getSurname() != null) {
            return signer.getGivenName() + " " + signer.getSurname();
        }
        if (signer != null && signer.getCommonName() != null) {
            return signer.getCommonName();
        }
        return simple.getSignedBy();
    }

    /** Belgian eID puts the bare number in SERIALNUMBER; ETSI EN 319 412-1 writes it as PNOBE-number. */
    static Optional<String> nationalRegisterNumber(String subjectSerialNumber) {
        if (subjectSerialNumber == null) {
            return Optional.empty();
        }
        String candidate = subjectSerialNumber.startsWith("PNOBE-") ? subjectSerialNumber.substring(6)
                : subjectSerialNumber;
        try {
            return Optional.of(NationalRegisterNumber.parse(candidate).value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<CertificateSummary> chain(List<CertificateWrapper> certificates) {
        return certificates.stream().map(certificate -> new CertificateSummary(readable(certificate.getCertificateDN()),
                readable(certificate.getCertificateIssuerDN()), certificate.getSerialNumber(), instant(certificate.getNotBefore()),
                instant(certificate.getNotAfter()), certificate.isTrusted())).toList();
    }

    /** DSS gives RFC 2253 with SERIALNUMBER, GIVENNAME, SURNAME as hex-encoded OIDs; name them. */
    static String readable(String rfc2253) {
        if (rfc2253 == null) {
            return null;
        }
        try {
            X500Name name = X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
            return new X500Name(BCStyle.INSTANCE, name).toString();
        } catch (IllegalArgumentException e) {
            return rfc2253;
        }
    }

    /** The ETSI sub-indications that say the signed bytes or the signature value do not match. */
    static boolean isHashFailure(String subIndication) {
        return SubIndication.HASH_FAILURE.name().equals(subIndication)
                || SubIndication.SIG_CRYPTO_FAILURE.name().equals(subIndication);
    }

    static boolean passed(String indication) {
        return Indication.TOTAL_PASSED.name().equals(indication) || Indication.PASSED.name().equals(indication);
    }

    private static List<String> messages(XmlDetails details, boolean errors) {
        if (details == null) {
            return List.of();
        }
        List<XmlMessage> messages = errors ? details.getError() : details.getWarning();
        return messages.stream().map(XmlMessage::getValue).distinct().toList();
    }

    private static List<Long> longs(List<BigInteger> values) {
        return values == null ? List.of() : values.stream().map(BigInteger::longValue).toList();
    }

    private static List<Integer> pages(List<BigInteger> pages) {
        return pages.stream().map(BigInteger::intValue).toList();
    }

    private static String objects(List<XmlObjectModification> modifications) {
        return modifications.stream()
                .map(change -> (change.getAction() == null ? "" : change.getAction().name().toLowerCase() + " ")
                        + (change.getType() == null ? "" : change.getType() + " ")
                        + (change.getValue() == null ? "" : change.getValue()))
                .map(String::strip).distinct().limit(10).collect(Collectors.joining("; "));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
