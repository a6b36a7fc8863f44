package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DssReportSummariesTest {

    @Test
    void nationalRegisterNumber_eidAndEtsiForms() {
        assertThat(DssReportSummaries.nationalRegisterNumber("85073003328")).contains("85073003328");
        assertThat(DssReportSummaries.nationalRegisterNumber("PNOBE-85073003328")).contains("85073003328");
    }

    @Test
    void nationalRegisterNumber_othersAreNotNationalNumbers() {
        assertThat(DssReportSummaries.nationalRegisterNumber("85073003329")).isEmpty(); // wrong check
        assertThat(DssReportSummaries.nationalRegisterNumber("PNONL-123456782")).isEmpty();
        assertThat(DssReportSummaries.nationalRegisterNumber(null)).isEmpty();
    }

    @Test
    void readable_namesTheEidAttributes() {
        String dss = "2.5.4.5=#130b3835303733303033333238,2.5.4.42=#0c034a616e,2.5.4.4=#0c0750656574657273,"
                + "CN=Jan Peeters (Signature),C=BE";
        assertThat(DssReportSummaries.readable(dss))
                .contains("SERIALNUMBER=85073003328", "GIVENNAME=Jan", "SURNAME=Peeters", "CN=Jan Peeters (Signature)");
    }

    @Test
    void reasons_plainWordsForCommonOutcomesInEveryLanguage() {
        assertThat(ValidationTexts.reason("VALID").en()).isEqualTo("The signature is valid.");
        assertThat(ValidationTexts.reason("VALID").nl()).isEqualTo("De handtekening is geldig.");
        assertThat(ValidationTexts.reason("HASH_FAILURE").fr()).contains("modifié après sa signature");
        assertThat(ValidationTexts.reason("REVOKED_NO_POE").en()).contains("revoked");
        assertThat(ValidationTexts.reason("SOMETHING_NEW").en()).contains("SOMETHING_NEW");
    }

    @Test
    void modificationLevel_isOrderedFromHarmlessToSuspicious() {
        assertThat(ModificationLevel.NONE.max(ModificationLevel.FORM_FILLING)).isEqualTo(ModificationLevel.FORM_FILLING);
        assertThat(ModificationLevel.OTHER.max(ModificationLevel.ANNOTATIONS)).isEqualTo(ModificationLevel.OTHER);
    }
}
