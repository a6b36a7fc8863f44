package be.paraaf.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedCellsSemicolonsCrlfABomAndBlankLines() {
        CsvTable table = CsvTable.parse(
                "\uFEFFname;note\r\n\"Peeters; An\";\"zegt \"\"ja\"\"\nen nee\"\r\n\r\nBert;\n");
        assertThat(table.header()).containsExactly("name", "note");
        assertThat(table.rows()).containsExactly(List.of("Peeters; An", "zegt \"ja\"\nen nee"), List.of("Bert", ""));
    }

    @Test
    void takesTheCommaUnlessTheHeaderHasOnlySemicolons() {
        assertThat(CsvTable.parse("a,b\n\"1;2\",3").rows()).containsExactly(List.of("1;2", "3"));
        assertThat(CsvTable.parse("a;b\n1,5;3").rows()).containsExactly(List.of("1,5", "3"));
    }

    @Test
    void refusesWhatIsNotATableInWords() {
        assertThatThrownBy(() -> CsvTable.parse("a,b\n\"open,1\n")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> CsvTable.parse("a,b\n1\n")).hasMessageContaining("line 2 has 1 cells");
        assertThatThrownBy(() -> CsvTable.parse("a,a\n1,2\n")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> CsvTable.parse("a,b\n\"x\"y,2\n")).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> CsvTable.parse("a,b\n")).hasMessageContaining("no rows");
        assertThatThrownBy(() -> CsvTable.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvTable.parse("a\n" + "1\n".repeat(CsvTable.MAX_ROWS + 1)))
                .hasMessageContaining("more than 100 rows");
        assertThat(CsvTable.parse("a\n" + "1\n".repeat(CsvTable.MAX_ROWS)).rows()).hasSize(CsvTable.MAX_ROWS);
    }
}
