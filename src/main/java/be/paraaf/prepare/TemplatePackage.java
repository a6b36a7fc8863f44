package be.paraaf.prepare;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.prepare.TemplateInputException.FieldError;
import com.samskivert.mustache.Template;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A template as data: the Mustache XHTML, the input fields (which also yield the published JSON Schema), the
 * signers (each a role, the signature field name it gets, and the input field naming the party who signs),
 * checks across fields, computed values, labels per language and the package's other files (CSS, images).
 * Read and validated by {@link TemplatePackageReader}.
 *
 * @param version 1 for the built-in templates; an agency's uploads count up per name
 */
record TemplatePackage(String name, int version, List<InputField> fields, List<Signer> signers,
        List<CrossCheck> checks, List<Computed> computed, Template markup, Map<Language, Map<String, String>> labels,
        Map<String, byte[]> files) {

    TemplatePackage {
        fields = List.copyOf(fields);
        signers = List.copyOf(signers);
        checks = List.copyOf(checks);
        computed = List.copyOf(computed);
        labels = Map.copyOf(labels);
        files = Map.copyOf(files);
    }

    /**
     * Who signs, e.g. role {@code tenant}, field {@code tenant-{n}} (one per entry of the list input {@code party},
     * numbered from 1), party {@code tenants}. The party is the input field (a group or a list of groups, or
     * {@code $} for the top level) that describes the signer, so identity checks can compare the signer with it.
     */
    record Signer(String role, String field, String party) {

        boolean repeated() {
            return field.contains("{n}");
        }

        String fieldName(int number) {
            return field.replace("{n}", String.valueOf(number));
        }
    }

    /** A sum of amount fields shown in the document, e.g. the monthly total of rent and charges. */
    record Computed(String name, List<String> sum) {
    }

    String title(Language language) {
        return labels.get(language).get("title");
    }

    /** The signature field names as documented in the listing, e.g. {@code tenant-{n}, agency}. */
    List<String> signatureFields() {
        return signers.stream().map(Signer::field).toList();
    }

    /** A check that spans several fields; {@code values} may be partial (fields that failed are absent). */
    sealed interface CrossCheck {
        void check(Values values, List<FieldError> errors);
    }

    /** {@code field} must not exceed {@code limit} (both amounts). */
    record AtMost(String field, String limit, String message) implements CrossCheck {
        @Override
        public void check(Values values, List<FieldError> errors) {
            if (values.has(field) && values.has(limit) && values.amount(field).compareTo(values.amount(limit)) > 0) {
                errors.add(new FieldError(field, message));
            }
        }
    }

    /**
     * In each entry of {@code list}: the birth date lies before the top-level date {@code before} and matches
     * the YYMMDD the national register number starts with (unless month or day is unknown, or a bis number).
     */
    record BirthDates(String list, String before) implements CrossCheck {
        private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

        @Override
        public void check(Values values, List<FieldError> errors) {
            if (!values.has(list)) {
                return;
            }
            List<Values> entries = values.list(list);
            for (int i = 0; i < entries.size(); i++) {
                Values entry = entries.get(i);
                if (!entry.has("birthDate")) {
                    continue;
                }
                LocalDate birth = entry.date("birthDate");
                if (values.has(before) && !birth.isBefore(values.date(before))) {
                    errors.add(new FieldError(list + "[" + i + "].birthDate", "must lie before the start date"));
                } else if (entry.has("nationalNumber") && !matches(entry.nationalNumber("nationalNumber"), birth)) {
                    errors.add(new FieldError(list + "[" + i + "].birthDate",
                            "does not match the birth date in the national register number"));
                }
            }
        }

        private static boolean matches(NationalRegisterNumber number, LocalDate birth) {
            String prefix = number.value().substring(0, 6);
            int month = Integer.parseInt(prefix.substring(2, 4));
            if (month == 0 || month > 12 || prefix.endsWith("00")) {
                return true;
            }
            return prefix.equals(YYMMDD.format(birth));
        }
    }
}
