package be.paraaf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.access.ApiKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ApiKeyCommandTest {

    @Test
    void generatePrintsANewKeyAndTheHashToConfigure() {
        String first = generate();
        String second = generate();
        Matcher printed = Pattern.compile("key:\\s+(pk_\\S+)\\s+key-sha256:\\s+([0-9a-f]{64})").matcher(first);
        assertThat(printed.find()).as(first).isTrue();
        assertThat(printed.group(2)).isEqualTo(ApiKeys.hash(printed.group(1)));
        assertThat(second).isNotEqualTo(first);
    }

    private static String generate() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = ParaafCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute("api-key", "generate")).isZero();
        return out.toString();
    }
}
