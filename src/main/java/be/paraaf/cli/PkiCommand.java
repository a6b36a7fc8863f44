package be.paraaf.cli;

import be.paraaf.system.InvalidInputException;
import be.paraaf.demo.pki.CitizenCredential;
import be.paraaf.demo.pki.DemoPki;
import be.paraaf.demo.pki.IssuedCertificate;
import be.paraaf.demo.pki.PkiSettings;
import be.paraaf.demo.pki.RevocationReason;
import be.paraaf.identity.CitizenIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paraaf pki}: work on the embedded demo PKI's files directly, with or without a running server. */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "Demo PKI: issue citizen credentials, revoke certificates, export public certificates.",
        subcommands = {PkiCommand.Issue.class, PkiCommand.Revoke.class, PkiCommand.Export.class})
class PkiCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: issue, revoke or export.");
    }

    /** Options every pki subcommand shares; they locate (or create) the PKI the server uses. */
    static class PkiOptions {

        @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "DIR",
                description = "paraaf data directory; the PKI lives in DIR/pki (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--base-url", defaultValue = "http://localhost:8080", paramLabel = "URL",
                description = "Public base URL written into new certificates' AIA/OCSP/CRL URLs "
                        + "(default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @Option(names = "--keystore-password", defaultValue = "paraaf-demo", paramLabel = "PASSWORD",
                description = "Password of DIR/pki/keystore.p12 (paraaf.pki.keystore-password; default: "
                        + "${DEFAULT-VALUE}).")
        String keystorePassword;

        DemoPki open() {
            return DemoPki.openOrCreate(dataDir.resolve("pki"), baseUrl,
                    PkiSettings.defaults().withKeystorePassword(keystorePassword));
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue an eID-like citizen credential (Signature + Authentication keys) as PKCS#12.")
    static class Issue implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        PkiOptions pki;

        @Mixin
        PersonOptions person;

        @Option(names = "--password", required = true, description = "Password protecting the PKCS#12 file.")
        String password;

        @Option(names = "--out", required = true, paramLabel = "FILE.p12", description = "Where to write it.")
        Path out;

        @Override
        public Integer call() throws IOException {
            CitizenIdentity identity = person.person(spec, CitizenIdentity::new);
            if (password.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--password must not be empty");
            }
            CitizenCredential credential = pki.open().issueCitizenCredential(identity, password.toCharArray());
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(out, credential.pkcs12());
            PrintWriter console = spec.commandLine().getOut();
            console.printf("Wrote %s for %s (%s)%n", out, identity.fullName(),
                    identity.nationalRegisterNumber().formatted());
            console.printf("Signature certificate serial:      %s%n", credential.signatureSerial().toString(16));
            console.printf("Authentication certificate serial: %s%n", credential.authenticationSerial().toString(16));
            console.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a certificate; a running server sees it in OCSP and CRLs at once.")
    static class Revoke implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        PkiOptions pki;

        @Option(names = "--serial", required = true, paramLabel = "HEX", description = "Serial number in hex.")
        String serial;

        @Option(names = "--reason", defaultValue = "unspecified", paramLabel = "REASON",
                description = "RFC 5280 reason, e.g. keyCompromise, superseded, cessationOfOperation "
                        + "(default: ${DEFAULT-VALUE}).")
        String reason;

        @Override
        public Integer call() {
            BigInteger number;
            RevocationReason revocationReason;
            try {
                number = new BigInteger(serial.strip().replaceFirst("^(0x|0X)", "").replace(":", ""), 16);
                revocationReason = RevocationReason.parse(reason);
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--serial must be hexadecimal: '" + serial + "'");
            } catch (InvalidInputException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            IssuedCertificate revoked = pki.open().revoke(number, revocationReason);
            PrintWriter console = spec.commandLine().getOut();
            console.printf("Revoked %s (%s) at %s: %s%n", revoked.serialHex(), revoked.revocationReason().rfcName(),
                    revoked.revocationTime(), revoked.subject());
            console.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the public CA, TSA and seal certificates as DER (.crt) and PEM (.pem).")
    static class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        PkiOptions pki;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Target directory.")
        Path out;

        @Override
        public Integer call() {
            List<Path> files = pki.open().exportPublicCertificates(out);
            PrintWriter console = spec.commandLine().getOut();
            files.forEach(file -> console.println("Wrote " + file));
            console.flush();
            return 0;
        }
    }
}
