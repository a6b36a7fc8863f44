package be.paraaf.prepare;

import static be.paraaf.prepare.InputField.group;
import static be.paraaf.prepare.InputField.list;
import static be.paraaf.prepare.InputField.optional;
import static be.paraaf.prepare.InputField.required;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.prepare.Block.Fact;
import be.paraaf.prepare.Block.SignatureSlot;
import be.paraaf.prepare.TemplateInputException.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The social-housing lease (huurovereenkomst) between a housing company and 1..n tenants. Each tenant signs
 * in {@code tenant-1}, {@code tenant-2}, …; the company's representative signs last, in {@code agency}.
 */
final class LeaseTemplate implements DocumentTemplate {

    static final int MAX_TENANTS = 10;
    static final String AGENCY_FIELD = "agency";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    static String tenantField(int number) {
        return "tenant-" + number;
    }

    @Override
    public String name() {
        return "lease";
    }

    @Override
    public List<InputField> fields() {
        return List.of(
                group("agency",
                        required("name", Kind.TEXT),
                        required("enterpriseNumber", Kind.ENTERPRISE_NUMBER),
                        DocumentTemplate.address("address"),
                        required("representative", Kind.TEXT),
                        optional("iban", Kind.IBAN)),
                list("tenants", 1, MAX_TENANTS,
                        required("name", Kind.TEXT),
                        required("nationalNumber", Kind.NATIONAL_NUMBER),
                        required("birthDate", Kind.DATE)),
                DocumentTemplate.address("dwelling"),
                required("startDate", Kind.DATE),
                required("durationMonths", Kind.MONTHS),
                required("baseRent", Kind.AMOUNT),
                required("adjustedRent", Kind.AMOUNT),
                required("charges", Kind.AMOUNT),
                required("deposit", Kind.AMOUNT),
                optional("clauses", Kind.LONG_TEXT));
    }

    @Override
    public List<String> signatureFields() {
        return List.of("tenant-{n}", AGENCY_FIELD);
    }

    @Override
    public void crossCheck(Values values, List<FieldError> errors) {
        if (values.has("baseRent") && values.has("adjustedRent")
                && values.amount("adjustedRent").compareTo(values.amount("baseRent")) > 0) {
            errors.add(new FieldError("adjustedRent", "must not exceed the base rent"));
        }
        if (!values.has("tenants")) {
            return;
        }
        List<Values> tenants = values.list("tenants");
        for (int i = 0; i < tenants.size(); i++) {
            Values tenant = tenants.get(i);
            if (!tenant.has("birthDate")) {
                continue;
            }
            LocalDate birth = tenant.date("birthDate");
            if (values.has("startDate") && !birth.isBefore(values.date("startDate"))) {
                errors.add(new FieldError("tenants[" + i + "].birthDate", "must lie before the start date"));
            } else if (tenant.has("nationalNumber") && !matches(tenant.nationalNumber("nationalNumber"), birth)) {
                errors.add(new FieldError("tenants[" + i + "].birthDate",
                        "does not match the birth date in the national register number"));
            }
        }
    }

    /** The number starts with YYMMDD of the birth date, unless month or day is unknown (00) or it is a bis number. */
    private static boolean matches(NationalRegisterNumber number, LocalDate birth) {
        String prefix = number.value().substring(0, 6);
        int month = Integer.parseInt(prefix.substring(2, 4));
        if (month == 0 || month > 12 || prefix.endsWith("00")) {
            return true;
        }
        return prefix.equals(YYMMDD.format(birth));
    }

    @Override
    public List<Block> compose(Values values, Labels labels) {
        Values agency = values.group("agency");
        List<Values> tenants = values.list("tenants");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(title(labels)));
        blocks.add(new Block.Paragraph(labels.text("lease.intro")));

        blocks.add(new Block.Heading(labels.text("lease.landlord")));
        List<Fact> agencyFacts = new ArrayList<>(List.of(
                new Fact(labels.text("label.name"), agency.text("name")),
                new Fact(labels.text("label.enterpriseNumber"), agency.text("enterpriseNumber")),
                new Fact(labels.text("label.address"), DocumentTemplate.formatAddress(agency.group("address"), labels)),
                new Fact(labels.text("label.representative"), agency.text("representative"))));
        if (agency.has("iban")) {
            agencyFacts.add(new Fact(labels.text("label.iban"), agency.text("iban")));
        }
        blocks.add(new Block.Facts(agencyFacts));

        blocks.add(new Block.Heading(labels.text(tenants.size() == 1 ? "lease.tenant" : "lease.tenants")));
        List<Fact> tenantFacts = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            Values tenant = tenants.get(i);
            tenantFacts.add(new Fact(labels.text("lease.role.tenant", i + 1), tenant.text("name")
                    + "\n" + labels.text("label.nationalNumber") + ": "
                    + tenant.nationalNumber("nationalNumber").formatted()
                    + "\n" + labels.text("label.birthDate") + ": " + labels.date(tenant.date("birthDate"))));
        }
        blocks.add(new Block.Facts(tenantFacts));

        blocks.add(new Block.Heading(labels.text("lease.dwelling")));
        blocks.add(new Block.Facts(List.of(
                new Fact(labels.text("label.address"), DocumentTemplate.formatAddress(values.group("dwelling"), labels)),
                new Fact(labels.text("label.startDate"), labels.date(values.date("startDate"))),
                new Fact(labels.text("label.duration"), labels.duration(values.integer("durationMonths"))))));

        blocks.add(new Block.Heading(labels.text("lease.rent")));
        blocks.add(new Block.Facts(List.of(
                new Fact(labels.text("label.baseRent"), labels.amount(values.amount("baseRent"))),
                new Fact(labels.text("label.adjustedRent"), labels.amount(values.amount("adjustedRent"))),
                new Fact(labels.text("label.charges"), labels.amount(values.amount("charges"))),
                new Fact(labels.text("label.monthlyTotal"),
                        labels.amount(values.amount("adjustedRent").add(values.amount("charges")))),
                new Fact(labels.text("label.deposit"), labels.amount(values.amount("deposit"))))));
        blocks.add(new Block.Paragraph(labels.text("lease.rent.text")));

        blocks.add(new Block.Heading(labels.text("lease.general")));
        blocks.add(new Block.Steps(labels.numbered("lease.general")));
        if (values.has("clauses")) {
            blocks.add(new Block.Heading(labels.text("lease.clauses")));
            blocks.add(new Block.Paragraph(values.text("clauses")));
        }

        blocks.add(new Block.Heading(labels.text("heading.signatures")));
        blocks.add(new Block.Paragraph(labels.text("lease.signing", tenants.size() + 1)));
        List<SignatureSlot> slots = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            slots.add(new SignatureSlot(tenantField(i + 1), labels.text("lease.role.tenant", i + 1),
                    tenants.get(i).text("name"), tenants.get(i).nationalNumber("nationalNumber")));
        }
        slots.add(new SignatureSlot(AGENCY_FIELD, labels.text("lease.role.agency", agency.text("name")),
                agency.text("representative")));
        blocks.add(new Block.Signatures(slots));
        return blocks;
    }
}
