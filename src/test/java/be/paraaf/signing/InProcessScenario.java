package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.system.NotFoundException;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.DocumentVerdict;
import be.paraaf.validation.ModificationLevel;
import be.paraaf.validation.ValidationService;
import be.paraaf.validation.ValidationSummary;
import be.paraaf.validation.ValidationSummary.SignatureSummary;
import be.paraaf.validation.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One class per PAdES baseline level over this base (the way DSS tests its levels): the signing and validation
 * services called in-process — no HTTP — on the running service's demo trust services, and poppler's pdfsig as
 * the independent verifier. The HTTP contract of the same operations is tested by the {@link SigningScenario}s.
 */
abstract class InProcessScenario extends ServiceIT {

    private static final AtomicInteger CITIZENS = new AtomicInteger(400);
    private static PdfSig pdfsig;

    @Autowired
    SigningService signing;
    @Autowired
    ValidationService validation;
    @Autowired
    SealCredentials seals;

    /** The level this scenario signs at. */
    abstract SignatureLevel level();

    /** How DSS names that level for a PAdES signature. */
    final String dssLevel() {
        return "PAdES-BASELINE-" + level().label().substring(2);
    }

    @Test
    void aSealValidatesAtItsLevelInDssAndInPdfsig() {
        byte[] sealed = signing.signPades(contract(), seals.seal(), PadesSignatureSpec.invisible(level())).content();

        ValidationSummary summary = validate(sealed);
        assertThat(summary.verdict()).isEqualTo(DocumentVerdict.VALID);
        SignatureSummary signature = onlySignature(summary);
        assertThat(signature.verdict()).as(String.valueOf(signature.errors())).isEqualTo(Verdict.VALID);
        assertThat(signature.indication()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.level()).isEqualTo(dssLevel());
        // from B-LT on, validation data (and at B-LTA a document time-stamp) come after the signature: allowed
        boolean laterValidationData = level() == SignatureLevel.B_LT || level() == SignatureLevel.B_LTA;
        assertThat(signature.coversWholeDocument()).isEqualTo(!laterValidationData);
        assertThat(signature.modificationLevel())
                .isEqualTo(laterValidationData ? ModificationLevel.LTA_UPDATES : ModificationLevel.NONE);
        assertThat(summary.timestamps()).as("time-stamps of " + level())
                .hasSize(expectedTimestamps());
        assertThat(pdfsigVerdicts(sealed)).allSatisfy(verdict ->
                assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());
    }

    @Test
    void aTwoStepSignatureByACitizensKeyValidatesAndNamesTheCitizen() {
        String nationalNumber = NationalRegisterNumber.withCheck(
                "850730" + String.format("%03d", CITIZENS.incrementAndGet()), false).value();
        Citizen citizen = CLIENT.issueCitizen("Lotte", "Maes", nationalNumber);
        SigningPurpose purpose = SigningPurpose.apiClient("in-process-" + level());

        PendingSignature pending = signing.preparePades(contract(), citizen.chain(),
                PadesSignatureSpec.invisible(level()), purpose);
        byte[] value = TwoStepFlow.sign(pending.dataToSign(), pending.signatureAlgorithm(), citizen.signatureKey());
        byte[] signed = signing.complete(pending.handle(), purpose, value).content();

        SignatureSummary signature = onlySignature(validate(signed));
        assertThat(signature.verdict()).as(String.valueOf(signature.errors())).isEqualTo(Verdict.VALID);
        assertThat(signature.level()).isEqualTo(dssLevel());
        assertThat(signature.nationalRegisterNumber()).isEqualTo(nationalNumber);
        assertThat(signature.signerName()).contains("Lotte", "Maes");
        assertThatThrownBy(() -> signing.complete(pending.handle(), purpose, value))
                .as("a handle completes once").isInstanceOf(NotFoundException.class);
    }

    @Test
    void aByteChangedInsideTheSignedRangeMakesTheSignatureInvalid() {
        byte[] tampered = signing.signPades(contract(), seals.seal(), PadesSignatureSpec.invisible(level()))
                .content().clone();
        // the binary comment on the second line: inside the first signed byte range, irrelevant to parsing
        int offset = indexOf(tampered, "\n%".getBytes(StandardCharsets.ISO_8859_1)) + 2;
        assertThat(offset).isBetween(2, 40);
        tampered[offset] ^= 0x01;

        ValidationSummary summary = validate(tampered);
        assertThat(summary.verdict()).isEqualTo(DocumentVerdict.INVALID);
        SignatureSummary signature = onlySignature(summary);
        assertThat(signature.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(signature.indication()).isEqualTo("TOTAL_FAILED");
        assertThat(signature.subIndication()).isIn("HASH_FAILURE", "SIG_CRYPTO_FAILURE");
        assertThat(pdfsigVerdicts(tampered)).allSatisfy(verdict ->
                assertThat(verdict.signatureValid()).as(verdict.block()).isFalse());
    }

    /** The signature time-stamp from B-T on, and from B-LTA the document time-stamp over the validation data. */
    private int expectedTimestamps() {
        return switch (level()) {
            case B_B -> 0;
            case B_T, B_LT -> 1;
            case B_LTA -> 2;
        };
    }

    private ValidationSummary validate(byte[] pdf) {
        return validation.validate(new DocumentToValidate("in-process-" + level().label() + ".pdf", pdf));
    }

    private static SignatureSummary onlySignature(ValidationSummary summary) {
        assertThat(summary.signatures()).as("signatures").hasSize(1);
        return summary.signatures().get(0);
    }

    private static DocumentInput contract() {
        return new DocumentInput("contract.pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT));
    }

    private static synchronized List<PdfSig.Verdict> pdfsigVerdicts(byte[] pdf) {
        if (pdfsig == null) {
            pdfsig = PdfSig.trusting(CLIENT.rootCertificate(), DATA_DIR.resolve("nss-in-process-" + System.nanoTime()));
        }
        List<PdfSig.Verdict> verdicts = pdfsig.signatures(pdf).stream()
                .filter(verdict -> !verdict.documentTimestamp()).toList();
        assertThat(verdicts).as("pdfsig's signatures").hasSize(1);
        return verdicts;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
