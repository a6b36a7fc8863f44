package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.paraaf.system.InvalidInputException;
import be.paraaf.system.NotFoundException;
import be.paraaf.prepare.TemplateInputException.FieldError;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Template input validation: every invalid field in one answer, with the Belgian check digits verified. */
class TemplateInputTest {

    private static final TemplateService SERVICE = TemplateSamples.service();

    @Test
    void oneProblemListsEveryInvalidFieldOfALease() {
        ObjectNode lease = (ObjectNode) TemplateSamples.input("lease");
        ObjectNode agency = (ObjectNode) lease.get("agency");
        agency.remove("representative");
        agency.put("enterpriseNumber", "0403.170.702");
        agency.put("iban", "BE68 5390 0754 7035");
        ObjectNode firstTenant = (ObjectNode) lease.get("tenants").get(0);
        firstTenant.put("nationalNumber", "92.05.05-123.46");
        ((ObjectNode) lease.get("tenants").get(1)).put("birthDate", "2005-02-30");
        lease.put("baseRent", "845.505");
        lease.put("deposit", "-10.00");
        lease.put("charges", "45,00");
        lease.put("startDate", "01/01/2027");
        lease.put("colour", "blue");

        TemplateInputException problem = catchThrowableOfType(TemplateInputException.class,
                () -> SERVICE.render("lease", Language.NL, lease));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.problemType()).isEqualTo("invalid-template-data");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "agency.enterpriseNumber", "agency.representative", "agency.iban", "tenants[0].nationalNumber",
                "tenants[1].birthDate", "startDate", "baseRent", "charges", "deposit", "colour");
        assertThat(problem.errors()).contains(
                new FieldError("agency.enterpriseNumber", "fails its mod-97 check"),
                new FieldError("agency.iban", "fails its mod-97 check"),
                new FieldError("tenants[0].nationalNumber", "fails its mod-97 check"),
                new FieldError("agency.representative", "is required"),
                new FieldError("baseRent", "must not have more than 2 decimals (cents)"),
                new FieldError("deposit", "must not be negative"),
                new FieldError("colour", "is not a field of this template"));
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, String>> published = (List<java.util.Map<String, String>>)
                problem.properties().get("errors");
        assertThat(published).hasSize(10).allSatisfy(error -> assertThat(error).containsOnlyKeys("field", "message"));
    }

    @Test
    void missingFieldsAreAllReportedForAnEmptyObject() {
        TemplateInputException problem = catchThrowableOfType(TemplateInputException.class,
                () -> SERVICE.render("actualisation", Language.FR, TemplateSamples.JSON.createObjectNode()));

        assertThat(problem.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("dossierNumber", "name", "nationalNumber", "choice", "date");
    }

    @Test
    void fieldsThatDependOnEachOtherAreCheckedToo() {
        ObjectNode lease = (ObjectNode) TemplateSamples.input("lease");
        lease.put("adjustedRent", "900.00");
        ((ObjectNode) lease.get("tenants").get(0)).put("birthDate", "1992-05-06");
        lease.put("deposit", "abc");

        TemplateInputException problem = catchThrowableOfType(TemplateInputException.class,
                () -> SERVICE.render("lease", Language.NL, lease));

        assertThat(problem.errors()).containsExactlyInAnyOrder(
                new FieldError("deposit", "must be an amount in euro such as 845.50"),
                new FieldError("adjustedRent", "must not exceed the base rent"),
                new FieldError("tenants[0].birthDate", "does not match the birth date in the national register number"));
    }

    @Test
    void tenantsMustBeANonEmptyListOfObjects() {
        ObjectNode lease = (ObjectNode) TemplateSamples.input("lease");
        lease.set("tenants", TemplateSamples.JSON.createArrayNode());
        assertThat(errorsOf("lease", lease)).containsExactly(
                new FieldError("tenants", "must have between 1 and 10 entries"));

        ArrayNode tenants = TemplateSamples.JSON.createArrayNode().add("Jan");
        lease.set("tenants", tenants);
        assertThat(errorsOf("lease", lease)).containsExactly(new FieldError("tenants[0]", "must be an object"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThat(errorsOf("itsme-leaflet", TemplateSamples.JSON.createArrayNode()))
                .containsExactly(new FieldError("$", "must be a JSON object"));
    }

    @Test
    void unknownTemplateIsNotFoundAndUnknownLanguageABadRequest() {
        assertThatThrownBy(() -> SERVICE.render("rental", Language.NL, TemplateSamples.JSON.createObjectNode()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("lease");
        InvalidInputException language = catchThrowableOfType(InvalidInputException.class, () -> Language.of("de"));
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.problemType()).isEqualTo("unsupported-language");
        assertThat(Language.of("FR-be")).isEqualTo(Language.FR);
    }

    @ParameterizedTest
    @CsvSource({"845.50, 845.50", "845.5, 845.50", "0, 0.00", "1225, 1225.00"})
    void amountsAreEuroWithCents(String text, BigDecimal expected) {
        assertThat(Kind.AMOUNT.parse(text)).isEqualTo(expected);
    }

    @Test
    void amountsMayBeJsonNumbers() {
        JsonNode number = TemplateSamples.JSON.readTree("845.5");
        assertThat(Kind.AMOUNT.parse(number)).isEqualTo(new BigDecimal("845.50"));
        assertThatThrownBy(() -> Kind.AMOUNT.parse(TemplateSamples.JSON.readTree("845.555")))
                .isInstanceOf(Kind.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"845.505", "-1.00", "845,50", "1e3", "€ 845.50", "12345678901"})
    void amountsWithMoreThanCentsOrASignOrACommaAreRefused(String text) {
        assertThatThrownBy(() -> Kind.AMOUNT.parse(text)).isInstanceOf(Kind.Invalid.class);
    }

    @ParameterizedTest
    @CsvSource({"0403.170.701, 0403.170.701", "BE 0403 170 701, 0403.170.701", "403170701, 0403.170.701"})
    void enterpriseNumbersAreCheckedAndFormatted(String text, String formatted) {
        assertThat(Kind.ENTERPRISE_NUMBER.parse(text)).isEqualTo(formatted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0403.170.702", "2403.170.701", "04031707"})
    void enterpriseNumbersWithAWrongCheckOrShapeAreRefused(String text) {
        assertThatThrownBy(() -> Kind.ENTERPRISE_NUMBER.parse(text)).isInstanceOf(Kind.Invalid.class);
    }

    @Test
    void ibansAreCheckedWithMod97() {
        assertThat(Kind.IBAN.parse("be68539007547034")).isEqualTo("BE68 5390 0754 7034");
        assertThat(Kind.IBAN.parse("NL91 ABNA 0417 1643 00")).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThatThrownBy(() -> Kind.IBAN.parse("BE68 5390 0754 7043")).hasMessage("fails its mod-97 check");
        assertThatThrownBy(() -> Kind.IBAN.parse("BE68 5390 0754 70")).hasMessage("is not a well-formed IBAN");
    }

    @ParameterizedTest
    @CsvSource({"0470 12 34 56, +32470123456", "+32 9 123 45 67, +3291234567", "0032 2/555.12.12, +3225551212",
            "+33 6 12 34 56 78, +33612345678"})
    void phoneNumbersAreNormalisedToE164(String text, String e164) {
        assertThat(Kind.PHONE.parse(text)).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource({"+32470123456, +32 470 12 34 56", "+3291234567, +32 9 123 45 67", "+3250123456, +32 50 12 34 56",
            "+33612345678, +33612345678"})
    void belgianPhoneNumbersArePrintedInGroups(String e164, String printed) {
        assertThat(Kind.printedPhone(e164)).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0470 12 34", "+32 470 12 34 56 7", "call me", "+0 470 12 34 56"})
    void impossiblePhoneNumbersAreRefused(String text) {
        assertThatThrownBy(() -> Kind.PHONE.parse(text)).isInstanceOf(Kind.Invalid.class);
    }

    @Test
    void nationalNumbersUseTheirMod97CheckIncludingThoseBornAfter1999() {
        assertThat(Kind.NATIONAL_NUMBER.parse("05.03.12-187.93").toString()).isEqualTo("05031218793");
        assertThatThrownBy(() -> Kind.NATIONAL_NUMBER.parse("05.03.12-187.94")).hasMessage("fails its mod-97 check");
        assertThatThrownBy(() -> Kind.NATIONAL_NUMBER.parse("85.07.30-033")).hasMessage("must have 11 digits");
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaFollowsTheDeclaration() {
        TemplateInfo lease = SERVICE.templates().stream().filter(t -> t.name().equals("lease")).findFirst().orElseThrow();
        assertThat(lease.languages()).containsExactly("nl", "fr", "en");
        assertThat(lease.titles()).containsEntry("nl", "Huurovereenkomst voor een sociale woning");
        assertThat(lease.schema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat((List<Object>) lease.schema().get("required")).contains("agency", "tenants", "baseRent");
        assertThat(lease.schema().get("properties").toString()).contains("minItems=1", "maxItems=10",
                "format=date", "pattern=");
    }

    private static List<FieldError> errorsOf(String template, JsonNode input) {
        return catchThrowableOfType(TemplateInputException.class,
                () -> SERVICE.render(template, Language.NL, input)).errors();
    }
}
