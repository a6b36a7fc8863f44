package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import eu.europa.esig.dss.enumerations.SignatureProfile;
import eu.europa.esig.dss.extension.SignedDocumentExtender;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.xades.signature.XAdESService;
import io.micrometer.core.instrument.MeterRegistry;
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
        if (target == SignatureLevel.B_B) {
            throw new InvalidInputException(ProblemType.INVALID_LEVEL,
                    "Extension raises signatures to B-T, B-LT or B-LTA; B-B is where signatures start.", Map.of(), null);
        }
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
            DSSDocument extended = DssErrors.translate(() -> {
                SignedDocumentExtender extender;
                try {
                    extender = SignedDocumentExtender.fromDocument(new InMemoryDocument(document.content(),
                            document.name()));
                } catch (RuntimeException e) {
                    throw new InvalidInputException(ProblemType.UNSUPPORTED_DOCUMENT,
                            "The document is neither a signed PDF nor signed XML.", Map.of(), e);
                }
                extender.setCertificateVerifier(certificateVerifier);
                extender.setTspSource(tspSource);
                extender.setServices(pades, xades);
                return extender.extendDocument(profile(target));
            });
            String suffix = pdf ? ".pdf" : ".xml";
            return new SignedDocument(document.name().replaceFirst("\\.(pdf|xml)$", "") + "-" + target.label()
                    + suffix, pdf ? "application/pdf" : "application/xml", Documents.bytes(extended));
        });
    }

    /** Adds a document time-stamp (ETSI.RFC3161) over the whole PDF as an incremental update. */
    public SignedDocument timestamp(DocumentInput document) {
        PdfInputs.inspect(document.content());
        return meters.timer("paraaf.timestamp").record(() -> {
            DSSDocument stamped = DssErrors.translate(() -> pades.timestamp(
                    new InMemoryDocument(document.content(), document.name()),
                    DssParameters.documentTimestamp(HashAlgorithm.SHA256)));
            return new SignedDocument(document.name().replaceFirst("\\.pdf$", "") + "-timestamped.pdf",
                    "application/pdf", Documents.bytes(stamped));
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
