package be.paraaf.cli;

import be.paraaf.agent.CardHolder;
import be.paraaf.agent.CardException;
import be.paraaf.agent.CitizenCertificateClient;
import be.paraaf.agent.Pkcs11Module;
import be.paraaf.agent.PinTryCounter;
import be.paraaf.agent.VirtualCard;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paraaf eid}: eID card tools; for now the virtual card that stands in for a real one in tests and demos. */
@Command(name = "eid", mixinStandardHelpOptions = true, description = "eID card tools.",
        subcommands = {EidCommand.VirtualCardCommand.class})
class EidCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: virtual-card.");
    }

    @Command(name = "virtual-card", mixinStandardHelpOptions = true,
            description = "A SoftHSM2 token personalised like a Belgian eID card, certified by a running "
                    + "paraaf's Demo Citizen CA (dev profile).",
            subcommands = {EidCommand.Create.class})
    static class VirtualCardCommand implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing subcommand: create.");
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create a virtual eID card in a directory: token 'BELPIC <name>', Authentication and "
                    + "Signature keys generated on the token, certificates from the server's Demo Citizen CA. "
                    + "The card blocks after " + PinTryCounter.MAX_TRIES + " wrong PINs (counted by paraaf's "
                    + "card abstraction, see pin-tries-left); --force provisions it anew.",
                    "Exit codes: 0 created, 1 failure, 2 invalid usage, 3 SoftHSM2 missing, 6 server problem."})
    static class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--server", required = true, paramLabel = "URL",
                description = "paraaf base URL (dev profile, demo PKI on).")
        URI server;

        @Mixin
        PersonOptions person;

        @ArgGroup(exclusive = true, multiplicity = "1")
        PinChoice pin;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The card's directory.")
        Path dir;

        @Option(names = "--key-type", defaultValue = "RSA", paramLabel = "TYPE",
                description = "RSA (2048 bits) or EC (P-256) (default: ${DEFAULT-VALUE}).")
        VirtualCard.KeyType keyType;

        @Option(names = "--force", description = "Replace a card already in DIR (also the way to unblock one).")
        boolean force;

        @Option(names = "--softhsm-module", paramLabel = "LIBRARY",
                description = "SoftHSM2's PKCS#11 module (default: found in the usual places).")
        Path softHsmModule;

        static class PinChoice {
            @Option(names = "--pin", paramLabel = "PIN",
                    description = "The new card's PIN, 4 to 12 digits (a demo card: on the command line is fine).")
            String value;

            @Option(names = "--pin-stdin", description = "Read the new PIN from standard input.")
            boolean fromStdin;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                CardHolder holder = person.person(spec, CardHolder::new);
                VirtualCard card = VirtualCard.at(dir);
                Path library = softHsmModule != null ? softHsmModule
                        : Pkcs11Module.firstInstalled(Pkcs11Module.SOFTHSM_LOCATIONS).orElseThrow(() ->
                                new CardException(CardException.Kind.NO_MODULE, "SoftHSM2 is not installed "
                                        + "(apt-get install softhsm2), or pass --softhsm-module."));
                if (!card.isSelectedInThisProcess()) {
                    return ChildJvm.run(Map.of(VirtualCard.SOFTHSM2_CONF, card.softHsmConfig().toString()),
                            spec.commandLine().getParseResult().originalArgs());
                }
                char[] pinValue = pin.fromStdin ? PinInput.firstLineOfStdin() : pin.value.toCharArray();
                try {
                    card.initialise(holder, pinValue, force);
                    List<X509Certificate> chain = card.personalise(holder, pinValue, keyType, library,
                            new CitizenCertificateClient(server, Duration.ofSeconds(30)));
                    out.printf("Virtual eID card for %s (%s) in %s%n", holder.fullName(),
                            holder.nationalRegisterNumber().formatted(), card.directory());
                    out.printf("Token '%s': keys Authentication and Signature (%s), PIN tries left: %d%n",
                            VirtualCard.tokenLabel(holder), keyType == VirtualCard.KeyType.RSA ? "RSA-2048" : "EC P-256",
                            card.pinGuard().triesLeft());
                    out.printf("Signature certificate: %s, serial %s%n", chain.get(0).getSubjectX500Principal(),
                            chain.get(0).getSerialNumber().toString(16));
                    out.printf("Sign with: paraaf eid-agent sign --card-dir %s --server %s --document FILE.pdf "
                            + "--out SIGNED.pdf%n", card.directory(), server);
                    out.flush();
                    return EidExitCodes.OK;
                } finally {
                    Arrays.fill(pinValue, '\0');
                }
            } catch (ParameterException e) {
                throw e;
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("paraaf eid virtual-card create: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return EidExitCodes.FAILURE;
            } catch (RuntimeException e) {
                return EidExitCodes.report(e, "paraaf eid virtual-card create", spec.commandLine().getErr());
            }
        }
    }
}
