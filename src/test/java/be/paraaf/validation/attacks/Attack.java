package be.paraaf.validation.attacks;

import java.util.Set;

/**
 * One attack file of the corpus.
 *
 * @param name a stable file name stem, e.g. {@code shadow-hide-overlay-xobject}
 * @param attackClass the published class (USF, ISA, SWA, SHADOW, EAA, SSA, CERT, ACTIVE, LTA, XSW, COVERAGE)
 * @param description what the file does, in one sentence
 * @param content the attack file
 * @param signatures how many signatures the attacked input had (all must still be reported)
 * @param expectedFindings codes of which at least one must be reported; any of them is an honest report
 * @param extension file extension (pdf or xml)
 */
public record Attack(String name, String attackClass, String description, byte[] content, int signatures,
        Set<String> expectedFindings, String extension) {

    public String fileName() {
        return name + "." + extension;
    }

    @Override
    public String toString() {
        return name;
    }
}
