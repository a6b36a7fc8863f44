package be.paraaf.request;

import be.paraaf.system.ProblemType;
import be.paraaf.audit.AuditEntry;
import be.paraaf.audit.AuditTrail;
import be.paraaf.prepare.CompletionCertificateDocument;
import be.paraaf.prepare.CompletionCertificateDocument.Content;
import be.paraaf.prepare.CompletionCertificateDocument.SignerLine;
import be.paraaf.prepare.DocumentService;
import be.paraaf.prepare.DocumentService.DocumentContent;
import be.paraaf.prepare.Language;
import be.paraaf.identity.CertificateChains;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.SealCredentials;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SigningService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The completion certificate of a COMPLETED request (see {@link CompletionCertificateDocument}), sealed by the
 * service with its seal key — the key that seals the archive's evidence — as PAdES-B-LTA, so anyone can check it
 * was issued by this service and not changed. Made when asked (agency download, completion mail); each copy
 * states the same facts under a seal of its own time.
 */
@Service
public class CompletionCertificateService {

    private final RequestRepository requests;
    private final RequestService workflow;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final CompletionCertificateDocument layout;
    private final SigningService signing;
    private final ObjectProvider<SealCredentials> seal;
    private final JdbcClient jdbc;

    CompletionCertificateService(RequestRepository requests, RequestService workflow, DocumentService documents,
            AuditTrail audit, CompletionCertificateDocument layout, SigningService signing,
            ObjectProvider<SealCredentials> seal, JdbcClient jdbc) {
        this.requests = requests;
        this.workflow = workflow;
        this.documents = documents;
        this.audit = audit;
        this.layout = layout;
        this.signing = signing;
        this.seal = seal;
        this.jdbc = jdbc;
    }

    /** The agency's download: its request's certificate in {@code language}; 409 until the request completed. */
    public DocumentContent forAgency(String clientId, String requestId, Language language) {
        return certificate(workflow.find(clientId, requestId), language);
    }

    DocumentContent certificate(SigningRequest request, Language language) {
        if (request.state() != RequestState.COMPLETED) {
            throw new RequestException(ProblemType.REQUEST_NOT_COMPLETED, "The request is " + request.state()
                    + "; a completion certificate exists only once every signer has signed.",
                    Map.of("state", request.state().name()));
        }
        SealCredentials credentials = seal.getIfAvailable();
        if (credentials == null) {
            throw new RequestException(ProblemType.SEAL_NOT_CONFIGURED, "The completion certificate needs the service's "
                    + "seal key (paraaf.signing.seal.key-store, or the demo PKI).");
        }
        DocumentContent signed = documents.content(request.ownerClientId(), request.documentId());
        List<AuditEntry> trail = audit.entries(request.id());
        AuditEntry completed = trail.stream().filter(entry -> entry.event().equals("request.completed")).findFirst()
                .orElseThrow(() -> new IllegalStateException("request " + request.id() + " has no completion entry"));
        boolean intact = audit.verify(request.id()).intact();
        String agency = jdbc.sql("select name from api_clients where id = ?").param(request.ownerClientId())
                .query(String.class).optional().orElse(request.ownerClientId());
        List<SignerLine> signers = request.signers().stream().map(signer -> line(request, signer)).toList();
        byte[] pdf = layout.render(new Content(request.id(), request.title(), agency, signed.name(),
                sha256(signed.bytes()), completed.occurredAt(), signers, completed.entryHash(), completed.sequence(),
                intact), language);
        String name = "completion-certificate-" + request.id() + "-" + language.tag() + ".pdf";
        byte[] sealed = signing.signPades(new DocumentInput(name, pdf), credentials.seal(),
                PadesSignatureSpec.invisible(SignatureLevel.B_LTA)).content();
        return new DocumentContent(name, sha256(sealed), sealed);
    }

    private SignerLine line(SigningRequest request, Signer signer) {
        SignerAttempt attempt = requests.finishedAttempt(request.id(), signer.position()).orElse(null);
        String subject = "—";
        String serial = "—";
        if (attempt != null) {
            X509Certificate certificate = CertificateChains.parseBase64(List.of(attempt.signerCertificate())).get(0);
            // readable names (SERIALNUMBER=, GIVENNAME=, SURNAME=), with the national number masked as elsewhere
            subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC1779, Map.of(
                    "2.5.4.5", "SERIALNUMBER", "2.5.4.42", "GIVENNAME", "2.5.4.4", "SURNAME"))
                    .replace(signer.number().value(), masked(signer));
            serial = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        }
        String method = attempt == null ? "—" : attempt.method() == ConsentMethods.ITSME ? "itsme" : "eID";
        return new SignerLine(signer.name(), signer.role(), masked(signer), method, signer.actedAt(), subject, serial);
    }

    /** "85.07.30-***.**": the birth date part, as Belgians see it on letters, and nothing that identifies. */
    static String masked(Signer signer) {
        return signer.number().formatted().substring(0, 8) + "-***.**";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
