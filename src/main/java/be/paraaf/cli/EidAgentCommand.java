package be.paraaf.cli;

import be.paraaf.consent.eid.CardException;
import be.paraaf.consent.eid.CardSigner;
import be.paraaf.consent.eid.IssuerCertificates;
import be.paraaf.consent.eid.PinGuard;
import be.paraaf.consent.eid.Pkcs11Module;
import be.paraaf.consent.eid.TwoStepClient;
import be.paraaf.consent.eid.VirtualCard;
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
import java.util.List;
import java.util.Map;
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
 * {@code paraaf eid-agent}: the holder's side of an eID signature. Opens the card through PKCS#11
 * (SunPKCS11), asks the PIN, and runs paraaf's two-step signature over HTTP with the card's "Signature" key.
 */
@Command(name = "eid-agent", mixinStandardHelpOptions = true,
        description = "Sign with a Belgian eID card (or a virtual card) through PKCS#11.",
        subcommands = {EidAgentCommand.Sign.class})
class EidAgentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: sign.");
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Sign a PDF with the card's Signature key: prepare on the server, sign on the card "
                    + "after the PIN, complete on the server.", EidExitCodes.DESCRIPTION})
    static class Sign implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--link", paramLabel = "URL", description = "A signing request's personal link "
                + "(http(s)://host/api/sign/<token>): sign the request's document in the signer's field, at its "
                + "level; replaces --server, --document, --field, --level and --out.")
        URI link;

        @Option(names = "--server", paramLabel = "URL", description = "paraaf base URL.")
        URI server;

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

        @Option(names = "--module", paramLabel = "LIBRARY",
                description = "PKCS#11 module (default: the eID middleware's libbeidpkcs11; with --card-dir "
                        + "SoftHSM2's libsofthsm2).")
        Path module;

        @Option(names = "--slot-index", defaultValue = "0", paramLabel = "N",
                description = "Index among the slots with a card (default: ${DEFAULT-VALUE}).")
        int slotIndex;

        @Option(names = "--card-dir", paramLabel = "DIR",
                description = "Use the virtual eID card in DIR (paraaf eid virtual-card create) instead of a "
                        + "real card.")
        Path cardDir;

        @Mixin
        PinInput pin;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                PinGuard guard = PinGuard.chipEnforced();
                if (cardDir != null) {
                    VirtualCard card = VirtualCard.at(cardDir);
                    if (!card.exists()) {
                        throw new CardException(
                                CardException.Kind.NO_TOKEN, "No eID card: " + card.directory()
                                        + " holds no virtual card (paraaf eid virtual-card create --dir …).");
                    }
                    if (!card.isSelectedInThisProcess()) {
                        return ChildJvm.run(Map.of(VirtualCard.SOFTHSM2_CONF, card.softHsmConfig().toString()),
                                spec.commandLine().getParseResult().originalArgs());
                    }
                    guard = card.pinGuard();
                }
                if (link == null && (server == null || document == null || this.out == null)) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "give either --link, or --server, --document and --out");
                }
                Pkcs11Module token = new Pkcs11Module(moduleLibrary(), slotIndex).requireInstalled();
                byte[] pdf = link == null ? readDocument() : null;
                char[] pinValue = pin.read("eID PIN: ");
                try (CardSigner card = CardSigner.open(token, guard, pinValue, CardSigner.SIGNATURE_KEY)) {
                    List<X509Certificate> chain = IssuerCertificates.overHttp(Duration.ofSeconds(10))
                            .complete(card.certificateChain());
                    out.printf("Signing as %s%n", new X500Name(BCStyle.INSTANCE,
                            X500Name.getInstance(chain.get(0).getSubjectX500Principal().getEncoded()).getRDNs()));
                    if (link != null) {
                        TwoStepClient client = new TwoStepClient(link.resolve("/"));
                        TwoStepClient.Prepared prepared = client.prepare(link.getPath() + "/eid/prepare", null, chain,
                                Map.of());
                        byte[] signatureValue = card.sign(prepared.dataToSign(), prepared.signatureAlgorithm());
                        out.println(new String(client.complete(prepared, signatureValue), StandardCharsets.UTF_8));
                        out.println("Signed the signing request of " + link.getPath());
                        out.flush();
                        return EidExitCodes.OK;
                    }
                    TwoStepClient client = new TwoStepClient(server);
                    TwoStepClient.Prepared prepared = client.prepare(TwoStepClient.PADES_PREPARE,
                            new TwoStepClient.Document(document.getFileName().toString(), "application/pdf", pdf),
                            chain, options());
                    byte[] signatureValue = card.sign(prepared.dataToSign(), prepared.signatureAlgorithm());
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

        private Path moduleLibrary() {
            if (module != null) {
                return module;
            }
            List<Path> candidates = cardDir != null ? Pkcs11Module.SOFTHSM_LOCATIONS : Pkcs11Module.BEID_LOCATIONS;
            return Pkcs11Module.firstInstalled(candidates).orElseThrow(() ->
                    new CardException(CardException.Kind.NO_MODULE,
                            "No PKCS#11 module found (looked in " + candidates + "). Install "
                                    + (cardDir != null ? "softhsm2" : "the eID middleware (eid-mw)")
                                    + " or pass --module."));
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
