package be.paraaf.demo.pki;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Reads a public key sent by a client: a bare SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) or a PKCS#10
 * certification request (RFC 2986), each as PEM or base64 DER. A request's own signature is checked, so it
 * proves the sender holds the private key; its subject is ignored (the CA decides the subject).
 */
final class PublicKeyInputs {

    private PublicKeyInputs() {
    }

    static PublicKey fromSubjectPublicKeyInfo(String text) {
        byte[] der = der(text, "publicKey");
        try {
            return new JcaPEMKeyConverter().getPublicKey(SubjectPublicKeyInfo.getInstance(der));
        } catch (PEMException | RuntimeException e) {
            throw invalid("publicKey", "publicKey is not a DER SubjectPublicKeyInfo of a supported key type.", e);
        }
    }

    static PublicKey fromCertificationRequest(String text) {
        byte[] der = der(text, "csr");
        JcaPKCS10CertificationRequest request;
        PublicKey key;
        try {
            request = new JcaPKCS10CertificationRequest(der);
            key = request.getPublicKey();
        } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
            throw invalid("csr", "csr is not a PKCS#10 certification request with a supported key type.", e);
        }
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw invalid("csr", "The signature of the certification request does not verify with its public key.",
                    null);
        }
        return key;
    }

    /** PEM (any label, one block) or bare base64 of DER. */
    private static byte[] der(String text, String field) {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (der.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " must be PEM or base64 of DER.", e);
        }
    }

    private static InvalidInputException invalid(String field, String detail, Throwable cause) {
        return new InvalidInputException(ProblemType.INVALID_PUBLIC_KEY, detail, Map.of("field", field), cause);
    }
}
