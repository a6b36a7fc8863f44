package be.paraaf.validation;

import java.util.Map;

/**
 * What may change in a PDF after a signature without the signature losing its VALID verdict — data, not
 * code, after pyHanko's diff policy: a ceiling for approval signatures, one per DocMDP permission of a
 * certification signature (ISO 32000-1 §12.8.2.2, table 254: 1 no changes, 2 form filling and signing,
 * 3 also annotations), and the level each finding stands for. Named policies live in
 * {@code be/paraaf/validation/modification-policies.json}.
 *
 * @param changesAffectVerdict false for "DSS default": the verdict is DSS's indication alone and changes are
 *        only listed (to compare with what DSS's default policy answers)
 * @param levels overrides of {@link FindingCode#level()} by code
 */
public record ModificationPolicy(
        String name,
        String description,
        ModificationLevel approval,
        ModificationLevel noChanges,
        ModificationLevel formFilling,
        ModificationLevel annotations,
        boolean changesAffectVerdict,
        Map<FindingCode, ModificationLevel> levels) {

    public ModificationPolicy {
        if (name == null || name.isBlank() || description == null) {
            throw new IllegalArgumentException("a modification policy needs a name and a description");
        }
        if (approval == null || noChanges == null || formFilling == null || annotations == null) {
            throw new IllegalArgumentException("modification policy " + name
                    + " must give approval, noChanges, formFilling and annotations levels");
        }
        levels = levels == null ? Map.of() : Map.copyOf(levels);
        levels.forEach((code, level) -> {
            if (code.kind() != FindingCode.Kind.CHANGE) {
                throw new IllegalArgumentException("modification policy " + name + " rates " + code
                        + ", which is not a change");
            }
        });
    }

    /** The most that may change after a signature; {@code certification} is its DocMDP permission or null. */
    ModificationLevel allowedAfter(Integer certification) {
        if (certification == null) {
            return approval;
        }
        return switch (certification) {
            case 1 -> noChanges;
            case 3 -> annotations;
            default -> formFilling;
        };
    }

    /** The level a change finding stands for under this policy. */
    ModificationLevel levelOf(FindingCode code) {
        return levels.getOrDefault(code, code.level());
    }
}
