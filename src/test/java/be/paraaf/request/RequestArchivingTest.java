package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestArchivingTest {

    @Test
    void anAgencyTemplateVersionIsArchivedUnderItsTemplateName() {
        // DashboardPageIT's bulk-sent lease on the agency's own lease@N was retried forever: "lease@2" is no type
        assertThat(RequestArchiving.documentType("template:lease@3")).isEqualTo("lease");
        assertThat(RequestArchiving.documentType("template:itsme-contract")).isEqualTo("itsme-contract");
        assertThat(RequestArchiving.documentType("upload")).isEqualTo("upload");
        assertThat(RequestArchiving.documentType(null)).isEqualTo("upload");
    }
}
