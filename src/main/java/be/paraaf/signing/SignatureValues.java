package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * Normalises signature values from clients. PKCS#11 tokens return ECDSA signatures as the raw
 * concatenation r || s (PKCS#11 §2.3.1); CMS wants the DER SEQUENCE { r, s } (RFC 5753). RSA values pass
 * through unchanged.
 */
final class SignatureValues {

    private SignatureValues() {
    }

    static byte[] normalize(byte[] value, PublicKey key) {
        if (value == null || value.length == 0) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE, "The signature value is empty.");
        }
        if (value.length > 2048) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE,
                    "The signature value is implausibly long.");
        }
        if (!(key instanceof ECPublicKey ec) || isDerSequence(value)) {
            return value;
        }
        int fieldBytes = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        if (value.length != 2 * fieldBytes) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE,
                    "The ECDSA signature value is neither DER nor r||s of " + 2 * fieldBytes + " bytes.");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(value, 0, fieldBytes));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(value, fieldBytes, value.length));
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDerSequence(byte[] value) {
        try {
            return ASN1Primitive.fromByteArray(value) instanceof ASN1Sequence sequence && sequence.size() == 2;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
