package be.paraaf.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FileNamesTest {

    static Stream<Arguments> names() {
        return Stream.of(
                arguments("evil\u202efdp.exe", "evilfdp.exe"),
                arguments("a\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cb.pdf", "ab.pdf"),
                arguments("nul\u0000byte.pdf", "nulbyte.pdf"),
                arguments("bell\u0007\u001b\u007f\u0085\u009f.pdf", "bell.pdf"),
                arguments("line\r\nbreak\u2028.pdf", "linebreak.pdf"),
                arguments("../../etc/passwd", "passwd"),
                arguments("C:\\Users\\x\\lease.pdf", "lease.pdf"),
                arguments("..\\..\\boot.ini", "boot.ini"),
                arguments("  padded.pdf  ", "padded.pdf"),
                arguments("trailing.pdf. . ", "trailing.pdf"),
                arguments("quote\"colon:star*.pdf", "quote_colon_star_.pdf"),
                arguments("huurcontract \u2014 Zo\u00eb.pdf", "huurcontract \u2014 Zo\u00eb.pdf"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void normalise_keepsOnlyWhatIsSafeToShow(String name, String expected) {
        assertThat(FileNames.normalise(name, "document")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   '", "..", "../", "C:\\x\\", "\u202e\u200f"})
    void normalise_nothingLeftIsTheDefault(String name) {
        assertThat(FileNames.normalise(name, "document.pdf")).isEqualTo("document.pdf");
    }

    @Test
    void normalise_nullIsTheDefault() {
        assertThat(FileNames.normalise(null, "document")).isEqualTo("document");
    }

    @Test
    void normalise_decomposedLettersBecomeComposed() {
        assertThat(FileNames.normalise("Zoe\u0308.pdf", "document")).isEqualTo("Zo\u00eb.pdf");
    }

    @Test
    void normalise_longNamesAreCutKeepingTheExtension() {
        String name = FileNames.normalise("a".repeat(500) + ".pdf", "document");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).startsWith("aaa").endsWith("a.pdf");
    }

    @Test
    void normalise_neverCutsACharacterInTwo() {
        String name = FileNames.normalise("a" + "\ud83d\udcc4".repeat(150) + ".pdf", "document");
        assertThat(name).endsWith(".pdf").hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(Character.isHighSurrogate(name.charAt(name.length() - 5))).isFalse();
    }
}
