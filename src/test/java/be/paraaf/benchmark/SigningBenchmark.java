package be.paraaf.benchmark;

import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.KeyCredential;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SigningService;
import be.paraaf.support.Benchmarks;
import be.paraaf.support.SampleDocuments;
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
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing and validation cost against bare DSS 6.4, measured in one run on one machine so the ratios are meaningful
 * (the machine is shared and noisy: each group has its own baseline, measured right before its candidates, and the
 * whole table is repeated {@code -Dparaaf.benchmark.rounds} times, 3 by default). Baselines: bare DSS in-process with
 * the same key, certificate verifier and TSA, as an integrator would call it — {@code getDataToSign} then
 * {@code signDocument} with fresh parameters (what a two-step integration must do), and
 * {@code SignedDocumentValidator} with the default policy. Candidates: paraaf's one-step seal in-process, its two-step
 * over HTTP (prepare upload + complete download, JSON, API key), its validation in-process (verdicts, structure
 * analysis, modification policy). 2 pages (test-docs/sample-contract.pdf), 50 and 500 blank pages; throughput at
 * 1/2/4/8 threads. Run with {@code mvn -Pbenchmark test -Dtest=SigningBenchmark}; figures in docs/performance.md.
 */
@Tag("benchmark")
class SigningBenchmark extends ServiceIT {

    private static final int ROUNDS = Integer.getInteger("paraaf.benchmark.rounds", 3);

    @Autowired
    SigningService signing;

    @Autowired
    ValidationService validation;

    @Autowired
    CertificateVerifier verifier;

    @Autowired
    TSPSource tsp;

    @Test
    void measure() throws Exception {
        Citizen citizen = CLIENT.issueCitizen("Bench", "Mark", "85073003328");
        KeyCredential key = new KeyCredential(citizen.signatureKey(), citizen.chain());
        TwoStepFlow flow = new TwoStepFlow(CLIENT);
        PAdESService bare = new PAdESService(verifier);
        bare.setTspSource(tsp);
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("2 p", TestDocs.read(TestDocs.SAMPLE_CONTRACT));
        documents.put("50 p", SampleDocuments.blankPages(50));
        documents.put("500 p", SampleDocuments.blankPages(500));
        byte[] sample = documents.get("2 p");
        byte[] signedBb = sign(key, sample, SignatureLevel.B_B);
        byte[] signedLta = sign(key, sample, SignatureLevel.B_LTA);

        StringBuilder report = new StringBuilder();
        for (int round = 1; round <= ROUNDS; round++) {
            Table table = new Table("round " + round + " of " + ROUNDS);
            documents.forEach((pages, pdf) -> {
                table.baseline(pages + " bare DSS B-B getDataToSign + signDocument",
                        run(20, 40, () -> bareSign(bare, pdf, key, SignatureLevel.B_B)));
                table.candidate(pages + " paraaf two-step B-B over HTTP",
                        run(20, 40, () -> flow.signPdf(pdf, citizen, Map.of("level", "B-B"))));
                table.candidate(pages + " paraaf seal B-B in-process", run(20, 40, () -> sign(key, pdf,
                        SignatureLevel.B_B)));
            });
            for (SignatureLevel level : List.of(SignatureLevel.B_T, SignatureLevel.B_LTA)) {
                int iterations = level == SignatureLevel.B_LTA ? 15 : 30;
                table.baseline("2 p bare DSS " + level.label() + " sign",
                        run(5, iterations, () -> bareSign(bare, sample, key, level)));
                table.candidate("2 p paraaf seal " + level.label() + " in-process",
                        run(5, iterations, () -> sign(key, sample, level)));
            }
            for (Map.Entry<String, byte[]> signed : Map.of("B-B", signedBb, "B-LTA", signedLta).entrySet()) {
                table.baseline("2 p bare DSS validation " + signed.getKey(),
                        run(5, 20, () -> bareValidate(signed.getValue())));
                table.candidate("2 p paraaf validation " + signed.getKey(), run(5, 20, () -> validation.validate(
                        new DocumentToValidate("signed.pdf", signed.getValue()))));
            }
            for (int threads : List.of(1, 2, 4, 8)) {
                table.throughput("2 p bare DSS B-B, " + threads + " threads",
                        opsPerSecond(threads, 48, () -> bareSign(bare, sample, key, SignatureLevel.B_B)), true);
                table.throughput("2 p paraaf two-step B-B over HTTP, " + threads + " threads",
                        opsPerSecond(threads, 48, () -> flow.signPdf(sample, citizen, Map.of("level", "B-B"))), false);
            }
            report.append(table);
            System.out.println(table);
        }
        System.out.println(report);
    }

    private byte[] sign(KeyCredential key, byte[] pdf, SignatureLevel level) {
        return signing.signPades(new DocumentInput("sample.pdf", pdf), key, PadesSignatureSpec.invisible(level))
                .content();
    }

    private Object bareValidate(byte[] signed) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }

    private static double[] run(int warmUp, int iterations, Runnable operation) {
        List<Double> millis = Benchmarks.samples(operation, warmUp, iterations);
        return new double[] {millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.9))};
    }

    private static double opsPerSecond(int threads, int operations, Runnable operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads * 2; i++) { // warm every thread
                pool.submit(operation).get();
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < operations; i++) {
                running.add(pool.submit(operation));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return operations / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Bare DSS as a two-step integrator calls it: the second call gets fresh parameters with the same signing date. */
    private static byte[] bareSign(PAdESService service, byte[] pdf, KeyCredential key, SignatureLevel level) {
        java.util.Date signingDate = new java.util.Date(System.currentTimeMillis() / 1000 * 1000);
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned dataToSign = service.getDataToSign(document, bareParameters(key, level, signingDate));
        SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256,
                TwoStepFlow.sign(dataToSign.getBytes(), "SHA256withRSA", key.privateKey()));
        try (java.io.InputStream in = service.signDocument(document, bareParameters(key, level, signingDate), value)
                .openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PAdESSignatureParameters bareParameters(KeyCredential key, SignatureLevel level,
            java.util.Date signingDate) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(switch (level) {
            case B_B -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B;
            case B_T -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T;
            case B_LT -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LT;
            case B_LTA -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA;
        });
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setEncryptionAlgorithm(EncryptionAlgorithm.RSA);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(signingDate);
        return parameters;
    }

    /** Rows grouped under the baseline measured just before them; ratios are candidate / baseline. */
    private static final class Table {
        private final StringBuilder text;
        private double baseline;

        Table(String title) {
            text = new StringBuilder(String.format("%n%s%n%-58s %10s %10s %10s%n", title, "operation", "median ms",
                    "p90 ms", "x baseline"));
        }

        void baseline(String name, double[] figures) {
            baseline = figures[0];
            row(name, figures);
        }

        void candidate(String name, double[] figures) {
            row(name, figures);
        }

        void throughput(String name, double perSecond, boolean isBaseline) {
            if (isBaseline) {
                baseline = 1000 / perSecond;
            }
            text.append(String.format("%-58s %10.2f %10s %10.2f%n", name + " (ms per op at throughput)",
                    1000 / perSecond, "", 1000 / perSecond / baseline));
        }

        private void row(String name, double[] figures) {
            text.append(String.format("%-58s %10.2f %10.2f %10.2f%n", name, figures[0], figures[1],
                    figures[0] / baseline));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
