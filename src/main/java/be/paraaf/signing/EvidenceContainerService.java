package be.paraaf.signing;

import eu.europa.esig.dss.asic.common.ASiCContainerEvidenceRecordParameters;
import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Evidence packages as ASiC-E containers (ETSI EN 319 162-1): the archived files as data objects, sealed by one
 * XAdES-B-LT signature of the service's seal key over all of them ({@code META-INF/signatures001.xml}), and the
 * archive's RFC 4998 evidence record over the same files as a container evidence record
 * ({@code META-INF/evidencerecord001.ers} with its {@code ASiCEvidenceRecordManifest}). Any ASiC validator that
 * knows evidence records (DSS, and so the EU DSS demo) checks the whole.
 */
@Service
public class EvidenceContainerService {

    public static final String MEDIA_TYPE = "application/vnd.etsi.asic-e+zip";

    private final ASiCWithXAdESService asic;
    private final Clock clock;

    EvidenceContainerService(CertificateVerifier certificateVerifier, TSPSource tspSource, Clock clock) {
        this.asic = new ASiCWithXAdESService(certificateVerifier);
        this.asic.setTspSource(tspSource);
        this.clock = clock;
    }

    /** One file of the package. */
    public record ContainerFile(String name, String mediaType, byte[] content) {
    }

    /**
     * Builds the container.
     *
     * @param files the data objects; {@code evidenceRecord} must cover every one of them
     * @param evidenceRecord the DER RFC 4998 evidence record over {@code files}
     * @param seal the service's seal key
     */
    public byte[] build(List<ContainerFile> files, byte[] evidenceRecord, KeyCredential seal) {
        List<DSSDocument> documents = files.stream().map(file -> {
            InMemoryDocument document = new InMemoryDocument(file.content(), file.name());
            document.setMimeType(eu.europa.esig.dss.enumerations.MimeType.fromFileName(file.name()));
            return (DSSDocument) document;
        }).toList();
        ASiCWithXAdESSignatureParameters parameters = new ASiCWithXAdESSignatureParameters();
        parameters.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        parameters.setSignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LT);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        // DSS 6.1+ would pick RSASSA-PSS for RSA keys; keep PKCS#1 v1.5 as the rest of the service's seals
        parameters.setEncryptionAlgorithm(EncryptionAlgorithm.forKey(seal.certificate().getPublicKey()));
        parameters.setSigningCertificate(new CertificateToken(seal.certificate()));
        parameters.setCertificateChain(seal.chain().stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        DSSDocument sealed = DssErrors.translate(() -> {
            ToBeSigned dataToSign = asic.getDataToSign(documents, parameters);
            SignatureValue value = SigningService.signWith(seal, parameters.getSignatureAlgorithm(), dataToSign);
            return asic.signDocument(documents, parameters, value);
        });
        ASiCContainerEvidenceRecordParameters recordParameters = new ASiCContainerEvidenceRecordParameters();
        recordParameters.setContainerType(ASiCContainerType.ASiC_E);
        DSSDocument container = DssErrors.translate(() -> asic.addContainerEvidenceRecord(List.of(sealed),
                new InMemoryDocument(evidenceRecord), recordParameters));
        return Documents.bytes(container);
    }
}
