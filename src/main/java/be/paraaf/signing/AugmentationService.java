package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import eu.europa.esig.dss.enumerations.SignatureProfile;
import eu.europa.esig.dss.extension.SignedDocumentExtender;
import be.paraaf.system.FileNames;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.xades.signature.XAdESService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Raises existing signatures to a higher baseline level (B-T, B-LT, B-LTA) — ours or foreign, PAdES or
 * XAdES — and adds PAdES document time-stamps (ETSI EN 319 142-1 §5.4). Each LTA run adds validation
 * data and a new archive time-stamp, which is how signatures stay verifiable for decades.
 */
@Service
public class AugmentationService {

    private final CertificateVerifier certificateVerifier;
    private final TSPSource tspSource;
    private final PAdESService pades;
    private final XAdESService xades;
    private final MeterRegistry meters;

    AugmentationService(CertificateVerifier certificateVerifier, TSPSource tspSource, MeterRegistry meters) {
        this.certificateVerifier = certificateVerifier;
        this.tspSource = tspSource;
        this.pades = new PAdESService(certificateVerifier);
        this.pades.setTspSource(tspSource);
        this.xades = new XAdESService(certificateVerifier);
        this.xades.setTspSource(tspSource);
        this.meters = meters;
    }

    public SignedDocument extend(DocumentInput document, SignatureLevel target) {
        requireRaisable(target);
        boolean pdf = looksLikePdf(document.content());
        if (pdf) {
            PdfInputs.PdfFacts facts = PdfInputs.inspect(document.content());
            if (facts.signatureCount() == 0) {
                throw notSigned();
            }
        } else if (document.content().length == 0) {
            throw new InvalidInputException(ProblemType.EMPTY_DOCUMENT, "The document is empty.");
        }
        return meters.timer("paraaf.extension", "level", target.label()).record(() -> {
            DSSDocument extended = extendWith(pades, new InMemoryDocument(document.content(), document.name()),
                    target);
            return new SignedDocument(extendedName(document.name(), target, pdf),
                    pdf ? "application/pdf" : "application/xml", Documents.bytes(extended));
        });
    }

    /**
     * Extends the signatures of a PDF on disk, of any size: PDFBox reads it, and the revisions DSS analyses, from disk,
     * and DSS writes what it adds into {@code workDirectory} (the caller deletes it), as seals of large files do.
     */
    public SignedFile extendPdfFile(String name, Path pdf, SignatureLevel target, Path workDirectory) {
        requireRaisable(target);
        if (PdfInputs.inspect(pdf).signatureCount() == 0) {
            throw notSigned();
        }
        String fileName = FileNames.normalise(name, "document");
        return meters.timer("paraaf.extension", "level", target.label()).record(() -> SignedFile.pdf(
                extendedName(fileName, target, true),
                extendWith(padesOnDisk(workDirectory), new FileDocument(pdf.toFile()), target), workDirectory));
    }

    /** As {@link #timestamp(DocumentInput)} for a PDF on disk, of any size (see {@link #extendPdfFile}). */
    public SignedFile timestampPdfFile(String name, Path pdf, Path workDirectory) {
        PdfInputs.inspect(pdf);
        String fileName = FileNames.normalise(name, "document");
        PAdESService onDisk = padesOnDisk(workDirectory);
        return meters.timer("paraaf.timestamp").record(() -> SignedFile.pdf(timestampedName(fileName),
                DssErrors.translate(() -> onDisk.timestamp(new FileDocument(pdf.toFile()),
                        DssParameters.documentTimestamp(HashAlgorithm.SHA256))), workDirectory));
    }

    private DSSDocument extendWith(PAdESService padesService, DSSDocument document, SignatureLevel target) {
        return DssErrors.translate(() -> {
            SignedDocumentExtender extender;
            try {
                extender = SignedDocumentExtender.fromDocument(document);
            } catch (RuntimeException e) {
                throw new InvalidInputException(ProblemType.UNSUPPORTED_DOCUMENT,
                        "The document is neither a signed PDF nor signed XML.", Map.of(), e);
            }
            extender.setCertificateVerifier(certificateVerifier);
            extender.setTspSource(tspSource);
            extender.setServices(padesService, xades);
            return extender.extendDocument(profile(target));
        });
    }

    private PAdESService padesOnDisk(Path workDirectory) {
        PAdESService service = new PAdESService(certificateVerifier);
        service.setTspSource(tspSource);
        service.setPdfObjFactory(new PreparedRevisionSignatureService.Factory(workDirectory));
        return service;
    }

    private static void requireRaisable(SignatureLevel target) {
        if (target == SignatureLevel.B_B) {
            throw new InvalidInputException(ProblemType.INVALID_LEVEL,
                    "Extension raises signatures to B-T, B-LT or B-LTA; B-B is where signatures start.", Map.of(), null);
        }
    }

    private static String extendedName(String name, SignatureLevel target, boolean pdf) {
        return name.replaceFirst("\\.(pdf|xml)$", "") + "-" + target.label() + (pdf ? ".pdf" : ".xml");
    }

    private static String timestampedName(String name) {
        return name.replaceFirst("\\.pdf$", "") + "-timestamped.pdf";
    }

    /** Adds a document time-stamp (ETSI.RFC3161) over the whole PDF as an incremental update. */
    public SignedDocument timestamp(DocumentInput document) {
        PdfInputs.inspect(document.content());
        return meters.timer("paraaf.timestamp").record(() -> {
            DSSDocument stamped = DssErrors.translate(() -> pades.timestamp(
                    new InMemoryDocument(document.content(), document.name()),
                    DssParameters.documentTimestamp(HashAlgorithm.SHA256)));
            return new SignedDocument(timestampedName(document.name()), "application/pdf", Documents.bytes(stamped));
        });
    }

    private static SignatureProfile profile(SignatureLevel level) {
        return switch (level) {
            case B_B -> SignatureProfile.BASELINE_B;
            case B_T -> SignatureProfile.BASELINE_T;
            case B_LT -> SignatureProfile.BASELINE_LT;
            case B_LTA -> SignatureProfile.BASELINE_LTA;
        };
    }

    private static InvalidInputException notSigned() {
        return new InvalidInputException(ProblemType.NOT_SIGNED,
                "The document has no signature to extend. Sign it first, or add a document time-stamp.",
                Map.of(), null);
    }

    private static boolean looksLikePdf(byte[] content) {
        int limit = Math.min(content.length, 1024);
        return new String(content, 0, limit, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
    }
}
