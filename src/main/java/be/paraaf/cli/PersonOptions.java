package be.paraaf.cli;

import be.paraaf.identity.NationalRegisterNumber;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** A citizen as the commands take one: names as on the eID card and the national register number. */
class PersonOptions {

    /** Builds a value from the names and the parsed number; may refuse with IllegalArgumentException. */
    @FunctionalInterface
    interface Person<T> {
        T of(String givenName, String surname, NationalRegisterNumber number);
    }

    @Option(names = "--given-name", required = true, description = "Given name, e.g. Jan.")
    String givenName;

    @Option(names = "--surname", required = true, description = "Surname, e.g. Peeters.")
    String surname;

    @Option(names = "--national-number", required = true, paramLabel = "NUMBER",
            description = "National register number, 11 digits or YY.MM.DD-SSS.CC.")
    String nationalNumber;

    /** The person, or a usage error (exit code 2) saying what is wrong. */
    <T> T person(CommandSpec spec, Person<T> person) {
        try {
            return person.of(givenName, surname, NationalRegisterNumber.parse(nationalNumber));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid --national-number or name '" + nationalNumber + "': " + e.getMessage());
        }
    }
}
