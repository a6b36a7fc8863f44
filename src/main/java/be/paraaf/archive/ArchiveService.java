package be.paraaf.archive;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.StoredContent;
import be.paraaf.signing.AugmentationService;
import be.paraaf.signing.EvidenceContainerService;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.SealCredentials;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.DocumentVerdict;
import be.paraaf.validation.ReportKind;
import be.paraaf.validation.ValidationService;
import be.paraaf.validation.ValidationSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long-term archive of signed PDFs. Archiving extends the PDF to B-LTA (ETSI EN 319 142-1) when needed, validates
 * it and keeps the ETSI TS 119 102-2 report with paraaf's JSON summary and an evidence XML (with the audit trail
 * when there is one); the entry then joins the next RFC 4998 evidence-record batch, whose archive time-stamp
 * (renewed per batch) is its preservation evidence. Nothing else is signed while the caller waits: the evidence
 * package's XAdES seal is made on its first download and kept until the record is renewed.
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
    private final ObjectProvider<SealCredentials> seal;
    private final ObjectProvider<ArchivingListener> listeners;
    private final DocumentStore store;
    private final ArchiveRepository repository;
    private final TransactionTemplate transactions;
    private final ArchiveProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final EvidenceRecordService evidenceRecords;
    private final EvidenceContainerService containers;

    ArchiveService(AugmentationService augmentation, ValidationService validation,
            ObjectProvider<SealCredentials> seal, DocumentStore store, ArchiveRepository repository,
            PlatformTransactionManager transactionManager, ArchiveProperties properties, Clock clock,
            JsonMapper json, MeterRegistry meters, ObjectProvider<ArchivingListener> listeners,
            EvidenceRecordService evidenceRecords, EvidenceContainerService containers) {
        this.evidenceRecords = evidenceRecords;
        this.containers = containers;
        this.listeners = listeners;
        this.augmentation = augmentation;
        this.validation = validation;
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
            throw new InvalidInputException(ProblemType.NOT_SIGNED,
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

        // not sealed here: the entry's RFC 4998 evidence record (its batch's archive time-stamp, renewed) preserves
        // it with every other part, and the evidence package's XAdES seal covers it on download
        blobs.add(new Blob(ArchivePart.EVIDENCE, XML, EvidenceXml.build(id, request, now, blobs.stream()
                .map(blob -> new EvidenceXml.PartDigest(blob.name, StoredContent.sha256(blob.content),
                        blob.content.length)).toList())));

        // 1. blobs: durable and idempotent before any metadata mentions them
        List<ArchivePart> parts = new ArrayList<>();
        for (Blob blob : blobs) {
            StoredContent stored = store.put(blob.content);
            parts.add(new ArchivePart(blob.name, 1, blob.mediaType, stored.sha256(), stored.size(), now));
        }
        reached(ArchivingListener.Step.BLOBS_STORED, id);

        // 2. metadata: one transaction
        TimestampFacts facts = TimestampFacts.of(summary);
        ArchiveEntry entry = new ArchiveEntry(id, request.ownerClientId(), request.documentType(),
                request.requestId(), request.parties(), now, now,
                now.plus(properties.retentionOf(request.documentType())), false, verdict(summary).name(),
                facts.validUntil(), facts.digest(), 0, null, parts);
        transactions.executeWithoutResult(status -> {
            repository.insert(entry);
            evidenceRecords.enqueue(id);
            reached(ArchivingListener.Step.METADATA_WRITTEN, id);
        });
        reached(ArchivingListener.Step.COMMITTED, id);
        if (properties.evidenceRecords().sealOnArchive()) {
            evidenceRecords.sealSoon(); // after the caller's commit, off this thread: the TSA is not waited for
        }
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
     * The evidence package as an ASiC-E container (ETSI EN 319 162-1): every part as archived (the signed PDF, the
     * evidence XML with the audit trail, the validation reports), one XAdES seal of the service over them
     * and the entry's RFC 4998 evidence record over the same files, so DSS (or any ASiC validator that knows
     * evidence records) checks the package as a whole. An entry whose record still waits for its batch is sealed
     * first. The package is made once per state of the record and kept (a renewal makes the next download rebuild
     * it).
     */
    public byte[] evidencePackage(ArchiveViewer viewer, String id) {
        ArchiveEntry entry = find(viewer, id);
        byte[] record = evidenceRecords.record(id).orElseGet(() -> {
            evidenceRecords.sealPending();
            return evidenceRecords.record(id).orElseThrow(() -> new ArchiveException(ProblemType.EVIDENCE_RECORD_PENDING,
                    "The entry's evidence record is not sealed yet (the time-stamping authority did not answer); "
                            + "try again in a moment.", Map.of(), null));
        });
        return evidenceRecords.evidencePackage(id, record, () -> containers.build(entry.parts().stream()
                .filter(part -> part.version() == 1)
                .map(part -> new EvidenceContainerService.ContainerFile(part.name(), part.mediaType(), read(part)))
                .toList(), record, sealKey()));
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

    private be.paraaf.signing.KeyCredential sealKey() {
        SealCredentials credentials = seal.getIfAvailable();
        if (credentials == null) {
            throw new ArchiveException(ProblemType.SEAL_NOT_CONFIGURED, "The archive needs the service's seal key "
                    + "(paraaf.signing.seal.key-store, or the demo PKI).", Map.of(), null);
        }
        return credentials.seal();
    }

    byte[] read(ArchivePart part) {
        try {
            return store.get(part.sha256());
        } catch (NotFoundException | IllegalStateException e) {
            throw new ArchiveException(ProblemType.ARCHIVE_BLOB_DAMAGED, "Part " + part.name() + " v" + part.version()
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
            throw new InvalidInputException(ProblemType.INVALID_AUDIT_TRAIL, "The audit trail is not valid JSON.",
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

    private record Blob(String name, String mediaType, byte[] content) {
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
    }
}
