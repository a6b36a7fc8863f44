package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.access.ApiClient;
import be.paraaf.signing.AppearanceLanguage;
import be.paraaf.signing.AugmentationService;
import be.paraaf.identity.CertificateChains;
import be.paraaf.signing.CertificationPermission;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.HashAlgorithm;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.PendingSignature;
import be.paraaf.signing.Placement;
import be.paraaf.signing.SealCredentials;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SignedDocument;
import be.paraaf.signing.SigningException;
import be.paraaf.signing.SigningPurpose;
import be.paraaf.signing.SigningService;
import be.paraaf.signing.VisibleAppearance;
import be.paraaf.signing.XadesSignatureSpec;
import be.paraaf.signing.XmlPackaging;
import io.swagger.v3.oas.annotations.Operation;
import be.paraaf.signing.SignedFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Signing over HTTP: two-step PAdES/XAdES for keys the client holds (prepare → sign dataToSign → complete; an API
 * client completes only the handles it prepared itself),
 * one-step seals with the service's own key, extension to higher levels and document time-stamps.
 */
@RestController
class SigningController {

    private final SigningService signing;
    private final AugmentationService augmentation;
    private final ObjectProvider<SealCredentials> seal;
    private final UploadedFileReader uploads;

    SigningController(SigningService signing, AugmentationService augmentation, ObjectProvider<SealCredentials> seal,
            UploadedFileReader uploads) {
        this.signing = signing;
        this.augmentation = augmentation;
        this.seal = seal;
        this.uploads = uploads;
    }

    /** The answer to a prepare call: what the key holder signs, and where to send the result. */
    record PreparedSignature(String handle, String format, String dataToSign, String digest, String digestAlgorithm,
            String signatureAlgorithm, Instant signingTime, Instant expiresAt, String completeUrl) {

        static PreparedSignature of(PendingSignature pending) {
            Base64.Encoder base64 = Base64.getEncoder();
            return new PreparedSignature(pending.handle(), pending.format().name(),
                    base64.encodeToString(pending.dataToSign()), base64.encodeToString(pending.digest()),
                    pending.hash().javaName(), pending.signatureAlgorithm(), pending.signingTime(),
                    pending.expiresAt(), "/api/signatures/" + pending.handle() + "/complete");
        }
    }

    record Completion(String signatureValue) {
    }

    @Operation(summary = "Step 1 of a PAdES signature: returns the data the signer's key must sign")
    @PostMapping(path = "/api/signatures/pades/prepare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PreparedSignature> preparePades(@AuthenticationPrincipal ApiClient client,
            @RequestPart("document") MultipartFile document, @RequestPart("certificateChain") byte[] certificateChain,
            PadesOptions options) {
        PendingSignature pending = signing.preparePades(uploads.document(document),
                CertificateChains.parse(certificateChain), options.toSpec(uploads.optionalBytes(options.image())),
                SigningPurpose.apiClient(client.id()));
        return ResponseEntity.status(HttpStatus.CREATED).body(PreparedSignature.of(pending));
    }

    @Operation(summary = "Step 1 of a XAdES signature (enveloped or detached)")
    @PostMapping(path = "/api/signatures/xades/prepare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PreparedSignature> prepareXades(@AuthenticationPrincipal ApiClient client,
            @RequestPart("document") MultipartFile document,
            @RequestPart("certificateChain") byte[] certificateChain,
            @RequestParam(name = "level", defaultValue = "B-LTA") String level,
            @RequestParam(name = "digestAlgorithm", required = false) String digestAlgorithm,
            @RequestParam(name = "packaging", required = false) String packaging) {
        XadesSignatureSpec spec = Options.parse(() -> new XadesSignatureSpec(SignatureLevel.parse(level),
                HashAlgorithm.parse(digestAlgorithm), XmlPackaging.parse(packaging)));
        PendingSignature pending = signing.prepareXades(uploads.document(document),
                CertificateChains.parse(certificateChain), spec, SigningPurpose.apiClient(client.id()));
        return ResponseEntity.status(HttpStatus.CREATED).body(PreparedSignature.of(pending));
    }

    @Operation(summary = "Step 2: embed the signature value and download the signed document")
    @PostMapping(path = "/api/signatures/{handle}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> complete(@AuthenticationPrincipal ApiClient client, @PathVariable String handle,
            @RequestBody Completion completion) {
        return download(signing.complete(handle, SigningPurpose.apiClient(client.id()),
                signatureValue(completion == null ? null : completion.signatureValue())));
    }

    /** A base64 signature value from a completion body; a 400 problem when it is missing or not base64. */
    static byte[] signatureValue(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE, "signatureValue (base64) is missing.");
        }
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE, "signatureValue is not valid base64.");
        }
    }

    @Operation(summary = "Seal a PDF (PAdES) or XML (XAdES enveloped) with the service's own seal key")
    @PostMapping(path = "/api/seals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    void seal(@RequestPart("document") MultipartFile document, PadesOptions options, HttpServletResponse response)
            throws IOException {
        SealCredentials credentials = seal.getIfAvailable();
        if (credentials == null) {
            throw new SigningException(ProblemType.SEAL_NOT_CONFIGURED,
                    "No seal key is configured (paraaf.signing.seal.key-store) and the demo PKI is off.");
        }
        if (Uploads.isXml(document)) {
            XadesSignatureSpec spec = Options.parse(() -> new XadesSignatureSpec(
                    SignatureLevel.parse(options.levelOrDefault()), HashAlgorithm.parse(options.digestAlgorithm()),
                    XmlPackaging.ENVELOPED));
            send(response, signing.signXades(uploads.document(document), credentials.seal(), spec));
            return;
        }
        PadesSignatureSpec spec = options.toSpec(uploads.optionalBytes(options.image()));
        // a PDF of any size is sealed from disk and sent from disk: the heap never holds the document
        try (UploadedFileReader.Work work = uploads.onDisk(document)) {
            send(response, signing.signPadesFile(document.getOriginalFilename(), work.input(), credentials.seal(), spec,
                    work.directory()));
        }
    }

    private static void send(HttpServletResponse response, SignedFile signed) throws IOException {
        try (InputStream in = Files.newInputStream(signed.path())) {
            send(response, signed.name(), signed.mediaType(), Files.size(signed.path()), in);
        }
    }

    private static void send(HttpServletResponse response, SignedDocument signed) throws IOException {
        send(response, signed.name(), signed.mediaType(), signed.content().length,
                new java.io.ByteArrayInputStream(signed.content()));
    }

    private static void send(HttpServletResponse response, String name, String mediaType, long length, InputStream in)
            throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(mediaType);
        response.setContentLengthLong(length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        in.transferTo(response.getOutputStream());
    }

    @Operation(summary = "Extend the signatures of a PDF or XML to B-T, B-LT or B-LTA")
    @PostMapping(path = "/api/extensions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    void extend(@RequestPart("document") MultipartFile document,
            @RequestParam(name = "level", defaultValue = "B-LTA") String level, HttpServletResponse response)
            throws IOException {
        SignatureLevel target = Options.parse(() -> SignatureLevel.parse(level));
        if (!Uploads.isPdf(document)) {
            send(response, augmentation.extend(uploads.document(document), target));
            return;
        }
        try (UploadedFileReader.Work work = uploads.onDisk(document)) {
            send(response, augmentation.extendPdfFile(document.getOriginalFilename(), work.input(), target,
                    work.directory()));
        }
    }

    @Operation(summary = "Add a PAdES document time-stamp to a PDF")
    @PostMapping(path = "/api/timestamps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    void timestamp(@RequestPart("document") MultipartFile document, HttpServletResponse response)
            throws IOException {
        if (!Uploads.isPdf(document)) { // refused in words by the in-memory path
            send(response, augmentation.timestamp(uploads.document(document)));
            return;
        }
        try (UploadedFileReader.Work work = uploads.onDisk(document)) {
            send(response, augmentation.timestampPdfFile(document.getOriginalFilename(), work.input(),
                    work.directory()));
        }
    }

    /** Form fields of a PAdES signature; all optional. Coordinates in points from the page's top-left corner. */
    record PadesOptions(String level, String digestAlgorithm, String fieldName, Integer page, Float x, Float y,
            Float width, Float height, String signerName, String consentMethod, String language, String reason,
            String location, String certification, MultipartFile image) {

        String levelOrDefault() {
            return level == null || level.isBlank() ? "B-LTA" : level;
        }

        PadesSignatureSpec toSpec(byte[] imageBytes) {
            return Options.parse(() -> {
                VisibleAppearance appearance = null;
                boolean placed = page != null || x != null || y != null || width != null || height != null;
                if (placed || fieldName != null && !fieldName.isBlank()) {
                    Placement placement = placed ? new Placement(required(page, "page"), required(x, "x"),
                            required(y, "y"), required(width, "width"), required(height, "height")) : null;
                    appearance = new VisibleAppearance(fieldName, placement, signerName, consentMethod, imageBytes,
                            AppearanceLanguage.parse(language));
                }
                return new PadesSignatureSpec(SignatureLevel.parse(levelOrDefault()),
                        HashAlgorithm.parse(digestAlgorithm), appearance, reason, location,
                        CertificationPermission.parse(certification));
            });
        }

        private static <T> T required(T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException("a placement needs page, x, y, width and height; " + name
                        + " is missing");
            }
            return value;
        }
    }

    private static ResponseEntity<byte[]> download(SignedDocument document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.name(), StandardCharsets.UTF_8).build()
                                .toString())
                .body(document.content());
    }

    /** Turns the value types' own refusals (IllegalArgument/IllegalState) into a 400 problem. */
    static final class Options {

        private Options() {
        }

        static <T> T parse(Supplier<T> build) {
            try {
                return build.get();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_OPTIONS, e.getMessage(), Map.of(), e);
            }
        }
    }

    /** What an upload is, read from its first bytes. */
    static final class Uploads {

        private Uploads() {
        }

        /** An upload with a PDF header in its first 1024 bytes, as ISO 32000 allows (read from those only). */
        static boolean isPdf(MultipartFile file) throws IOException {
            try (InputStream in = file.getInputStream()) {
                return new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1).contains("%PDF-");
            }
        }

        /** An upload whose first non-blank character opens an XML tag (read from its first 256 bytes only). */
        static boolean isXml(MultipartFile file) throws IOException {
            byte[] start;
            try (InputStream in = file.getInputStream()) {
                start = in.readNBytes(256);
            }
            String head = new String(start, StandardCharsets.UTF_8).stripLeading();
            if (head.startsWith("\uFEFF")) {
                head = head.substring(1);
            }
            return head.startsWith("<");
        }
    }
}
