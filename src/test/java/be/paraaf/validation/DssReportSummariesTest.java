package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
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
    void reasons_plainWordsForCommonOutcomes() {
        assertThat(DssReportSummaries.Reasons.explain(Indication.TOTAL_PASSED, null)).isEqualTo("The signature is valid.");
        assertThat(DssReportSummaries.Reasons.explain(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE))
                .contains("changed after it was signed");
        assertThat(DssReportSummaries.Reasons.explain(Indication.INDETERMINATE, SubIndication.REVOKED_NO_POE))
                .contains("revoked");
    }

    @Test
    void modificationLevel_isOrderedFromHarmlessToSuspicious() {
        assertThat(ModificationLevel.NONE.max(ModificationLevel.FORM_FILLING)).isEqualTo(ModificationLevel.FORM_FILLING);
        assertThat(ModificationLevel.OTHER.max(ModificationLevel.ANNOTATIONS)).isEqualTo(ModificationLevel.OTHER);
    }
}
