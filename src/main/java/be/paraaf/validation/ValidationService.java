package be.paraaf.validation;

import be.paraaf.system.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import be.paraaf.system.BoundedWork;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.ParaafException;
import be.paraaf.pdf.PdfFiles;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.exception.InvalidPasswordException;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Validates signed PDFs (PAdES and plain PDF signatures, ours and foreign), XML signatures (XAdES,
 * enveloped or detached) with DSS under the configured policy (ETSI EN 319 102-1), and keeps the XML
 * reports downloadable for a while. An invalid signature is a normal result; only input that is not a
 * readable document is refused, with a problem that says why.
 */
@Service
public class ValidationService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ValidationService.class);

    private static final String DEFAULT_POLICY_NAME = "DSS default validation policy";

    private final CertificateVerifier certificateVerifier;
    private final ValidationReports reports;
    private final ValidationProperties properties;
    private final ValidationPolicy policy;
    private final String policyName;
    private final MeterRegistry meters;
    private final BoundedWork work;
    private final ModificationPolicies policies = ModificationPolicies.load();
    private final ExecutorService analyses;

    private final ReportLinks links;

    ValidationService(CertificateVerifier certificateVerifier, ValidationReports reports,
            ValidationProperties properties, MeterRegistry meters, ReportLinks links) {
        this.links = links;
        this.certificateVerifier = certificateVerifier;
        this.reports = reports;
        this.properties = properties;
        this.meters = meters;
        this.policyName = properties.policy() == null ? DEFAULT_POLICY_NAME : properties.policy().getDescription();
        this.policy = loadPolicy(properties);
        this.work = new BoundedWork("validations", properties.concurrentValidations(), properties.timeout());
        AtomicInteger threads = new AtomicInteger();
        this.analyses = Executors.newFixedThreadPool(properties.concurrentValidations(), runnable -> {
            Thread thread = new Thread(runnable, "pdf-structure-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (!policies.contains(properties.modificationPolicy())) {
            throw new IllegalStateException("paraaf.validation.modification-policy: no policy named '"
                    + properties.modificationPolicy() + "' in " + ModificationPolicies.RESOURCE);
        }
    }

    /** Validates now; the summary lists the report downloads under the id it carries. */
    public ValidationSummary validate(DocumentToValidate document) {
        return validate(document, null, null);
    }

    /** Validates now under a named modification policy ({@code null}: the configured one). */
    public ValidationSummary validate(DocumentToValidate document, String modificationPolicy) {
        return validate(document, null, modificationPolicy);
    }

    public ValidationSummary validate(DocumentToValidate document, Instant validationTime) {
        return validate(document, validationTime, null);
    }

    /**
     * Validates as if at {@code validationTime} (ETSI EN 319 102-1 §5.1: the validation time is an input of
     * the process); {@code null} means now. The archive uses it to show that a preserved document still
     * validates after a TSA certificate has expired. Revocation data is what the sources return when this
     * runs, so a time far from now mostly makes sense in tests whose clock the demo PKI shares.
     */
    public ValidationSummary validate(DocumentToValidate document, Instant validationTime, String modificationPolicy) {
        ModificationPolicy modifications = policies.get(modificationPolicy == null || modificationPolicy.isBlank()
                ? properties.modificationPolicy() : modificationPolicy.strip());
        DocumentKind kind = DocumentKind.detect(document.content());
        Timer.Sample sample = Timer.start(meters);
        Checked checked = work.run(() -> check(kind, document, validationTime), new BoundedWork.Refusals("validation-too-slow",
                "Validating this " + kind.label + " takes longer than " + properties.timeout().toSeconds()
                        + " s; it was stopped.", "All validators are busy; try again in a moment."));
        sample.stop(meters.timer("paraaf.validation", "type", kind.name().toLowerCase()));
        Reports dssReports = checked.reports();

        String id = reports.newId();
        if (dssReports == null) { // an XML signature DSS could not even read: a broken signature, not a refusal
            ValidationSummary summary = Verdicts.unreadableSignature(new Verdicts.Context(id, kind.label,
                    document.content().length, policyName, modifications,
                    Map.of("pdf", links.pdfReport(id)), document.content()),
                    document.name(), checked.problem(), validationTime != null ? validationTime : reports.now());
            reports.store(id, summary, Map.of());
            return summary;
        }
        Map<ReportKind, String> xml = new EnumMap<>(ReportKind.class);
        xml.put(ReportKind.SIMPLE, dssReports.getXmlSimpleReport());
        xml.put(ReportKind.DETAILED, dssReports.getXmlDetailedReport());
        xml.put(ReportKind.DIAGNOSTIC, dssReports.getXmlDiagnosticData());
        xml.put(ReportKind.ETSI, dssReports.getXmlValidationReport());
        Map<String, String> downloads = new LinkedHashMap<>();
        for (ReportKind report : ReportKind.values()) {
            downloads.put(report.slug(), links.report(id, report));
        }
        downloads.put("pdf", links.pdfReport(id));
        ValidationSummary summary = Verdicts.judge(new Verdicts.Context(id, kind.label, document.content().length,
                policyName, modifications, downloads, document.content()), DssReportSummaries.convert(dssReports),
                checked.structure());
        RevisionPictures.Pictured pictured = kind == DocumentKind.PDF ? RevisionPictures.plan(summary,
                document.content(), links) : new RevisionPictures.Pictured(summary, Map.of());
        reports.store(id, pictured.summary(), xml, pictured.files());
        return pictured.summary();
    }

    /** The JSON summary of a recent validation, as it was returned. */
    public ValidationSummary summary(String validationId) {
        return reports.summary(validationId);
    }

    @Override
    public void destroy() {
        work.close();
        analyses.shutdownNow();
    }

    /**
     * A picture of a recent validation: page {@code page} of the revision signature {@code signature} (1-based)
     * signed ({@code version} "signed") or of the document now, changes framed ("current").
     */
    public byte[] picture(String validationId, int signature, int page, String version) {
        String name = RevisionPictures.fileName(signature, page, version) + ".png";
        if (!reports.has(validationId, name) && reports.has(validationId, RevisionPictures.DOCUMENT)) {
            // drawn when first asked for, from the document kept for the reports' lifetime
            Map<String, byte[]> drawn = RevisionPictures.render(reports.summary(validationId), signature, page,
                    reports.file(validationId, RevisionPictures.DOCUMENT));
            drawn.forEach((file, content) -> reports.add(validationId, file, content));
        }
        return reports.file(validationId, name);
    }

    /** One XML report of a recent validation. */
    public byte[] report(String validationId, ReportKind kind) {
        return reports.read(validationId, kind);
    }

    /** DSS's reports and paraaf's own structural reading of the same bytes. */
    private record Checked(Reports reports, PdfStructure.Analysis structure, String problem) {
    }

    /**
     * DSS and paraaf's structural reading run side by side (they read the same bytes independently), so a
     * validation takes about as long as the slower of the two when a core is free.
     */
    private Checked check(DocumentKind kind, DocumentToValidate document, Instant validationTime) {
        Future<PdfStructure.Analysis> structure = kind == DocumentKind.PDF
                ? analyses.submit(() -> PdfStructure.analyse(document.content()))
                : CompletableFuture.completedFuture(PdfStructure.Analysis.unreadable());
        Reports dssReports;
        try {
            dssReports = run(kind, document, validationTime);
        } catch (InvalidInputException e) {
            structure.cancel(true);
            if (kind == DocumentKind.XML && "unreadable-document".equals(e.problemType()) && hasXmlSignature(document)) {
                return new Checked(null, PdfStructure.Analysis.unreadable(), e.getMessage());
            }
            throw e;
        } catch (RuntimeException | Error e) {
            structure.cancel(true);
            throw e;
        }
        try {
            return new Checked(dssReports, structure.get(), null);
        } catch (InterruptedException e) {
            structure.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation interrupted", e);
        } catch (ExecutionException e) {
            return new Checked(dssReports, PdfStructure.Analysis.unreadable(), null);
        }
    }

    private static final Pattern XML_SIGNATURE = Pattern.compile("<([A-Za-z0-9_.-]+:)?Signature[\\s>]");

    /** Well-formed XML holding an XML-DSig Signature element (W3C XMLDSig 1.1). */
    private static boolean hasXmlSignature(DocumentToValidate document) {
        String text = new String(document.content(), StandardCharsets.UTF_8);
        return text.contains("http://www.w3.org/2000/09/xmldsig#") && XML_SIGNATURE.matcher(text).find();
    }

    private Reports run(DocumentKind kind, DocumentToValidate document, Instant validationTime) {
        DSSDocument signed = new InMemoryDocument(document.content(), document.name());
        try {
            SignedDocumentValidator validator = kind == DocumentKind.PDF ? pdfValidator(signed)
                    : SignedDocumentValidator.fromDocument(signed);
            validator.setCertificateVerifier(certificateVerifier);
            if (validationTime != null) {
                validator.setValidationTime(Date.from(validationTime));
            }
            if (!document.detachedContents().isEmpty()) {
                List<DSSDocument> originals = document.detachedContents().stream()
                        .map(original -> (DSSDocument) new InMemoryDocument(original.content(), original.name()))
                        .toList();
                validator.setDetachedContents(originals);
            }
            return validator.validateDocument(policy);
        } catch (ParaafException e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException(ProblemType.ENCRYPTED_DOCUMENT,
                    "The PDF is encrypted with a password; paraaf cannot open it to validate its signatures.",
                    Map.of(), e);
        } catch (UnsupportedOperationException e) {
            throw new InvalidInputException(ProblemType.UNSUPPORTED_DOCUMENT,
                    "The document is neither a PDF nor an XML signature paraaf can validate.", Map.of(), e);
        } catch (StackOverflowError e) {
            throw new InvalidInputException(ProblemType.DOCUMENT_TOO_COMPLEX,
                    "The " + kind.label + " nests its objects too deeply to be read safely.", Map.of(), null);
        } catch (IllegalInputException | DSSException | UncheckedIOException e) {
            throw unreadable(kind, e);
        } catch (RuntimeException e) {
            // DSS and PDFBox fail on damaged input with whatever they hit (a page-tree loop, a cast, an index);
            // the document is the cause, the client hears it in words, the log keeps the trace
            log.warn("validation of a {} failed inside DSS", kind.label, e);
            throw unreadable(kind, e);
        }
    }

    private static InvalidInputException unreadable(DocumentKind kind, RuntimeException e) {
        return new InvalidInputException(kind == DocumentKind.PDF ? ProblemType.DAMAGED_DOCUMENT
                : ProblemType.UNREADABLE_DOCUMENT, "The " + kind.label + " cannot be read: it is damaged or not the "
                + "kind of document it claims to be.", Map.of(), e);
    }

    private PDFDocumentValidator pdfValidator(DSSDocument document) {
        PdfBoxDefaultObjectFactory pdfObjects = new PdfBoxDefaultObjectFactory();
        // parse into temp files beyond a small buffer: a 50 MB upload must not cost its size in heap several times
        pdfObjects.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(4L * 1024 * 1024));
        pdfObjects.setPdfDifferencesFinder(properties.skipUnchangedPages()
                ? new RenderingDifferencesFinder(properties.visualComparisonMaxPages())
                : dssDifferencesFinder(properties.visualComparisonMaxPages()));
        PDFDocumentValidator validator = new PDFDocumentValidator(document);
        validator.setPdfObjFactory(pdfObjects);
        return validator;
    }

    private static DefaultPdfDifferencesFinder dssDifferencesFinder(int maxPages) {
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(maxPages);
        return differences;
    }

    private static ValidationPolicy loadPolicy(ValidationProperties properties) {
        if (properties.policy() == null) {
            return ValidationPolicyLoader.fromDefaultValidationPolicy().create();
        }
        try (InputStream in = properties.policy().getInputStream()) {
            return ValidationPolicyLoader.fromValidationPolicy(in).create();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read validation policy " + properties.policy(), e);
        }
    }

    /** What the upload is, by its first bytes (never by its name or declared type). */
    enum DocumentKind {
        PDF("PDF"),
        XML("XML document"),
        OTHER("document");

        private final String label;

        DocumentKind(String label) {
            this.label = label;
        }

        static DocumentKind detect(byte[] content) {
            if (content.length == 0) {
                throw new InvalidInputException(ProblemType.EMPTY_DOCUMENT, "The document is empty.");
            }
            if (PdfFiles.looksLikePdf(content)) {
                // bytes appended after the last %%EOF are a finding of the validation, not a refusal
                if (PdfRevisions.read(content).revisions().isEmpty()) {
                    PdfFiles.requireCompletePdf(content);
                }
                return PDF;
            }
            String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
            String text = head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head;
            return text.stripLeading().startsWith("<") ? XML : OTHER;
        }
    }
}
