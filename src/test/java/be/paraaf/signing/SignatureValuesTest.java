package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.InvalidInputException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

class SignatureValuesTest {

    @Test
    void rawEcdsaValueFromAPkcs11TokenBecomesDerAndVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] data = "data to be signed".getBytes();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(data);
        byte[] der = signer.sign();
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] raw = new byte[64];
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue().toByteArray(), raw, 0);
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue().toByteArray(), raw, 32);

        byte[] normalized = SignatureValues.normalize(raw, keys.getPublic());

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(data);
        assertThat(verifier.verify(normalized)).isTrue();
        assertThat(SignatureValues.normalize(der, keys.getPublic())).isEqualTo(der);
    }

    @Test
    void emptyOrOddSizedValuesAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        assertThatThrownBy(() -> SignatureValues.normalize(new byte[0], keys.getPublic()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SignatureValues.normalize(new byte[63], keys.getPublic()))
                .isInstanceOf(InvalidInputException.class);
    }

    private static void copyUnsigned(byte[] value, byte[] target, int offset) {
        byte[] trimmed = value.length > 32 ? Arrays.copyOfRange(value, value.length - 32, value.length) : value;
        System.arraycopy(trimmed, 0, target, offset + 32 - trimmed.length, trimmed.length);
    }
}
