package be.paraaf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.agent.CardException;
import be.paraaf.agent.ServerProblemException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The eID commands without a token: help, and the failures that need no card. */
class EidCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = ParaafCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void eidCommandsAreCliCommandsWithHelp() {
        assertThat(ParaafCli.handles(new String[] {"eid-agent", "--help"})).isTrue();
        assertThat(ParaafCli.handles(new String[] {"eid", "virtual-card", "--help"})).isTrue();

        assertThat(execute("eid-agent", "--help")).isZero();
        assertThat(execute("eid", "virtual-card", "--help")).isZero();
        assertThat(execute("eid-agent", "sign", "--help")).isZero();
        assertThat(execute("eid-agent", "login", "--help")).isZero();

        assertThat(out.toString()).contains("Usage: paraaf eid-agent", "Usage: paraaf eid virtual-card",
                "--card-dir", "--pin-stdin", "5 card blocked", "Usage: paraaf eid-agent login",
                "Authentication key", "0 logged in", "7 login expired");
    }

    @Test
    void loginNeedsAnEidLoginLink() {
        int exit = execute("eid-agent", "login", "--link", "http://localhost:1/api/sign/abc", "--pin-stdin");

        assertThat(exit).isEqualTo(EidExitCodes.USAGE);
        assertThat(err.toString()).contains("not an eID login link", "/api/citizen/login/eid/<id>");
    }

    @Test
    void loginWithAMissingModuleIsNoCardBeforeTheServerIsAsked() {
        int exit = execute("eid-agent", "login", "--link", "http://localhost:1/api/citizen/login/eid/abc",
                "--module", dir.resolve("libbeidpkcs11.so").toString(), "--pin-stdin");

        assertThat(exit).isEqualTo(EidExitCodes.NO_CARD);
        assertThat(err.toString()).contains("PKCS#11 module not found");
    }

    @Test
    void anExpiredLoginIsExitCodeSeven() {
        StringWriter text = new StringWriter();
        int exit = EidExitCodes.report(new ServerProblemException(410, "https://paraaf.be/problems/login-expired",
                "Login expired", "This login expired; start a new one in the browser."), "paraaf eid-agent login",
                new PrintWriter(text));

        assertThat(exit).isEqualTo(EidExitCodes.EXPIRED);
        assertThat(text.toString()).contains("start a new one in the browser");
    }

    @Test
    void aDirectoryWithoutAVirtualCardIsNoCard() {
        int exit = execute("eid-agent", "sign", "--server", "http://localhost:1", "--api-key", "k", "--document",
                "x.pdf", "--out", dir.resolve("out.pdf").toString(), "--card-dir", dir.toString(), "--pin-stdin");

        assertThat(exit).isEqualTo(EidExitCodes.NO_CARD);
        assertThat(err.toString()).contains("No eID card", "holds no virtual card");
    }

    @Test
    void aMissingModuleIsNoCardAndNoPinIsAsked() {
        int exit = execute("eid-agent", "sign", "--server", "http://localhost:1", "--api-key", "k", "--document",
                "x.pdf", "--out", dir.resolve("out.pdf").toString(), "--module",
                dir.resolve("libbeidpkcs11.so").toString());

        assertThat(exit).isEqualTo(EidExitCodes.NO_CARD);
        assertThat(err.toString()).contains("PKCS#11 module not found", "libbeidpkcs11.so");
    }

    @Test
    void virtualCardRefusesAnInvalidNationalNumberAsUsage() {
        int exit = execute("eid", "virtual-card", "create", "--server", "http://localhost:1", "--given-name", "Jan",
                "--surname", "Peeters", "--national-number", "85073003329", "--pin", "1234", "--dir",
                dir.toString());

        assertThat(exit).isEqualTo(EidExitCodes.USAGE);
        assertThat(err.toString()).contains("mod-97");
    }

    @Test
    void everyFailureHasItsOwnExitCode() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        assertThat(EidExitCodes.report(new CardException(CardException.Kind.WRONG_PIN, "w", 2, null), "a", sink))
                .isEqualTo(4);
        assertThat(EidExitCodes.report(new CardException(CardException.Kind.BLOCKED, "b"), "a", sink)).isEqualTo(5);
        assertThat(EidExitCodes.report(new CardException(CardException.Kind.NO_TOKEN, "n"), "a", sink)).isEqualTo(3);
        assertThat(EidExitCodes.report(new ServerProblemException(422, "https://paraaf.be/problems/weak-key",
                "Weak key", "d"), "a", sink)).isEqualTo(6);
        assertThat(EidExitCodes.report(new ServerProblemException(404,
                "https://paraaf.be/problems/pending-signature-expired", "Expired", "d"), "a", sink)).isEqualTo(7);
    }
}
