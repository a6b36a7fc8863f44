package be.paraaf.archive;

import be.paraaf.system.InvalidInputException;
import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.StoredContent;
import be.paraaf.signing.AugmentationService;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.HashAlgorithm;
import be.paraaf.signing.SealCredentials;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SigningService;
import be.paraaf.signing.XadesSignatureSpec;
import be.paraaf.signing.XmlPackaging;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.DocumentVerdict;
import be.paraaf.validation.ReportKind;
import be.paraaf.validation.ValidationService;
import be.paraaf.validation.ValidationSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long-term archive of signed PDFs (ETSI EN 319 142-1 B-LTA, renewable). Archiving extends the PDF to B-LTA
 * when needed, validates it and keeps the ETSI TS 119 102-2 report with paraaf's JSON summary, and seals an
 * evidence XML (with the audit trail when there is one) as XAdES-B-LTA (ETSI EN 319 132-1) with the
 * "paraaf Seal" key.
 *
 * <p>Crash consistency: every part is written to the content-addressed, write-once document store first
 * (idempotent; a crash leaves at most an unreferenced blob), then the metadata in one database transaction.
 * An entry exists exactly when that transaction committed, and then all its blobs are already durable.
 */
@Service
public class ArchiveService {

    private static final Logger log = LoggerFactory.getLogger(ArchiveService.class);
    private static final String PDF = "application/pdf";
    private static final String XML = "application/xml";
    private static final String JSON = "application/json";

    private final AugmentationService augmentation;
    private final ValidationService validation;
    private final SigningService signing;
    private final ObjectProvider<SealCredentials> seal;
    private final ObjectProvider<ArchivingListener> listeners;
    private final DocumentStore store;
    private final ArchiveRepository repository;
    private final TransactionTemplate transactions;
    private final ArchiveProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final MeterRegistry meters;

    ArchiveService(AugmentationService augmentation, ValidationService validation, SigningService signing,
            ObjectProvider<SealCredentials> seal, DocumentStore store, ArchiveRepository repository,
            PlatformTransactionManager transactionManager, ArchiveProperties properties, Clock clock,
            JsonMapper json, MeterRegistry meters, ObjectProvider<ArchivingListener> listeners) {
        this.listeners = listeners;
        this.augmentation = augmentation;
        this.validation = validation;
        this.signing = signing;
        this.seal = seal;
        this.store = store;
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.meters = meters;
    }

    /** Archives a signed PDF; returns the complete, committed entry. */
    public ArchiveEntry archive(ArchiveRequest request) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            ArchiveEntry entry = doArchive(request);
            outcome = "success";
            return entry;
        } finally {
            sample.stop(meters.timer("paraaf.archive", "operation", "archive", "outcome", outcome));
        }
    }

    private ArchiveEntry doArchive(ArchiveRequest request) {
        if (request.auditTrailJson() != null) {
            requireJson(request.auditTrailJson());
        }
        String id = UUID.randomUUID().toString();
        Instant now = now();

        ValidationSummary received = validation.validate(new DocumentToValidate(request.documentName(),
                request.signedPdf()));
        if (!"PDF".equals(received.documentType()) || received.signatureCount() == 0) {
            throw new InvalidInputException("not-signed", 422,
                    "Only signed PDFs are archived; this document has no signature.", Map.of(), null);
        }
        byte[] pdf = request.signedPdf();
        ValidationSummary summary = received;
        boolean extended = !isLta(received);
        if (extended) {
            pdf = augmentation.extend(new DocumentInput(request.documentName(), pdf), SignatureLevel.B_LTA).content();
            summary = validation.validate(new DocumentToValidate(ArchivePart.DOCUMENT, pdf));
        }
        byte[] report = validation.report(summary.id(), ReportKind.ETSI);
        byte[] summaryJson = toJson(summary);

        List<Blob> blobs = new ArrayList<>();
        if (extended) {
            blobs.add(new Blob(ArchivePart.RECEIVED, PDF, request.signedPdf()));
        }
        blobs.add(new Blob(ArchivePart.DOCUMENT, PDF, pdf));
        blobs.add(new Blob(ArchivePart.VALIDATION_SUMMARY, JSON, summaryJson));
        blobs.add(new Blob(ArchivePart.VALIDATION_REPORT, XML, report));

        byte[] evidence = EvidenceXml.build(id, request, now, blobs.stream()
                .map(blob -> new EvidenceXml.PartDigest(blob.name, StoredContent.sha256(blob.content),
                        blob.content.length)).toList());
        Sealed sealed = seal(evidence);
        blobs.add(new Blob(ArchivePart.EVIDENCE, XML, sealed.content));
        blobs.add(new Blob(ArchivePart.EVIDENCE_VALIDATION_REPORT, XML, sealed.report));

        // 1. blobs: durable and idempotent before any metadata mentions them
        List<ArchivePart> parts = new ArrayList<>();
        for (Blob blob : blobs) {
            StoredContent stored = store.put(blob.content);
            parts.add(new ArchivePart(blob.name, 1, blob.mediaType, stored.sha256(), stored.size(), now));
        }
        reached(ArchivingListener.Step.BLOBS_STORED, id);

        // 2. metadata: one transaction
        TimestampFacts facts = TimestampFacts.earliest(TimestampFacts.of(summary), sealed.facts);
        ArchiveEntry entry = new ArchiveEntry(id, request.ownerClientId(), request.documentType(),
                request.requestId(), request.parties(), now, now,
                now.plus(properties.retentionOf(request.documentType())), false, verdict(summary).name(),
                facts.validUntil(), facts.digest(), 0, null, parts);
        transactions.executeWithoutResult(status -> {
            repository.insert(entry);
            reached(ArchivingListener.Step.METADATA_WRITTEN, id);
        });
        reached(ArchivingListener.Step.COMMITTED, id);
        log.info("archived {} for {} ({}, {} parties, verdict {}, time-stamps valid until {})", id,
                request.ownerClientId(), request.documentType(), request.parties().size(), entry.verdict(),
                entry.timestampsValidUntil());
        return entry;
    }

    /** The entry if {@code viewer} may see it; otherwise 404. */
    public ArchiveEntry find(ArchiveViewer viewer, String id) {
        return repository.find(viewer, id).orElseThrow(() -> ArchiveException.notFound(id));
    }

    public ArchiveSearch.Page search(ArchiveViewer viewer, ArchiveSearch search) {
        return repository.search(viewer, search);
    }

    /** The current (newest) version of the archived PDF. */
    public byte[] document(ArchiveViewer viewer, String id) {
        return read(find(viewer, id).current(ArchivePart.DOCUMENT));
    }

    /**
     * The evidence package: the current version of every part plus {@code manifest.json} listing each file's
     * SHA-256, so a verifier needs nothing but the ZIP and a SHA-256 tool to check it is complete.
     */
    public byte[] evidencePackage(ArchiveViewer viewer, String id) {
        ArchiveEntry entry = find(viewer, id);
        List<ArchivePart> parts = entry.currentParts();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("id", entry.id());
        manifest.put("owner", entry.ownerClientId());
        manifest.put("documentType", entry.documentType());
        manifest.put("requestId", entry.requestId());
        manifest.put("archivedAt", entry.archivedAt().toString());
        manifest.put("renewals", entry.renewals());
        manifest.put("parts", parts.stream().map(part -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", part.name());
            item.put("version", part.version());
            item.put("mediaType", part.mediaType());
            item.put("sha256", part.sha256());
            item.put("size", part.size());
            return item;
        }).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ArchivePart part : parts) {
                put(zip, part.name(), read(part));
            }
            put(zip, "manifest.json", toJson(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Puts an entry under legal hold (retention will not delete it) or releases it. */
    public ArchiveEntry legalHold(ArchiveViewer viewer, String id, boolean hold) {
        find(viewer, id);
        repository.setLegalHold(id, hold, clock.instant());
        log.info("archive entry {} legal hold {}", id, hold ? "set" : "released");
        return find(viewer, id);
    }

    /** The report with its findings narrowed to the entries {@code viewer} may see (counts stay global). */
    public ArchiveIntegrity.Report visibleTo(ArchiveViewer viewer, ArchiveIntegrity.Report report) {
        List<ArchiveIntegrity.Finding> visible = report.findings().stream()
                .filter(finding -> repository.find(viewer, finding.entryId()).isPresent()).toList();
        return new ArchiveIntegrity.Report(report.startedAt(), report.finishedAt(), report.entries(), report.parts(),
                report.bytes(), visible, report.ok());
    }

    /** What is left of an entry deleted at the end of its retention period. */
    public Optional<ArchiveRepository.Tombstone> tombstone(String id) {
        return repository.tombstone(id);
    }

    // ---------------------------------------------------------------- shared with preservation

    record Sealed(byte[] content, byte[] report, TimestampFacts facts) {
    }

    private Sealed seal(byte[] evidence) {
        byte[] sealedXml = signing.signXades(new DocumentInput("evidence.xml", evidence), sealKey(),
                new XadesSignatureSpec(SignatureLevel.B_LTA, HashAlgorithm.SHA256, XmlPackaging.ENVELOPED)).content();
        ValidationSummary summary = validation.validate(new DocumentToValidate(ArchivePart.EVIDENCE, sealedXml));
        return new Sealed(sealedXml, validation.report(summary.id(), ReportKind.ETSI), TimestampFacts.of(summary));
    }

    private be.paraaf.signing.KeyCredential sealKey() {
        SealCredentials credentials = seal.getIfAvailable();
        if (credentials == null) {
            throw new ArchiveException("seal-not-configured", 503, "The archive needs the service's seal key "
                    + "(paraaf.signing.seal.key-store, or the demo PKI).", Map.of(), null);
        }
        return credentials.seal();
    }

    byte[] read(ArchivePart part) {
        try {
            return store.get(part.sha256());
        } catch (NotFoundException | IllegalStateException e) {
            throw new ArchiveException("archive-blob-damaged", 500, "Part " + part.name() + " v" + part.version()
                    + " is missing or does not match its SHA-256; run the integrity check.",
                    Map.of("part", part.name(), "sha256", part.sha256()), e);
        }
    }

    private static boolean isLta(ValidationSummary summary) {
        return summary.signatures().stream()
                .allMatch(signature -> signature.level() != null && signature.level().endsWith("LTA"));
    }

    private static DocumentVerdict verdict(ValidationSummary summary) {
        return summary.verdict();
    }

    private void requireJson(byte[] content) {
        try {
            json.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidInputException("invalid-audit-trail", 422, "The audit trail is not valid JSON.",
                    Map.of(), e);
        }
    }

    private byte[] toJson(Object value) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Microseconds: what both databases store, so the entry returned equals the entry read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void reached(ArchivingListener.Step step, String entryId) {
        listeners.orderedStream().forEach(listener -> listener.reached(step, entryId));
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0L);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private record Blob(String name, String mediaType, byte[] content) {
    }

    // ---------------------------------------------------------------- renewal (used by PreservationJob)

    /** The renewed versions of an entry's PDF and sealed evidence, not yet recorded. */
    record Renewal(ArchivePart document, ArchivePart evidence, TimestampFacts facts) {
    }

    /** Adds validation data and a new archive time-stamp to the current PDF and sealed evidence; stores the blobs. */
    Renewal renewBlobs(ArchiveEntry entry) {
        Instant now = now();
        ArchivePart currentPdf = entry.current(ArchivePart.DOCUMENT);
        ArchivePart currentEvidence = entry.current(ArchivePart.EVIDENCE);
        byte[] pdf = augmentation.extend(new DocumentInput(ArchivePart.DOCUMENT, read(currentPdf)),
                SignatureLevel.B_LTA).content();
        byte[] evidence = augmentation.extend(new DocumentInput(ArchivePart.EVIDENCE, read(currentEvidence)),
                SignatureLevel.B_LTA).content();
        TimestampFacts facts = TimestampFacts.earliest(
                TimestampFacts.of(validation.validate(new DocumentToValidate(ArchivePart.DOCUMENT, pdf))),
                TimestampFacts.of(validation.validate(new DocumentToValidate(ArchivePart.EVIDENCE, evidence))));
        StoredContent storedPdf = store.put(pdf);
        StoredContent storedEvidence = store.put(evidence);
        return new Renewal(
                new ArchivePart(ArchivePart.DOCUMENT, currentPdf.version() + 1, PDF, storedPdf.sha256(),
                        storedPdf.size(), now),
                new ArchivePart(ArchivePart.EVIDENCE, currentEvidence.version() + 1, XML, storedEvidence.sha256(),
                        storedEvidence.size(), now),
                facts);
    }

    /** Records renewed versions in one transaction (blobs are already durable). */
    void recordRenewal(String id, Renewal renewal) {
        transactions.executeWithoutResult(status -> {
            repository.insertPart(id, renewal.document());
            repository.insertPart(id, renewal.evidence());
            repository.recordRenewal(id, renewal.facts().validUntil(), renewal.facts().digest(), clock.instant());
        });
    }

    /**
     * When the newest time-stamp of a document stops proving anything (its TSA certificate's end of validity)
     * and which digest it uses.
     */
    record TimestampFacts(Instant validUntil, String digest) {

        static TimestampFacts of(ValidationSummary summary) {
            return newest(summary.timestamps());
        }

        /**
         * The newest time-stamp's facts. Time-stamp tokens usually carry whole seconds (RFC 3161 genTime), so a
         * renewal within the second of the previous archive time-stamp ties with it; the tie goes to the longer
         * validity, which is the fresh TSA certificate's: the older token was stamped over by the newer one.
         */
        static TimestampFacts newest(List<ValidationSummary.TimestampSummary> timestamps) {
            return timestamps.stream()
                    .filter(timestamp -> timestamp.productionTime() != null)
                    .max(Comparator.comparing(ValidationSummary.TimestampSummary::productionTime)
                            .thenComparing(ValidationSummary.TimestampSummary::producerNotAfter,
                                    Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(timestamp -> new TimestampFacts(timestamp.producerNotAfter(), timestamp.digestAlgorithm()))
                    .orElse(new TimestampFacts(null, null));
        }

        static TimestampFacts earliest(TimestampFacts a, TimestampFacts b) {
            if (a.validUntil == null) {
                return b;
            }
            if (b.validUntil == null) {
                return a;
            }
            return a.validUntil.isAfter(b.validUntil) ? b : a;
        }
    }
}
