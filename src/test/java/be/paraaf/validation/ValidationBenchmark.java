package be.paraaf.validation;

import be.paraaf.system.ParaafProperties;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.SealCredentials;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SigningService;
import be.paraaf.support.Benchmarks;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import be.paraaf.validation.attacks.Attack;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What DSS's shadow-attack detection costs and what the page-fingerprint short-cut saves, on a two-page
 * PAdES-B-LTA document (signature, /DSS revision, document time-stamp). Baseline: DSS's own finder, every
 * page rendered twice. Run with {@code mvn -Pbenchmark test}.
 */
@Tag("benchmark")
class ValidationBenchmark extends ServiceIT {

    @Autowired
    SigningService signing;
    @Autowired
    SealCredentials seal;
    @Autowired
    CertificateVerifier verifier;
    @Autowired
    ParaafProperties paraaf;
    @Autowired
    ReportLinks links;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Clock clock;

    @Test
    void measure() {
        byte[] lta = signing.signPades(new DocumentInput("contract.pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)),
                seal.seal(), PadesSignatureSpec.invisible(SignatureLevel.B_LTA)).content();
        DocumentToValidate document = new DocumentToValidate("contract-lta.pdf", lta);

        ValidationService dss = service(false, 10);
        ValidationService paraafFinder = service(true, 10);
        ValidationService off = service(false, 0);
        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("DSS visual comparison (every page rendered)", Benchmarks.measure(() -> dss.validate(document)));
        results.put("paraaf: render only pages whose objects changed",
                Benchmarks.measure(() -> paraafFinder.validate(document)));
        results.put("no visual comparison at all (detection off)", Benchmarks.measure(() -> off.validate(document)));
        System.out.println(Benchmarks.table(results));
    }

    /**
     * The attack corpus (every published attack class applied to our own output, PDFs only): ms per file for
     * bare DSS 6.4 with its default policy (PDFDocumentValidator, same certificate verifier) and for paraaf's
     * whole verdict (DSS + structure + revision comparison + policy + stored reports), in the same run.
     */
    @Test
    void attackCorpus() {
        List<byte[]> pdfs = AttackCorpusIT.buildCorpus().stream().map(Attack::content)
                .filter(content -> new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")).toList();
        ValidationService paraafService = service(true, 10);
        java.util.function.Consumer<byte[]> bareDss = pdf -> {
            PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
            validator.setCertificateVerifier(verifier);
            validator.validateDocument();
        };
        java.util.function.Consumer<byte[]> paraafVerdict =
                pdf -> paraafService.validate(new DocumentToValidate("attack.pdf", pdf));
        // interleaved (A B A B …) so that drift on a noisy machine falls on both alike
        List<Double> dss = new java.util.ArrayList<>();
        List<Double> ours = new java.util.ArrayList<>();
        for (int round = -2; round < 5; round++) {
            double a = perFile(pdfs, bareDss);
            double b = perFile(pdfs, paraafVerdict);
            if (round >= 0) {
                dss.add(a);
                ours.add(b);
            }
        }
        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("bare DSS, default policy (" + pdfs.size() + " attack PDFs, ms/file)", medianAndMax(dss));
        results.put("paraaf verdict, default policy (ms/file)", medianAndMax(ours));
        System.out.println(Benchmarks.table(results, 2, 5));
    }

    private static double perFile(List<byte[]> pdfs, java.util.function.Consumer<byte[]> validation) {
        long start = System.nanoTime();
        pdfs.forEach(validation);
        return (System.nanoTime() - start) / 1e6 / pdfs.size();
    }

    private static double[] medianAndMax(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return new double[] {sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)};
    }

    private ValidationService service(boolean skipUnchangedPages, int maxPages) {
        ValidationProperties properties = new ValidationProperties(null, Duration.ofMinutes(5), maxPages,
                skipUnchangedPages, Duration.ofMinutes(1), 1, "default",
                new ValidationProperties.Reports(org.springframework.util.unit.DataSize.ofGigabytes(1), 10_000,
                        java.time.Duration.ofMinutes(5)));
        return new ValidationService(verifier, new ValidationReportsOnDisk(paraaf, properties, clock), properties,
                meters, links);
    }
}
