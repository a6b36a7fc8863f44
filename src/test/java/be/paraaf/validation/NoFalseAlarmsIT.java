package be.paraaf.validation;

import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceIT;
import be.paraaf.validation.legit.LegitCorpus;
import be.paraaf.validation.legit.LegitVerdicts;
import be.paraaf.validation.legit.LegitVerdicts.Expectation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No false alarms: legitimately signed, multi-signed, extended and certified documents must come out VALID (or
 * VALID_WITH_ALLOWED_CHANGES where a certification allowed the change), with every signature VALID, DSS finding no
 * undefined object change, and pdfsig accepting every signature. Write the corpus to a folder with
 * {@code -Dparaaf.legit.out=/tmp/legit}.
 */
class NoFalseAlarmsIT extends ServiceIT {

    private static final LegitCorpus CORPUS = new LegitCorpus(CLIENT);
    private static LegitVerdicts verdicts;

    static synchronized LegitVerdicts verdicts() {
        if (verdicts == null) {
            String out = System.getProperty("paraaf.legit.out");
            verdicts = new LegitVerdicts(CLIENT, PdfSig.trusting(CLIENT.rootCertificate(),
                    DATA_DIR.resolve("nss-legit-" + System.nanoTime())), out == null ? null : Path.of(out));
        }
        return verdicts;
    }

    @ParameterizedTest(name = "{0} signed by all its signers at {1}")
    @CsvSource({"lease, B-B", "lease, B-T", "lease, B-LT", "lease, B-LTA",
        "itsme-contract, B-B", "itsme-contract, B-T", "itsme-contract, B-LT", "itsme-contract, B-LTA",
        "actualisation, B-B", "actualisation, B-T", "actualisation, B-LT", "actualisation, B-LTA"})
    void templateSignedByAllItsSignersInTheirFields(String template, String level) {
        List<String> fields = LegitCorpus.TEMPLATE_FIELDS.get(template);
        byte[] signed = CORPUS.signAll(CORPUS.template(template), fields, level);
        verdicts().assertLegitimate(template + "-" + level, signed, fields.size(), Expectation.OURS);
    }
}
