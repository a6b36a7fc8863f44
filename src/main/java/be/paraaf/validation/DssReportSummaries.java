package be.paraaf.validation;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.validation.ValidationSummary.CertificateSummary;
import be.paraaf.validation.ValidationSummary.SignatureSummary;
import be.paraaf.validation.ValidationSummary.TimestampSummary;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlDetails;
import eu.europa.esig.dss.simplereport.jaxb.XmlMessage;
import eu.europa.esig.dss.simplereport.jaxb.XmlSignature;
import eu.europa.esig.dss.simplereport.jaxb.XmlTimestamp;
import eu.europa.esig.dss.simplereport.jaxb.XmlToken;
import eu.europa.esig.dss.validation.reports.Reports;
import java.math.BigInteger;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns DSS's reports into paraaf's {@link ValidationSummary}: the edge where DSS types stop. */
final class DssReportSummaries {

    private DssReportSummaries() {
    }

    static ValidationSummary summarise(String id, String documentType, long documentLength, Reports reports,
            String policyName, Map<String, String> reportLinks) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        Map<String, XmlTimestamp> simpleTimestamps = simpleTimestamps(simple);

        Set<String> documentTimestampFields = diagnostic.getTimestampList().stream()
                .filter(timestamp -> timestamp.getPDFRevision() != null)
                .flatMap(timestamp -> timestamp.getPDFRevision().getSignatureFieldNames().stream())
                .collect(Collectors.toSet());
        List<SignatureSummary> signatures = new ArrayList<>();
        for (XmlToken token : simple.getJaxbModel().getSignatureOrTimestampOrEvidenceRecord()) {
            if (token instanceof XmlSignature signature) {
                signatures.add(signature(signature, diagnostic.getSignatureById(signature.getId()), documentLength,
                        documentTimestampFields));
            }
        }
        List<TimestampSummary> timestamps = diagnostic.getTimestampList().stream()
                .map(timestamp -> timestamp(timestamp, simpleTimestamps.get(timestamp.getId()), simple))
                .toList();
        return new ValidationSummary(id, simple.getDocumentFilename(), documentType,
                instant(simple.getValidationTime()), policyName, simple.getSignaturesCount(),
                simple.getValidSignaturesCount(), signatures, timestamps, reportLinks);
    }

    private static SignatureSummary signature(XmlSignature simple, SignatureWrapper diagnostic, long documentLength,
            Set<String> documentTimestampFields) {
        String indication = name(simple.getIndication());
        String subIndication = name(simple.getSubIndication());
        CertificateWrapper signer = diagnostic == null ? null : diagnostic.getSigningCertificate();
        String subjectSerial = signer == null ? null : signer.getSubjectSerialNumber();
        PDFRevisionWrapper revision = diagnostic == null ? null : diagnostic.getPDFRevision();
        Modifications modifications = Modifications.of(revision, documentTimestampFields);
        return new SignatureSummary(
                simple.getId(),
                revision == null ? null : revision.getFirstFieldName(),
                Verdict.of(indication),
                indication,
                subIndication,
                Reasons.explain(simple.getIndication(), simple.getSubIndication()),
                simple.getSignatureFormat() == null ? null : simple.getSignatureFormat().toString(),
                simple.getSignatureLevel() == null || simple.getSignatureLevel().getValue() == null ? null
                        : simple.getSignatureLevel().getValue().getReadable(),
                signerName(simple, signer),
                nationalRegisterNumber(subjectSerial).orElse(null),
                subjectSerial,
                instant(simple.getSigningTime()),
                instant(simple.getBestSignatureTime()),
                revision == null || coversWholeFile(revision.getSignatureByteRange(), documentLength),
                modifications.level(),
                modifications.descriptions(),
                diagnostic == null ? List.of() : chain(diagnostic.getCertificateChain()),
                diagnostic == null ? List.of() : diagnostic.getTimestampIdsList(),
                messages(simple.getAdESValidationDetails(), true),
                messages(simple.getAdESValidationDetails(), false));
    }

    private static TimestampSummary timestamp(TimestampWrapper diagnostic, XmlTimestamp simple, SimpleReport report) {
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

    /** Time-stamps appear at the top level (document time-stamps) and inside each signature. */
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

    private static boolean coversWholeFile(List<BigInteger> byteRange, long documentLength) {
        if (byteRange == null || byteRange.size() != 4) {
            return false;
        }
        return byteRange.get(2).add(byteRange.get(3)).longValue() == documentLength;
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

    private static List<String> messages(XmlDetails details, boolean errors) {
        if (details == null) {
            return List.of();
        }
        List<XmlMessage> messages = errors ? details.getError() : details.getWarning();
        return messages.stream().map(XmlMessage::getValue).distinct().toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** What DSS's modification detection found after one PDF signature, in plain words. */
    record Modifications(ModificationLevel level, List<String> descriptions) {

        /** Document time-stamps added later (B-LTA, renewals) preserve the document: they are not counted. */
        static Modifications of(PDFRevisionWrapper revision, Set<String> documentTimestampFields) {
            if (revision == null) {
                return new Modifications(ModificationLevel.NONE, List.of());
            }
            ModificationLevel level = ModificationLevel.NONE;
            List<String> descriptions = new ArrayList<>();
            if (!revision.getPdfPageDifferenceConcernedPages().isEmpty()) {
                level = ModificationLevel.OTHER;
                descriptions.add("pages were added or removed after signing (page "
                        + pages(revision.getPdfPageDifferenceConcernedPages()) + ")");
            }
            if (!revision.getPdfVisualDifferenceConcernedPages().isEmpty()) {
                level = ModificationLevel.OTHER;
                descriptions.add("what the page shows changed after signing (page "
                        + pages(revision.getPdfVisualDifferenceConcernedPages()) + ")");
            }
            if (!revision.getPdfUndefinedChanges().isEmpty()) {
                level = ModificationLevel.OTHER;
                descriptions.add("objects outside forms, annotations and validation data changed: "
                        + objects(revision.getPdfUndefinedChanges()));
            }
            if (!revision.getPdfAnnotationsOverlapConcernedPages().isEmpty()) {
                level = level.max(ModificationLevel.ANNOTATIONS);
                descriptions.add("annotations overlap (page " + pages(revision.getPdfAnnotationsOverlapConcernedPages())
                        + ")");
            }
            if (!revision.getPdfAnnotationChanges().isEmpty()) {
                level = level.max(ModificationLevel.ANNOTATIONS);
                descriptions.add("annotations changed: " + objects(revision.getPdfAnnotationChanges()));
            }
            List<String> fields = revision.getModifiedFieldNames().stream()
                    .filter(field -> !documentTimestampFields.contains(field)).toList();
            boolean onlyTimestamps = !revision.getModifiedFieldNames().isEmpty() && fields.isEmpty();
            if (!revision.getPdfSignatureOrFormFillChanges().isEmpty() && !onlyTimestamps) {
                level = level.max(ModificationLevel.FORM_FILLING);
                descriptions.add("form fields filled or signed later" + (fields.isEmpty() ? ""
                        : ": " + String.join(", ", fields)));
            }
            return new Modifications(level, List.copyOf(descriptions));
        }

        private static String pages(List<BigInteger> pages) {
            return pages.stream().map(BigInteger::toString).collect(Collectors.joining(", "));
        }

        private static String objects(List<XmlObjectModification> modifications) {
            return modifications.stream()
                    .map(change -> (change.getAction() == null ? "" : change.getAction().name().toLowerCase() + " ")
                            + (change.getType() == null ? "" : change.getType() + " ")
                            + (change.getValue() == null ? "" : change.getValue()))
                    .map(String::strip).distinct().limit(10).collect(Collectors.joining("; "));
        }
    }

    /** Plain words for the ETSI EN 319 102-1 indications a verifier meets most. */
    static final class Reasons {

        private Reasons() {
        }

        static String explain(Indication indication, SubIndication subIndication) {
            if (indication == Indication.TOTAL_PASSED || indication == Indication.PASSED) {
                return "The signature is valid.";
            }
            if (subIndication == null) {
                return indication == null ? "The signature could not be validated."
                        : "The signature is " + indication.name().toLowerCase().replace('_', ' ') + ".";
            }
            return switch (subIndication) {
                case HASH_FAILURE -> "The document was changed after it was signed.";
                case SIG_CRYPTO_FAILURE -> "The signature value does not match the signed data.";
                case REVOKED -> "The signer's certificate was revoked.";
                case REVOKED_NO_POE, REVOKED_CA_NO_POE ->
                        "The signer's certificate was revoked, and nothing proves the signature existed before.";
                case NO_CERTIFICATE_CHAIN_FOUND, NO_CERTIFICATE_CHAIN_FOUND_NO_POE ->
                        "The signer's certificate does not lead to a trusted certification authority.";
                case OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED ->
                        "The signer's certificate was expired or not yet valid at signing time.";
                case TRY_LATER -> "No revocation information is available yet; try again later.";
                case CRYPTO_CONSTRAINTS_FAILURE, CRYPTO_CONSTRAINTS_FAILURE_NO_POE ->
                        "The signature uses an algorithm or key size that is no longer considered secure.";
                case SIGNED_DATA_NOT_FOUND -> "The signed data was not found (a detached signature needs its original).";
                case FORMAT_FAILURE -> "The signature is not correctly formatted.";
                case NO_SIGNING_CERTIFICATE_FOUND -> "The signer's certificate is missing.";
                case POLICY_PROCESSING_ERROR -> "The signature policy could not be processed.";
                case SIGNATURE_POLICY_NOT_AVAILABLE -> "The signature policy is not available.";
                case TIMESTAMP_ORDER_FAILURE -> "The time-stamps are in an impossible order.";
                case NO_POE -> "Nothing proves the signature existed while its certificate was valid.";
                case CHAIN_CONSTRAINTS_FAILURE -> "The certificate chain does not meet the validation policy.";
                case CERTIFICATE_CHAIN_GENERAL_FAILURE -> "The certificate chain is invalid.";
                case SIG_CONSTRAINTS_FAILURE -> "The signature does not meet the validation policy.";
                case EXPIRED -> "The signer's certificate has expired and the signature has no long-term proof.";
                case NOT_YET_VALID -> "The signature was made before the signer's certificate was valid.";
                default -> "The signature is " + (indication == null ? "indeterminate"
                        : indication.name().toLowerCase().replace('_', ' ')) + " (" + subIndication.name() + ").";
            };
        }
    }
}
