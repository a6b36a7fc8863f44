package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.TestDocs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * paraaf's own reading of a PDF never fails a validation and never hangs, whatever the bytes: damaged
 * cross-reference sections, flipped bytes anywhere, truncations, garbage after %%EOF, absurd subsection
 * counts. It answers a (possibly empty) analysis; DSS decides whether the file is readable at all.
 */
class PdfStructureRobustnessTest {

    @Test
    @Timeout(120) // a hang guard, not a speed target (those are in ValidationBenchmark)
    void mutatedDocumentsAreAnalysedWithoutErrorsOrHangs() {
        byte[] lease = TestDocs.read(TestDocs.GENERATED_TEMPLATES.resolve("lease-nl.pdf"));
        Random random = new Random(20261201L);
        for (int i = 0; i < 150; i++) {
            byte[] mutated = lease.clone();
            int flips = 1 + random.nextInt(20);
            // half the flips fall in the last 2 KiB: the cross-reference section and trailer
            for (int f = 0; f < flips; f++) {
                int at = random.nextBoolean() ? random.nextInt(mutated.length)
                        : Math.max(0, mutated.length - 1 - random.nextInt(2048));
                mutated[at] = (byte) random.nextInt(256);
            }
            analyseInTime(mutated, "mutation " + i);
        }
    }

    @Test
    @Timeout(120)
    void hostileCrossReferencesAndTailsAreAnalysedWithoutErrorsOrHangs() {
        byte[] lease = TestDocs.read(TestDocs.GENERATED_TEMPLATES.resolve("lease-nl.pdf"));
        analyseInTime(Arrays.copyOf(lease, lease.length / 2), "truncated");
        analyseInTime(append(lease, "\nxref\n0 2000000000\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n"
                + lease.length + "\n%%EOF\n"), "absurd subsection count");
        analyseInTime(append(lease, "\n1 0 obj\n<</Type/XRef/W[1 4 2]/Size 99999999/Filter/FlateDecode/Length 3>>"
                + "stream\nxyz\nendstream\nendobj\nstartxref\n" + (lease.length + 1) + "\n%%EOF\n"),
                "broken xref stream");
        analyseInTime(append(lease, "%%EOF\n".repeat(5000)), "thousands of empty revisions");
        analyseInTime(append(lease, "garbage".repeat(10000)), "garbage after the last %%EOF");
        analyseInTime("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), "header and marker only");
    }

    private static void analyseInTime(byte[] pdf, String what) {
        PdfStructure.Analysis analysis = PdfStructure.analyse(pdf);
        assertThat(analysis).as(what).isNotNull();
        assertThat(PdfRevisions.read(pdf).revisions().size()).as(what).isLessThanOrEqualTo(PdfRevisions.MAX_REVISIONS);
    }

    private static byte[] append(byte[] pdf, String tail) {
        byte[] more = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] result = Arrays.copyOf(pdf, pdf.length + more.length);
        System.arraycopy(more, 0, result, pdf.length, more.length);
        return result;
    }
}
