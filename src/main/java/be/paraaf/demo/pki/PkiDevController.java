package be.paraaf.demo.pki;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.demo.DemoOnly;
import be.paraaf.identity.CitizenIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Development-only API to mint demo citizens and revoke their certificates, so a tester can walk through
 * eID signing and revocation scenarios without a card. Only in the dev profile, never in prod.
 */
@RestController
@DemoOnly
@ConditionalOnDemoPki
@RequestMapping("/api/dev/pki")
class PkiDevController {

    static final String SIGNATURE_SERIAL_HEADER = "Paraaf-Signature-Certificate-Serial";
    static final String AUTHENTICATION_SERIAL_HEADER = "Paraaf-Authentication-Certificate-Serial";
    static final MediaType PKCS12 = MediaType.parseMediaType("application/x-pkcs12");
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    /** RFC 8555 §9.1. */
    static final MediaType PEM_CHAIN = MediaType.parseMediaType("application/pem-certificate-chain");
    static final String CERTIFICATE_SERIAL_HEADER = "Paraaf-Certificate-Serial";

    private final DemoPki pki;

    PkiDevController(DemoPki pki) {
        this.pki = pki;
    }

    /** Body of {@code POST /api/dev/pki/credentials}. */
    record CredentialRequest(String givenName, String surname, String nationalRegisterNumber, String password,
            String format) {
    }

    /**
     * Body of {@code POST /api/dev/pki/citizen-certificates}: who, which card key, and the key itself as
     * either {@code publicKey} (SubjectPublicKeyInfo) or {@code csr} (PKCS#10, proves possession), PEM or base64.
     */
    record CitizenCertificateRequest(String givenName, String surname, String nationalRegisterNumber,
            String purpose, String publicKey, String csr) {
    }

    /** Body of {@code POST /api/dev/pki/certificates/{serial}/revocation}; a missing reason is "unspecified". */
    record RevocationRequest(String reason) {
    }

    /** An index entry as JSON: serials in hex, times in ISO-8601. */
    record IssuedCertificateView(String serial, String issuer, String subject, Instant notBefore, Instant notAfter,
            String status, Instant revocationTime, String revocationReason) {

        static IssuedCertificateView of(IssuedCertificate entry) {
            return new IssuedCertificateView(entry.serialHex(), entry.issuer().id(), entry.subject(),
                    entry.notBefore(), entry.notAfter(), entry.status().name().toLowerCase(),
                    entry.revocationTime(),
                    entry.revocationReason() == null ? null : entry.revocationReason().rfcName());
        }
    }

    @PostMapping(path = "/credentials", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> issueCredential(@RequestBody CredentialRequest request) {
        CitizenIdentity identity = identityOf(request);
        String password = require("password", request.password());
        CitizenCredential credential = pki.issueCitizenCredential(identity, password.toCharArray());
        String fileName = (identity.givenName() + "-" + identity.surname()).toLowerCase()
                .replaceAll("[^a-z0-9-]+", "_") + ".p12";
        boolean pem = "pem".equalsIgnoreCase(request.format());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(pem ? PEM : PKCS12);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(pem ? fileName.replace(".p12", "-signature.pem") : fileName).build());
        headers.set(SIGNATURE_SERIAL_HEADER, credential.signatureSerial().toString(16));
        headers.set(AUTHENTICATION_SERIAL_HEADER, credential.authenticationSerial().toString(16));
        return ResponseEntity.ok().headers(headers)
                .body(pem ? signatureKeyAsPem(credential, password) : credential.pkcs12());
    }

    /**
     * Certifies a key generated elsewhere (a virtual eID card's token) under the Citizen CA, as the eID card
     * personalisation does: answers the chain as PEM, new certificate first, then the Citizen CA and the root.
     */
    @PostMapping(path = "/citizen-certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> certifyCitizenKey(@RequestBody CitizenCertificateRequest request) {
        if (request == null) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD, "The request body is missing.");
        }
        CitizenIdentity identity = identityOf(request.givenName(), request.surname(),
                request.nationalRegisterNumber());
        CitizenKeyPurpose purpose = purposeOf(require("purpose", request.purpose()));
        boolean hasKey = request.publicKey() != null && !request.publicKey().isBlank();
        boolean hasCsr = request.csr() != null && !request.csr().isBlank();
        if (hasKey == hasCsr) {
            throw new InvalidInputException(ProblemType.INVALID_PUBLIC_KEY,
                    "Send exactly one of publicKey and csr.", Map.of("field", "publicKey"), null);
        }
        PublicKey key = hasCsr ? PublicKeyInputs.fromCertificationRequest(request.csr())
                : PublicKeyInputs.fromSubjectPublicKeyInfo(request.publicKey());
        List<X509Certificate> chain = pki.certifyCitizen(identity, key, purpose);
        return ResponseEntity.ok()
                .contentType(PEM_CHAIN)
                .header(CERTIFICATE_SERIAL_HEADER, chain.get(0).getSerialNumber().toString(16))
                .body(pemChain(chain));
    }

    @PostMapping(path = "/certificates/{serial}/revocation")
    IssuedCertificateView revoke(@PathVariable String serial, @RequestBody(required = false) RevocationRequest body) {
        RevocationReason reason = RevocationReason.parse(body == null ? null : body.reason());
        return IssuedCertificateView.of(pki.revoke(parseSerial(serial), reason));
    }

    /**
     * The "Signature" key (unencrypted PKCS#8) followed by its chain, signer first: what {@code openssl dgst
     * -sign} and the prepare call's certificateChain part take. Demo convenience only.
     */
    private static byte[] signatureKeyAsPem(CitizenCredential credential, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(credential.pkcs12()), password.toCharArray());
            String alias = CitizenKeyPurpose.SIGNATURE.label();
            StringWriter text = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
                pem.writeObject(new JcaPKCS8Generator((PrivateKey) store.getKey(alias, password.toCharArray()), null));
                for (Certificate certificate : store.getCertificateChain(alias)) {
                    pem.writeObject(certificate);
                }
            }
            return text.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot convert the credential to PEM", e);
        }
    }

    private static byte[] pemChain(List<X509Certificate> chain) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : chain) {
                pem.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the chain as PEM", e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static CitizenKeyPurpose purposeOf(String text) {
        for (CitizenKeyPurpose purpose : CitizenKeyPurpose.values()) {
            if (purpose.name().equalsIgnoreCase(text.strip()) || purpose.label().equalsIgnoreCase(text.strip())) {
                return purpose;
            }
        }
        throw new InvalidInputException(ProblemType.INVALID_PURPOSE, "purpose must be SIGNATURE or AUTHENTICATION.",
                Map.of("field", "purpose"), null);
    }

    static BigInteger parseSerial(String hex) {
        String digits = hex == null ? "" : hex.strip().replaceFirst("^(0x|0X)", "").replace(":", "");
        if (!digits.matches("[0-9a-fA-F]{1,64}")) {
            throw new InvalidInputException(ProblemType.INVALID_SERIAL, "A certificate serial must be hexadecimal.",
                    Map.of("field", "serial"), null);
        }
        return new BigInteger(digits, 16);
    }

    private static CitizenIdentity identityOf(CredentialRequest request) {
        if (request == null) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD, "The request body is missing.");
        }
        return identityOf(request.givenName(), request.surname(), request.nationalRegisterNumber());
    }

    private static CitizenIdentity identityOf(String givenNameField, String surnameField, String numberField) {
        String givenName = require("givenName", givenNameField);
        String surname = require("surname", surnameField);
        String number = require("nationalRegisterNumber", numberField);
        NationalRegisterNumber nationalNumber;
        try {
            nationalNumber = NationalRegisterNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ProblemType.INVALID_NATIONAL_REGISTER_NUMBER,
                    "nationalRegisterNumber: " + e.getMessage() + ".", Map.of("field", "nationalRegisterNumber"), e);
        }
        try {
            return new CitizenIdentity(givenName, surname, nationalNumber);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ProblemType.INVALID_NAME, e.getMessage() + ".", Map.of(), e);
        }
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD, field + " is required.", Map.of("field", field),
                    null);
        }
        return value;
    }
}
