package be.paraaf.validation;

import be.paraaf.validation.DssReportSummaries.DssBoundary;
import be.paraaf.validation.DssReportSummaries.DssResults;
import be.paraaf.validation.DssReportSummaries.DssSignature;
import be.paraaf.validation.PdfStructure.Analysis;
import be.paraaf.validation.PdfStructure.SignedRevision;
import be.paraaf.validation.ValidationSummary.FindingSummary;
import be.paraaf.validation.ValidationSummary.SignatureSummary;
import be.paraaf.validation.ValidationSummary.TimestampSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the verdicts are decided: DSS's ETSI results, paraaf's structural reading and the modification
 * policy meet here, without DSS types. A signature is INVALID when DSS says so or its byte range is not
 * what a PDF signature must be; CHANGED_AFTER_SIGNING when what changed after it (at any later revision
 * boundary, signatures and document time-stamps alike) exceeds what the policy and its certification
 * allow; INDETERMINATE when DSS could not decide; VALID otherwise. The document takes the worst.
 */
final class Verdicts {

    private static final Map<Integer, String> PERMISSIONS = Map.of(1, "NO_CHANGES", 2, "FORM_FILLING", 3, "ANNOTATIONS");

    private Verdicts() {
    }

    /** The inputs besides DSS's and the structure's results. */
    record Context(String id, String documentType, long documentLength, String dssPolicy, ModificationPolicy policy,
            Map<String, String> reports, byte[] pdf) {
    }

    static ValidationSummary judge(Context context, DssResults dss, Analysis structure) {
        ModificationPolicy policy = context.policy();
        List<SignedRevision> unmatched = new ArrayList<>(structure.signatures());
        List<SignatureSummary> signatures = new ArrayList<>();
        for (DssSignature signature : dss.signatures()) {
            SignedRevision ours = match(signature, unmatched);
            if (ours != null) {
                unmatched.remove(ours);
            }
            signatures.add(validated(signature, ours, dss, structure, context));
        }
        // what DSS did not validate: time-stamps DSS knows are not signatures; everything else is reported
        Set<SignedRevision> timestamps = new HashSet<>();
        for (SignedRevision revision : unmatched) {
            if (revision.documentTimestamp() && dss.timestampByteRanges().values().stream()
                    .anyMatch(revision::sameByteRange)) {
                timestamps.add(revision);
            }
        }
        int unvalidated = 0;
        for (SignedRevision revision : unmatched) {
            if (!timestamps.contains(revision)) {
                signatures.add(notValidated(++unvalidated, revision, context));
            }
        }
        List<FindingSummary> documentFindings = summaries(structure.documentFindings(), null, policy);
        DocumentVerdict verdict = documentVerdict(signatures, dss.timestamps(), timestamps, policy);
        int valid = (int) signatures.stream().filter(signature -> signature.verdict() == Verdict.VALID).count();
        return new ValidationSummary(context.id(), dss.documentName(), context.documentType(), dss.validationTime(),
                context.dssPolicy(), policy.name(), verdict,
                ValidationTexts.sentence("verdict.label." + verdict.name(), Map.of(), null),
                ValidationTexts.sentence("verdict.document." + verdict.name(), Map.of(), null), signatures.size(), valid,
                documentFindings, List.copyOf(signatures), dss.timestamps(), context.reports());
    }

    /**
     * An XML document holding a signature DSS could not read at all (e.g. duplicated signed properties, an
     * XML signature wrapping trick): the signature is reported INVALID, never turned into a refusal.
     */
    static ValidationSummary unreadableSignature(Context context, String documentName, String problem,
            java.time.Instant validationTime) {
        Finding unreadable = Finding.of(FindingCode.SIGNATURE_UNREADABLE, problem).with("problem", "validator")
                .with("field", "ds:Signature");
        List<FindingSummary> findings = summaries(List.of(unreadable), null, context.policy());
        PlainWords reason = findings.get(0).text();
        SignatureSummary signature = new SignatureSummary("unvalidated-1", null, Verdict.INVALID,
                ValidationTexts.sentence("verdict.signature.INVALID", Map.of(), null), null, null, null, reason.en(),
                reason, "XAdES", null, null, null, null, null, null, false, null, null, ModificationLevel.NONE,
                context.policy().allowedAfter(null), List.of(), findings, List.of(), List.of(), List.of(problem),
                List.of());
        DocumentVerdict verdict = DocumentVerdict.INVALID;
        return new ValidationSummary(context.id(), documentName, context.documentType(), validationTime,
                context.dssPolicy(), context.policy().name(), verdict,
                ValidationTexts.sentence("verdict.label." + verdict.name(), Map.of(), null),
                ValidationTexts.sentence("verdict.document." + verdict.name(), Map.of(), null), 1, 0, List.of(),
                List.of(signature), List.of(), context.reports());
    }

    private static SignedRevision match(DssSignature signature, List<SignedRevision> candidates) {
        for (SignedRevision candidate : candidates) {
            if (!signature.byteRange().isEmpty() && candidate.sameByteRange(signature.byteRange())) {
                return candidate;
            }
        }
        for (SignedRevision candidate : candidates) {
            if (signature.fieldName() != null && signature.fieldName().equals(candidate.fieldName())) {
                return candidate;
            }
        }
        return null;
    }

    private static SignatureSummary validated(DssSignature signature, SignedRevision ours, DssResults dss,
            Analysis structure, Context context) {
        ModificationPolicy policy = context.policy();
        List<Finding> integrity = new ArrayList<>();
        if (ours != null) {
            integrity.addAll(ours.integrity());
        }
        if (DssReportSummaries.isHashFailure(signature.subIndication())) {
            integrity.add(Finding.of(FindingCode.HASH_MISMATCH, "DSS: " + signature.subIndication()));
        }
        List<Finding> changes = new ArrayList<>();
        long signedEnd = signedEnd(signature.byteRange());
        boolean pdf = !signature.byteRange().isEmpty() || ours != null;
        if (pdf) {
            if (ours != null && structure.readable()) {
                changes.addAll(ours.changes());
            }
            for (DssBoundary boundary : dss.boundaries()) {
                if (signedEnd >= 0 && boundary.signedEnd() >= signedEnd) {
                    changes.addAll(boundary.primary());
                    if (!structure.readable() || ours == null) {
                        changes.addAll(boundary.fallback());
                    }
                }
            }
            if (ours == null && !signature.byteRange().isEmpty()) {
                changes.addAll(signature.fallback());
            }
        } else if (Boolean.FALSE.equals(signature.wholeDocument())) {
            changes.add(Finding.of(FindingCode.NOT_WHOLE_DOCUMENT, "XML signature scopes do not cover the whole document"));
        }
        if (ours != null && structure.readable()) {
            changes = explainRendering(changes);
        }
        Integer certification = ours != null && ours.certification() != null ? ours.certification()
                : signature.certification();
        List<Finding> merged = merge(changes);
        ModificationLevel level = worstChange(merged, policy);
        ModificationLevel allowed = policy.allowedAfter(certification);
        List<Finding> notes = new ArrayList<>();
        Verdict ades = Verdict.of(signature.indication());
        Verdict verdict;
        if (!policy.changesAffectVerdict()) {
            verdict = ades;
        } else if (ades == Verdict.INVALID || !integrity.isEmpty()) {
            verdict = Verdict.INVALID;
        } else if (level.exceeds(allowed)) {
            verdict = Verdict.CHANGED_AFTER_SIGNING;
            if (certification != null) {
                notes.add(Finding.of(FindingCode.CERTIFICATION_FORBIDS_CHANGE, "DocMDP P=" + certification)
                        .with("permission", certification.toString()));
            }
        } else {
            verdict = ades;
        }
        List<Finding> all = new ArrayList<>(merge(integrity));
        all.addAll(merged);
        all.addAll(notes);
        String signer = signature.signerName();
        List<FindingSummary> findings = summaries(all, signer, policy);
        PlainWords reasonText = verdict == Verdict.CHANGED_AFTER_SIGNING
                ? ValidationTexts.reason("CHANGED_AFTER_SIGNING")
                : verdict == Verdict.INVALID && DssReportSummaries.passed(signature.indication())
                        ? findings.get(0).text()
                        : ValidationTexts.reason(ades == Verdict.VALID ? "VALID" : String.valueOf(signature.subIndication()));
        boolean whole = pdf ? signedEnd == context.documentLength() : !Boolean.FALSE.equals(signature.wholeDocument());
        return new SignatureSummary(signature.id(), signature.fieldName() != null ? signature.fieldName()
                : ours == null ? null : ours.fieldName(), verdict,
                ValidationTexts.sentence("verdict.signature." + verdict.name(), Map.of(), null), ades, signature.indication(), signature.subIndication(),
                reasonText.en(), reasonText, signature.level(), signature.qualification(), signer,
                signature.nationalRegisterNumber(), signature.subjectSerialNumber(), signature.claimedSigningTime(),
                signature.bestSigningTime(), whole, pdf && signedEnd >= 0 ? signedEnd : null,
                certification == null ? null : PERMISSIONS.get(certification), level, allowed,
                changesInEnglish(findings),
                findings, signature.chain(), signature.timestampIds(), signature.errors(), signature.warnings());
    }

    /** A signature field holding a signature DSS did not validate: never dropped, checked as far as possible. */
    private static SignatureSummary notValidated(int number, SignedRevision revision, Context context) {
        List<Finding> findings = new ArrayList<>(revision.integrity());
        CmsCheck.Result cms = CmsCheck.check(context.pdf(), revision.byteRange(), revision.contents());
        Verdict verdict;
        if (revision.contents() != null && revision.contents().length > 0 && cms.outcome() == CmsCheck.Outcome.NOT_CMS) {
            findings.add(Finding.of(FindingCode.SIGNATURE_UNREADABLE, "/Contents is not a CMS SignedData")
                    .with("problem", "cms"));
        } else if (cms.outcome() == CmsCheck.Outcome.DOES_NOT_MATCH && revision.integrity().isEmpty()) {
            findings.add(Finding.of(FindingCode.HASH_MISMATCH, "the CMS signature does not match its byte range"));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.of(FindingCode.SIGNATURE_NOT_VALIDATED, "DSS did not validate this signature"));
            verdict = Verdict.INDETERMINATE;
        } else {
            verdict = Verdict.INVALID;
        }
        List<Finding> all = new ArrayList<>(findings.stream().map(finding -> finding.with("field",
                revision.fieldName())).toList());
        all.addAll(merge(revision.changes()));
        String signer = cms.signer();
        List<FindingSummary> summaries = summaries(all, signer, context.policy());
        ModificationLevel level = worstChange(revision.changes(), context.policy());
        PlainWords reason = summaries.get(0).text();
        return new SignatureSummary("unvalidated-" + number, revision.fieldName(), verdict,
                ValidationTexts.sentence("verdict.signature." + verdict.name(), Map.of(), null), null, null, null,
                reason.en(), reason, revision.documentTimestamp() ? "document time-stamp" : null, null, signer, null,
                null, null, null, revision.signedEnd() == context.documentLength(),
                revision.signedEnd() >= 0 ? revision.signedEnd() : null,
                revision.certification() == null ? null : PERMISSIONS.get(revision.certification()), level,
                context.policy().allowedAfter(revision.certification()),
                changesInEnglish(summaries),
                summaries, List.of(), List.of(), List.of(), List.of());
    }

    private static DocumentVerdict documentVerdict(List<SignatureSummary> signatures,
            List<TimestampSummary> timestamps, Set<SignedRevision> documentTimestamps, ModificationPolicy policy) {
        if (signatures.isEmpty()) {
            return DocumentVerdict.UNSIGNED;
        }
        Verdict worst = Verdict.VALID;
        for (SignatureSummary signature : signatures) {
            worst = worst.worst(signature.verdict());
        }
        boolean brokenTimestamp = documentTimestamps.stream().anyMatch(timestamp -> !timestamp.integrity().isEmpty())
                || timestamps.stream().anyMatch(timestamp -> timestamp.verdict() == Verdict.INVALID);
        if (worst == Verdict.INVALID || brokenTimestamp) {
            return DocumentVerdict.INVALID;
        }
        if (worst == Verdict.CHANGED_AFTER_SIGNING) {
            return DocumentVerdict.CHANGED_AFTER_SIGNING;
        }
        if (worst == Verdict.INDETERMINATE) {
            return DocumentVerdict.INDETERMINATE;
        }
        boolean allowedChanges = policy.changesAffectVerdict() && signatures.stream().anyMatch(signature -> signature.modificationLevel() != null
                && signature.modificationLevel().exceeds(ModificationLevel.SIGNATURES));
        return allowedChanges ? DocumentVerdict.VALID_WITH_ALLOWED_CHANGES : DocumentVerdict.VALID;
    }

    /** Changes to existing widgets and annotations render differently; DSS compares with them in place. */
    private static final Set<FindingCode> CHANGED_IN_PLACE = Set.of(FindingCode.FORM_FIELD_FILLED,
            FindingCode.SIGNED_LATER, FindingCode.ANNOTATION_CHANGED, FindingCode.VALIDATION_DATA_ADDED);

    /**
     * DSS's rendering comparison on a page paraaf found unchanged in content, where a field was filled or
     * signed or an annotation changed in place, shows that change, not another one: those pages are dropped
     * (on a page whose content changed, paraaf reports it itself).
     */
    private static List<Finding> explainRendering(List<Finding> changes) {
        Set<Integer> explained = new HashSet<>();
        for (Finding change : changes) {
            if (CHANGED_IN_PLACE.contains(change.code())) {
                explained.addAll(change.pages());
            }
        }
        List<Finding> result = new ArrayList<>();
        for (Finding change : changes) {
            if (change.code() == FindingCode.PAGE_CONTENT_CHANGED
                    && DssReportSummaries.RENDERING_DIFFERS.equals(change.detail())) {
                List<Integer> unexplained = change.pages().stream().filter(page -> !explained.contains(page)).toList();
                if (!unexplained.isEmpty()) {
                    result.add(new Finding(change.code(), unexplained, change.arguments(), change.detail()));
                }
            } else {
                result.add(change);
            }
        }
        return result;
    }

    /** The worst change among findings under the policy; NONE when nothing changed. */
    private static ModificationLevel worstChange(List<Finding> findings, ModificationPolicy policy) {
        ModificationLevel level = ModificationLevel.NONE;
        for (Finding finding : findings) {
            if (finding.code().kind() == FindingCode.Kind.CHANGE) {
                level = level.max(policy.levelOf(finding.code()));
            }
        }
        return level;
    }

    /** The {@code modifications} list: the change findings' English sentences. */
    private static List<String> changesInEnglish(List<FindingSummary> findings) {
        return findings.stream().filter(finding -> finding.level() != null).map(finding -> finding.text().en()).toList();
    }

    /** Findings with the same code and values become one, their pages and details joined. */
    static List<Finding> merge(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String key = finding.code() + " " + new java.util.TreeMap<>(finding.arguments());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
        }
        List<Finding> merged = new ArrayList<>();
        for (List<Finding> group : groups.values()) {
            TreeSet<Integer> pages = new TreeSet<>();
            List<String> details = new ArrayList<>();
            for (Finding finding : group) {
                pages.addAll(finding.pages());
                if (!finding.detail().isBlank() && !details.contains(finding.detail())) {
                    details.add(finding.detail());
                }
            }
            Finding first = group.get(0);
            merged.add(new Finding(first.code(), List.copyOf(pages), first.arguments(), String.join("; ", details)));
        }
        return merged;
    }

    private static List<FindingSummary> summaries(List<Finding> findings, String signer, ModificationPolicy policy) {
        return findings.stream().map(finding -> new FindingSummary(finding.code().name(),
                finding.code().kind() == FindingCode.Kind.CHANGE ? policy.levelOf(finding.code()) : null,
                finding.pages(), ValidationTexts.finding(finding, signer), finding.detail())).toList();
    }

    private static long signedEnd(List<Long> byteRange) {
        return byteRange.size() == 4 ? byteRange.get(2) + byteRange.get(3) : -1;
    }
}
