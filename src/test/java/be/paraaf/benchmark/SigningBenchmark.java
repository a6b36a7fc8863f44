package be.paraaf.benchmark;

import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.KeyCredential;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SigningService;
import be.paraaf.support.Benchmarks;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.ValidationService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing and validation cost, measured in one run on one machine so the ratios are meaningful:
 * bare DSS PAdES-B-B signing of test-docs/sample-contract.pdf is the baseline; paraaf's in-process
 * one-step path, paraaf's two-step path over HTTP, and paraaf's validation are reported as ms/op and as a
 * multiple of the baseline. Run with {@code mvn -Pbenchmark test}.
 */
@Tag("benchmark")
class SigningBenchmark extends ServiceIT {

    @Autowired
    SigningService signing;

    @Autowired
    ValidationService validation;

    @Test
    void measure() {
        byte[] sample = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        Citizen citizen = CLIENT.issueCitizen("Bench", "Mark", "85073003328");
        KeyCredential key = new KeyCredential(citizen.signatureKey(), citizen.chain());
        TwoStepFlow flow = new TwoStepFlow(CLIENT);

        PAdESService bare = new PAdESService(new CommonCertificateVerifier());
        Supplier<byte[]> bareDss = () -> bareDssSign(bare, sample, key);
        Supplier<byte[]> inProcess = () -> signing.signPades(new DocumentInput("sample.pdf", sample), key,
                PadesSignatureSpec.invisible(SignatureLevel.B_B)).content();
        Supplier<byte[]> overHttp = () -> flow.signPdf(sample, citizen, Map.of("level", "B-B"));

        byte[] signed = inProcess.get();
        Supplier<Object> validate = () -> validation.validate(new DocumentToValidate("signed.pdf", signed));

        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("bare DSS PAdES-B-B sign", Benchmarks.measure(bareDss::get));
        results.put("paraaf in-process sign (one-step)", Benchmarks.measure(inProcess::get));
        results.put("paraaf HTTP two-step sign", Benchmarks.measure(overHttp::get));
        results.put("paraaf validation (1 signature)", Benchmarks.measure(validate::get));

        System.out.println(Benchmarks.table(results));
    }

    private static byte[] bareDssSign(PAdESService service, byte[] pdf, KeyCredential key) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setEncryptionAlgorithm(EncryptionAlgorithm.RSA);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned dataToSign = service.getDataToSign(document, parameters);
        SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256,
                TwoStepFlow.sign(dataToSign.getBytes(), "SHA256withRSA", key.privateKey()));
        try (java.io.InputStream in = service.signDocument(document, parameters, value).openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
