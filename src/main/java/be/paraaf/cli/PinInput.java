package be.paraaf.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * How a command gets a PIN: from the console without echo, or with {@code --pin-stdin} as the first line of
 * standard input (scripts, tests). Never as a command-line argument: those show in {@code ps} and shell history.
 */
class PinInput {

    @Option(names = "--pin-stdin", description = "Read the PIN from the first line of standard input "
            + "instead of asking on the console.")
    boolean fromStdin;

    char[] read(String prompt) {
        if (fromStdin) {
            return firstLineOfStdin();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no console to ask the PIN on; use --pin-stdin");
        }
        char[] pin = console.readPassword("%s", prompt);
        if (pin == null || pin.length == 0) {
            throw new IllegalArgumentException("no PIN entered");
        }
        return pin;
    }

    static char[] firstLineOfStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException("--pin-stdin: standard input holds no PIN");
            }
            return line.strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
