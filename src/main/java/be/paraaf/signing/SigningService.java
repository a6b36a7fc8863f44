package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.identity.CertificateChains;
import be.paraaf.system.InvalidInputException;
import be.paraaf.signing.PendingSignatureStore.Claim;
import be.paraaf.signing.PendingSignatureStore.PendingState;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import be.paraaf.system.FileNames;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Creates PAdES (ETSI EN 319 142-1) and XAdES (ETSI EN 319 132-1) signatures in two ways:
 * <ul>
 *   <li>two-step, for keys paraaf does not hold (eID cards, remote keys): {@code prepare*} returns the
 *       data to be signed and a handle; {@link #complete} takes the signature value. Everything DSS
 *       needs to rebuild the identical revision — signing time above all — is persisted with the
 *       handle, so completion works after a restart and on another node sharing the data directory;</li>
 *   <li>one-step, with a {@link KeyCredential} the service holds (the seal, remote keys).</li>
 * </ul>
 * Visible appearances, certification signatures and later signatures are incremental updates that
 * leave earlier revisions — and so earlier signatures — untouched.
 */
@Service
public class SigningService {

    private final CertificateVerifier certificateVerifier;
    private final TSPSource tspSource;
    private final PAdESService pades;
    private final XAdESService xades;
    private final PendingSignatureStore pending;
    private final SigningProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RecentRevocationChecks revocationChecks;

    SigningService(CertificateVerifier certificateVerifier, TSPSource tspSource, PendingSignatureStore pending,
            SigningProperties properties, Clock clock, MeterRegistry meters) {
        this.certificateVerifier = certificateVerifier;
        this.tspSource = tspSource;
        this.pades = padesService(new PreparedRevisionSignatureService.Factory());
        this.xades = new XAdESService(certificateVerifier);
        this.xades.setTspSource(tspSource);
        this.pending = pending;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.revocationChecks = new RecentRevocationChecks(properties.revocationCheckReuse(), clock);
    }

    /** Step one of a PAdES signature by a key the service does not hold. */
    public PendingSignature preparePades(DocumentInput document, List<X509Certificate> chain, PadesSignatureSpec spec,
            SigningPurpose purpose) {
        return timed(SignatureFormat.PADES, spec.level(), "prepare", () -> {
            checkPdf(document, spec);
            checkSignerKey(chain);
            Instant signingTime = now();
            PAdESSignatureParameters parameters = padesParameters(spec, chain, signingTime);
            ToBeSigned dataToSign = dataToSign(pades, dss(document), parameters);
            PreparedRevision revision = PreparedRevision.of(parameters, document.content().length);
            return remember(SignatureFormat.PADES, document, spec, null, chain, signingTime, dataToSign, revision,
                    purpose);
        });
    }

    /** Step one of a XAdES signature by a key the service does not hold. */
    public PendingSignature prepareXades(DocumentInput document, List<X509Certificate> chain, XadesSignatureSpec spec,
            SigningPurpose purpose) {
        return timed(SignatureFormat.XADES, spec.level(), "prepare", () -> {
            XmlInputs.check(document, spec.packaging());
            checkSignerKey(chain);
            Instant signingTime = now();
            XAdESSignatureParameters parameters = DssParameters.xades(spec, chain, signingTime);
            ToBeSigned dataToSign = DssErrors.translate(() -> xades.getDataToSign(dss(document), parameters));
            return remember(SignatureFormat.XADES, document, null, spec, chain, signingTime, dataToSign, null,
                    purpose);
        });
    }

    /**
     * Step two: embeds the signature value computed by the key holder. The value is checked against the
     * data to be signed and the signer's public key first, so a wrong value never produces a document. A handle
     * prepared for another purpose is answered as unknown and stays usable by its own flow.
     */
    public SignedDocument complete(String handle, SigningPurpose purpose, byte[] signatureValue) {
        Claim claim = pending.claim(handle, purpose);
        PendingState state = claim.state;
        List<X509Certificate> chain = CertificateChains.fromDer(state.certificateChain());
        SignatureLevel level = state.format() == SignatureFormat.PADES ? state.pades().level() : state.xades().level();
        SignedDocument signed;
        try {
            signed = timed(state.format(), level, "complete", () -> {
                SignatureValue value = signatureValue(state, chain, signatureValue);
                DocumentInput document = new DocumentInput(state.documentName(), claim.document);
                if (state.format() == SignatureFormat.PADES) {
                    PAdESSignatureParameters parameters = padesParameters(state.pades(), chain, state.signingTime());
                    parameters.setCheckCertificateRevocation(false); // checked when this signature was prepared
                    PreparedRevision.restore(state.preparedRevision(), state.preparedDigest(), parameters,
                            claim.document);
                    return signedPdf(document, dss(document), parameters, value);
                }
                return finishXades(document, state.xades(), chain, state.signingTime(), value);
            });
        } catch (InvalidInputException e) {
            claim.release(); // the client may retry with a correct value until the handle expires
            throw e;
        } catch (RuntimeException e) {
            claim.finish();
            throw e;
        }
        if (!claim.finish()) {
            throw PendingSignatureStore.claimLost(); // slower than the lease: another completion owns the handle
        }
        return signed;
    }

    /** One-step PAdES signature with a key the service holds. */
    public SignedDocument signPades(DocumentInput document, KeyCredential key, PadesSignatureSpec spec) {
        return timed(SignatureFormat.PADES, spec.level(), "one-step", () -> {
            checkPdf(document, spec);
            checkSignerKey(key.chain());
            Instant signingTime = now();
            PAdESSignatureParameters parameters = padesParameters(spec, key.chain(), signingTime);
            DSSDocument toSign = dss(document);
            ToBeSigned dataToSign = dataToSign(pades, toSign, parameters);
            SignatureValue value = signWith(key, parameters.getSignatureAlgorithm(), dataToSign);
            // the same parameters carry the revision getDataToSign prepared: signing only fills its hole
            return signedPdf(document, toSign, parameters, value);
        });
    }

    /**
     * One-step PAdES signature of a PDF on disk, for files of any size: PDFBox reads it from disk and DSS writes its
     * revisions and the signed file into {@code workDirectory} (the caller deletes it), so the heap holds the objects
     * the new revision touches, not the document.
     */
    public SignedFile signPadesFile(String name, Path pdf, KeyCredential key, PadesSignatureSpec spec,
            Path workDirectory) {
        return timed(SignatureFormat.PADES, spec.level(), "one-step", () -> {
            checkPdf(PdfInputs.inspect(pdf), spec);
            checkSignerKey(key.chain());
            Instant signingTime = now();
            PAdESSignatureParameters parameters = padesParameters(spec, key.chain(), signingTime);
            PAdESService service = padesService(new PreparedRevisionSignatureService.Factory(workDirectory));
            DSSDocument toSign = new FileDocument(pdf.toFile());
            ToBeSigned dataToSign = dataToSign(service, toSign, parameters);
            SignatureValue value = signWith(key, parameters.getSignatureAlgorithm(), dataToSign);
            DSSDocument signed = DssErrors.translate(() -> service.signDocument(toSign, parameters, value));
            return SignedFile.pdf(signedName(FileNames.normalise(name, "document"), SignatureFormat.PADES, null),
                    signed, workDirectory);
        });
    }

    private PAdESService padesService(PreparedRevisionSignatureService.Factory factory) {
        PAdESService service = new PAdESService(certificateVerifier);
        service.setTspSource(tspSource);
        // native drawing keeps the appearance text as real text in an embedded font (PDF/A friendly)
        service.setPdfObjFactory(factory);
        return service;
    }

    /** One-step XAdES signature with a key the service holds (e.g. the sealed audit trail). */
    public SignedDocument signXades(DocumentInput document, KeyCredential key, XadesSignatureSpec spec) {
        return timed(SignatureFormat.XADES, spec.level(), "one-step", () -> {
            XmlInputs.check(document, spec.packaging());
            checkSignerKey(key.chain());
            Instant signingTime = now();
            XAdESSignatureParameters parameters = DssParameters.xades(spec, key.chain(), signingTime);
            ToBeSigned dataToSign = DssErrors.translate(() -> xades.getDataToSign(dss(document), parameters));
            SignatureValue value = signWith(key, parameters.getSignatureAlgorithm(), dataToSign);
            return finishXades(document, spec, key.chain(), signingTime, value);
        });
    }

    private SignedDocument finishXades(DocumentInput document, XadesSignatureSpec spec, List<X509Certificate> chain,
            Instant signingTime, SignatureValue value) {
        DSSDocument signed = DssErrors.translate(() -> xades.signDocument(dss(document),
                DssParameters.xades(spec, chain, signingTime), value));
        return new SignedDocument(signedName(document.name(), SignatureFormat.XADES, spec),
                SignatureFormat.XADES.mediaType(), Documents.bytes(signed));
    }

    private SignedDocument signedPdf(DocumentInput document, DSSDocument toSign, PAdESSignatureParameters parameters,
            SignatureValue value) {
        DSSDocument signed = DssErrors.translate(() -> pades.signDocument(toSign, parameters, value));
        return new SignedDocument(signedName(document.name(), SignatureFormat.PADES, null),
                SignatureFormat.PADES.mediaType(), Documents.bytes(signed));
    }

    private PAdESSignatureParameters padesParameters(PadesSignatureSpec spec, List<X509Certificate> chain,
            Instant signingTime) {
        PAdESSignatureParameters parameters = DssParameters.pades(spec, chain, signingTime,
                properties.appearanceTimeZone());
        parameters.setCheckCertificateRevocation(properties.checkRevocationBeforeSigning()
                && !revocationChecks.recentlyPassed(chain.get(0)));
        return parameters;
    }

    /**
     * DSS's {@code getDataToSign}, which also checks the signer's certificate (validity, and revocation when asked).
     * The check is made once per signature: {@code signDocument} with the same parameters would repeat it.
     */
    private ToBeSigned dataToSign(PAdESService service, DSSDocument document, PAdESSignatureParameters parameters) {
        ToBeSigned dataToSign = DssErrors.translate(() -> service.getDataToSign(document, parameters));
        if (parameters.isCheckCertificateRevocation()) {
            revocationChecks.passed(parameters.getSigningCertificate().getCertificate());
            parameters.setCheckCertificateRevocation(false);
        }
        return dataToSign;
    }

    private PendingSignature remember(SignatureFormat format, DocumentInput document, PadesSignatureSpec padesSpec,
            XadesSignatureSpec xadesSpec, List<X509Certificate> chain, Instant signingTime, ToBeSigned dataToSign,
            PreparedRevision revision, SigningPurpose purpose) {
        String handle = PendingSignatureStore.newHandle();
        Instant expiresAt = signingTime.plus(properties.pendingSignatureLifetime());
        pending.save(new PendingState(handle, purpose.value(), format, document.name(), padesSpec, xadesSpec,
                CertificateChains.toDer(chain), signingTime, expiresAt, dataToSign.getBytes(), revision == null ? null : revision.appended(),
                revision == null ? null : revision.digest()), document.content());
        HashAlgorithm hash = padesSpec != null ? padesSpec.hash() : xadesSpec.hash();
        return new PendingSignature(handle, format, dataToSign.getBytes(), hash,
                javaSignatureAlgorithm(chain.get(0).getPublicKey(), hash), signingTime, expiresAt);
    }

    private SignatureValue signatureValue(PendingState state, List<X509Certificate> chain, byte[] rawValue) {
        PublicKey key = chain.get(0).getPublicKey();
        HashAlgorithm hash = state.pades() != null ? state.pades().hash() : state.xades().hash();
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                eu.europa.esig.dss.enumerations.EncryptionAlgorithm.forKey(key), DssParameters.digest(hash));
        SignatureValue value = new SignatureValue(algorithm, SignatureValues.normalize(rawValue, key));
        boolean valid = format(state) == SignatureFormat.PADES
                ? pades.isValidSignatureValue(new ToBeSigned(state.dataToSign()), value, new CertificateToken(chain.get(0)))
                : xades.isValidSignatureValue(new ToBeSigned(state.dataToSign()), value, new CertificateToken(chain.get(0)));
        if (!valid) {
            throw new InvalidInputException(ProblemType.SIGNATURE_VALUE_MISMATCH,
                    "The signature value does not verify with the signer's certificate over the data to be signed. "
                            + "Sign exactly the dataToSign bytes with " + javaSignatureAlgorithm(key, hash)
                            + " (PKCS#1 v1.5 for RSA).", Map.of(), null);
        }
        return value;
    }

    private static SignatureFormat format(PendingState state) {
        return state.format();
    }

    static SignatureValue signWith(KeyCredential key, SignatureAlgorithm algorithm, ToBeSigned dataToSign) {
        try {
            Signature signature = Signature.getInstance(algorithm.getJCEId());
            signature.initSign(key.privateKey());
            signature.update(dataToSign.getBytes());
            return new SignatureValue(algorithm, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new SigningException(ProblemType.KEY_UNUSABLE, "The service's signing key could not sign.", Map.of(), e);
        }
    }

    private static void checkPdf(DocumentInput document, PadesSignatureSpec spec) {
        checkPdf(PdfInputs.inspect(document.content()), spec);
    }

    private static void checkPdf(PdfInputs.PdfFacts facts, PadesSignatureSpec spec) {
        if (spec.certification() != null && facts.signatureCount() > 0) {
            throw new SigningException(ProblemType.CERTIFICATION_NOT_FIRST,
                    "A certification signature must be the first signature; this document already has "
                            + facts.signatureCount() + ".");
        }
        if (spec.appearance() != null && spec.appearance().placement() != null
                && spec.appearance().placement().page() > facts.pageCount()) {
            throw new InvalidInputException(ProblemType.INVALID_PLACEMENT, "Page " + spec.appearance().placement().page()
                    + " does not exist; the document has " + facts.pageCount() + " page(s).", Map.of(), null);
        }
    }

    static void checkSignerKey(List<X509Certificate> chain) {
        PublicKey key = chain.get(0).getPublicKey();
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new InvalidInputException(ProblemType.WEAK_KEY,
                    "RSA keys shorter than 2048 bits are not accepted for signing.", Map.of(), null);
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
            throw new InvalidInputException(ProblemType.WEAK_KEY,
                    "Elliptic-curve keys below 256 bits are not accepted for signing.", Map.of(), null);
        }
        if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)) {
            throw new InvalidInputException(ProblemType.UNSUPPORTED_KEY,
                    "Only RSA and ECDSA signer keys are supported, not " + key.getAlgorithm() + ".", Map.of(), null);
        }
    }

    static String javaSignatureAlgorithm(PublicKey key, HashAlgorithm hash) {
        String digest = hash.name();
        return key instanceof ECPublicKey ? digest + "withECDSA" : digest + "withRSA";
    }

    private <T> T timed(SignatureFormat format, SignatureLevel level, String step, Supplier<T> work) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            T result = work.get();
            outcome = "success";
            return result;
        } finally {
            sample.stop(meters.timer("paraaf.signing", "format", format.name(), "level", level.label(),
                    "step", step, "outcome", outcome));
        }
    }

    private Instant now() {
        // CMS signingTime has second precision; truncating keeps prepare and complete trivially identical
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static DSSDocument dss(DocumentInput document) {
        return new InMemoryDocument(document.content(), document.name());
    }

    private static String signedName(String name, SignatureFormat format, XadesSignatureSpec xadesSpec) {
        String base = name.replaceFirst("\\.(pdf|xml|PDF|XML)$", "");
        if (format == SignatureFormat.XADES && xadesSpec.packaging() == XmlPackaging.DETACHED) {
            return base + "-signature.xml";
        }
        return base + "-signed" + (format == SignatureFormat.PADES ? ".pdf" : ".xml");
    }


}
