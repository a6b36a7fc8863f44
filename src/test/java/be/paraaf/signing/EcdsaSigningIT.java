package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.pki.CitizenKeyPurpose;
import be.paraaf.demo.pki.DemoPki;
import be.paraaf.identity.CitizenIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.TestDocs;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An EC P-256 key (as newer cards and remote HSMs hold) signs through the two-step flow. */
class EcdsaSigningIT extends SigningScenario {

    @Autowired
    DemoPki pki;

    @Test
    void ecdsaP256SignatureValidatesInDssAndPdfsig() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        CitizenIdentity identity = new CitizenIdentity("Lotte", "Mertens",
                NationalRegisterNumber.withCheck("930412456", false));
        List<X509Certificate> chain = pki.certifyCitizen(identity, keys.getPublic(), CitizenKeyPurpose.SIGNATURE);

        JsonNode prepared = prepare("/api/signatures/pades/prepare", "contract.pdf", "application/pdf",
                TestDocs.read(TestDocs.SAMPLE_CONTRACT), chain, Map.of("level", "B-T", "fieldName", "tenant-1"));
        assertThat(prepared.get("signatureAlgorithm").asString()).isEqualTo("SHA256withECDSA");
        byte[] signed = complete(prepared, keys.getPrivate());

        JsonNode signature = signatures(validate(signed, "ecdsa.pdf")).get(0);
        assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("nationalRegisterNumber").asString()).isEqualTo(identity.nationalRegisterNumber().value());
        assertThat(pdfsig().signatures(signed)).singleElement()
                .satisfies(verdict -> assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());
    }
}
