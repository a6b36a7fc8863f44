package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentServiceTest {

    @Test
    void fileName_keepsOnlyTheLastPathSegmentWithoutControlCharacters() {
        assertThat(DocumentService.fileName("C:\\Users\\jan\\huur.pdf")).isEqualTo("huur.pdf");
        assertThat(DocumentService.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DocumentService.fileName("lease\u0000\n.pdf")).isEqualTo("lease.pdf");
        assertThat(DocumentService.fileName("   ")).isEqualTo("document.pdf");
        assertThat(DocumentService.fileName(null)).isEqualTo("document.pdf");
        assertThat(DocumentService.fileName("a".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
    }
}
