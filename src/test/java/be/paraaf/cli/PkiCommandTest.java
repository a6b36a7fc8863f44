package be.paraaf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.pki.DemoPki;
import be.paraaf.demo.pki.PkiSettings;
import be.paraaf.demo.pki.RevocationReason;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PkiCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void issuedCredentialCanBeRevokedAndTheRevocationIsInTheIndex() throws Exception {
        Path p12 = dir.resolve("out/jan.p12");

        int issued = execute("pki", "issue", "--data-dir", dir.toString(), "--given-name", "Jan", "--surname",
                "Peeters", "--national-number", "85.07.30-033.28", "--password", "1234", "--out", p12.toString());

        assertThat(issued).as(err.toString()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        store.load(new ByteArrayInputStream(Files.readAllBytes(p12)), "1234".toCharArray());
        BigInteger serial = ((X509Certificate) store.getCertificate("Signature")).getSerialNumber();
        Matcher printed = Pattern.compile("Signature certificate serial: +([0-9a-f]+)").matcher(out.toString());
        assertThat(printed.find()).isTrue();
        assertThat(printed.group(1)).isEqualTo(serial.toString(16));

        int revoked = execute("pki", "revoke", "--data-dir", dir.toString(), "--serial", serial.toString(16),
                "--reason", "keyCompromise");

        assertThat(revoked).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Revoked " + serial.toString(16) + " (keyCompromise)");
        DemoPki pki = DemoPki.openOrCreate(dir.resolve("pki"), "http://localhost:8080", PkiSettings.defaults());
        assertThat(pki.issuedCertificate(serial).revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @Test
    void badNationalNumberIsAUsageErrorWithExitCodeTwo() {
        int exit = execute("pki", "issue", "--data-dir", dir.toString(), "--given-name", "Jan", "--surname",
                "Peeters", "--national-number", "85073003329", "--password", "1234", "--out",
                dir.resolve("x.p12").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--national-number", "mod-97");
        assertThat(dir.resolve("x.p12")).doesNotExist();
    }

    @Test
    void revokingAnUnknownSerialFailsWithExitCodeOne() {
        int exit = execute("pki", "revoke", "--data-dir", dir.toString(), "--serial", "abcdef");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("No certificate with serial abcdef");
    }

    @Test
    void unknownReasonAndNonHexSerialAreUsageErrors() {
        assertThat(execute("pki", "revoke", "--data-dir", dir.toString(), "--serial", "xyz")).isEqualTo(2);
        assertThat(execute("pki", "revoke", "--data-dir", dir.toString(), "--serial", "ab", "--reason", "boredom"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("hexadecimal", "boredom");
    }

    @Test
    void exportWritesPemAndDerCertificates() {
        Path certs = dir.resolve("certs");

        int exit = execute("pki", "export", "--data-dir", dir.toString(), "--out", certs.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(certs.resolve("paraaf-demo-root-ca.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certs.resolve("paraaf-demo-tsa.crt")).exists();
        assertThat(certs.resolve("paraaf-demo-citizen-ca.crt")).exists();
    }

    @Test
    void onlyKnownCommandNamesSelectTheCli() {
        assertThat(ParaafCli.handles(new String[] {"pki", "export"})).isTrue();
        assertThat(ParaafCli.handles(new String[] {"--server.port=9090"})).isFalse();
        assertThat(ParaafCli.handles(new String[0])).isFalse();
        assertThat(ParaafCli.handles(new String[] {"--help"})).as("usage, not a server on port 8080").isTrue();
        assertThat(ParaafCli.handles(new String[] {"help"})).isTrue();
        assertThat(ParaafCli.handles(new String[] {"-V"})).isTrue();
    }

    @Test
    void helpPrintsTheCommandsAndSaysHowTheServerStarts() {
        for (String help : new String[] {"--help", "help"}) {
            out.getBuffer().setLength(0);
            assertThat(execute(help)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("pki", "eid-agent", "itsme-app", "archive",
                    "starts the web service");
        }
    }

    private int execute(String... args) {
        CommandLine commandLine = ParaafCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
