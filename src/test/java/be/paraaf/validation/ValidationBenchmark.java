package be.paraaf.validation;

import be.paraaf.ParaafProperties;
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
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
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

    private ValidationService service(boolean skipUnchangedPages, int maxPages) {
        ValidationProperties properties = new ValidationProperties(null, Duration.ofMinutes(5), maxPages,
                skipUnchangedPages, Duration.ofMinutes(1), 1, "default");
        return new ValidationService(verifier, new ValidationReports(paraaf, properties, clock), properties, meters);
    }
}
