package be.paraaf.cli;

import be.paraaf.agent.AgentSettings;
import be.paraaf.agent.CardActions;
import be.paraaf.agent.LocalAgent;
import be.paraaf.agent.SwingConsentPrompt;
import be.paraaf.agent.CardSigner;
import be.paraaf.agent.CitizenLoginClient;
import be.paraaf.agent.HolderNames;
import be.paraaf.agent.Pkcs11Module;
import be.paraaf.agent.TwoStepClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code paraaf eid-agent}: the holder's side of the eID, because a browser cannot reach a smartcard. Opens the
 * card through PKCS#11 (SunPKCS11) and asks the PIN; {@code sign} runs paraaf's two-step signature over HTTP
 * with the card's "Signature" key, {@code login} answers a web page's login challenge with its
 * "Authentication" key.
 */
@Command(name = "eid-agent", mixinStandardHelpOptions = true,
        description = "Sign, or log in to a paraaf web page, with a Belgian eID card (or a virtual card) through "
                + "PKCS#11.",
        subcommands = {EidAgentCommand.Sign.class, EidAgentCommand.Login.class, EidAgentCommand.Serve.class})
class EidAgentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: sign, login or serve.");
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run the local signing agent (docs/agent.md): listen on 127.0.0.1 for the paraaf pages of "
                    + "the given origins, and for every request show a window that says who asks and what, and asks "
                    + "the PIN. Runs until stopped."})
    static class Serve implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--origin", required = true, paramLabel = "URL",
                description = "The paraaf service whose pages may use the card (repeatable), e.g. "
                        + "https://paraaf.example.be.")
        List<String> origins;

        @Option(names = "--port", defaultValue = "" + AgentSettings.DEFAULT_PORT, paramLabel = "N",
                description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}, where the pages look).")
        int port;

        @Mixin
        CardOptions card;

        @Override
        public Integer call() throws InterruptedException {
            try {
                OptionalInt child = card.runInChildJvmIfNeeded(spec);
                if (child.isPresent()) {
                    return child.getAsInt();
                }
                AgentSettings settings = new AgentSettings(port, new LinkedHashSet<>(origins), card.choice());
                LocalAgent agent = LocalAgent.start(settings, new SwingConsentPrompt());
                PrintWriter out = spec.commandLine().getOut();
                out.printf("paraaf agent %s listening on http://127.0.0.1:%d for %s%n", LocalAgent.VERSION,
                        agent.port(), String.join(", ", settings.allowedOrigins()));
                out.flush();
                Thread.currentThread().join(); // serve until the process is stopped
                return EidExitCodes.OK;
            } catch (RuntimeException e) {
                return EidExitCodes.report(e, "paraaf eid-agent serve", spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Log in to a paraaf web page with the card's Authentication key: the page shows this "
                    + "command with its link; the agent fetches the login's challenge, asks the PIN, signs the "
                    + "challenge on the card and sends it with the Authentication certificate. The browser then "
                    + "finds itself logged in; the agent never gets the session.", EidExitCodes.LOGIN_DESCRIPTION})
    static class Login implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--link", required = true, paramLabel = "URL", description = "The link the login page "
                + "shows: http(s)://host/api/citizen/login/eid/<id>.")
        URI link;

        @Mixin
        CardOptions card;

        @Mixin
        PinInput pin;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                OptionalInt child = card.runInChildJvmIfNeeded(spec);
                if (child.isPresent()) {
                    return child.getAsInt();
                }
                CitizenLoginClient client = CitizenLoginClient.forLink(link);
                Pkcs11Module token = card.module();
                // fetch first: an expired or answered login stops here, before the PIN is asked for nothing
                CitizenLoginClient.Challenge challenge = client.challenge();
                char[] pinValue = pin.read("eID PIN: ");
                try (CardSigner signer = card.open(token, pinValue, CardSigner.AUTHENTICATION_KEY)) {
                    List<X509Certificate> chain = CardActions.fullChain(signer);
                    CitizenLoginClient.Answer answer = CardActions.answerLogin(client, challenge, signer, chain);
                    out.printf("Logged in as %s (national register number %s) — return to your browser%n",
                            HolderNames.of(chain.get(0)), answer.nationalRegisterNumber());
                    out.flush();
                    return EidExitCodes.OK;
                }
            } catch (RuntimeException e) {
                return EidExitCodes.report(e, "paraaf eid-agent login", spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Sign a PDF with the card's Signature key: prepare on the server, sign on the card "
                    + "after the PIN, complete on the server.", EidExitCodes.DESCRIPTION})
    static class Sign implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--link", paramLabel = "URL", description = "A signing request's personal link "
                + "(http(s)://host/api/sign/<token>): sign the request's document in the signer's field, at its "
                + "level; or an itsme enrolment's contract link (http(s)://host/api/itsme/enrolments/<id>/contract): "
                + "confirm the enrolment. Replaces --server, --document, --field, --level and --out.")
        URI link;

        @Option(names = "--server", paramLabel = "URL", description = "paraaf base URL.")
        URI server;

        @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:PARAAF_API_KEY}",
                description = "API key of the API client signing through --server (default: $PARAAF_API_KEY); "
                        + "a --link needs none.")
        String apiKey;

        @Option(names = "--document", paramLabel = "FILE.pdf", description = "PDF to sign.")
        Path document;

        @Option(names = "--out", paramLabel = "FILE.pdf", description = "Where to write the signed PDF.")
        Path out;

        @Option(names = "--field", paramLabel = "NAME", description = "Signature field to sign (e.g. tenant-1).")
        String field;

        @Option(names = "--level", defaultValue = "B-LTA", paramLabel = "LEVEL",
                description = "PAdES level: B-B, B-T, B-LT or B-LTA (default: ${DEFAULT-VALUE}).")
        String level;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Reason shown in the signature.")
        String reason;

        @Option(names = "--location", paramLabel = "TEXT", description = "Location shown in the signature.")
        String location;

        @Mixin
        CardOptions card;

        @Mixin
        PinInput pin;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                OptionalInt child = card.runInChildJvmIfNeeded(spec);
                if (child.isPresent()) {
                    return child.getAsInt();
                }
                if (link == null && (server == null || document == null || this.out == null || apiKey == null
                        || apiKey.isBlank())) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "give either --link, or --server, --api-key, --document and --out");
                }
                Pkcs11Module token = card.module();
                byte[] pdf = link == null ? readDocument() : null;
                char[] pinValue = pin.read("eID PIN: ");
                try (CardSigner signer = card.open(token, pinValue, CardSigner.SIGNATURE_KEY)) {
                    List<X509Certificate> chain = CardActions.fullChain(signer);
                    out.printf("Signing as %s%n", new X500Name(BCStyle.INSTANCE,
                            X500Name.getInstance(chain.get(0).getSubjectX500Principal().getEncoded()).getRDNs()));
                    if (link != null) {
                        out.println(new String(CardActions.signThroughLink(link, signer, chain),
                                StandardCharsets.UTF_8));
                        out.println("Signed through " + link.getPath());
                        out.flush();
                        return EidExitCodes.OK;
                    }
                    TwoStepClient client = new TwoStepClient(server, Duration.ofSeconds(60), apiKey);
                    TwoStepClient.Prepared prepared = client.prepare(TwoStepClient.PADES_PREPARE,
                            new TwoStepClient.Document(document.getFileName().toString(), "application/pdf", pdf),
                            chain, options());
                    byte[] signatureValue = signer.sign(prepared.dataToSign(), prepared.signatureAlgorithm());
                    byte[] signed = client.complete(prepared, signatureValue);
                    write(signed);
                }
                out.printf("Signed %s at PAdES %s%s: %s%n", document, level,
                        field == null ? "" : " in field " + field, this.out);
                out.flush();
                return EidExitCodes.OK;
            } catch (RuntimeException e) {
                return EidExitCodes.report(e, "paraaf eid-agent", err);
            }
        }

        private Map<String, String> options() {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("level", level);
            options.put("fieldName", field);
            options.put("consentMethod", "eID card");
            options.put("reason", reason);
            options.put("location", location);
            return options;
        }

        private byte[] readDocument() {
            try {
                return Files.readAllBytes(document);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --document " + document + ": " + e.getMessage());
            }
        }

        private void write(byte[] signed) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.write(out, signed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out, e);
            }
        }
    }
}
