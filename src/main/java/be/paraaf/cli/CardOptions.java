package be.paraaf.cli;

import be.paraaf.agent.CardException;
import be.paraaf.agent.CardSigner;
import be.paraaf.agent.CardChoice;
import be.paraaf.agent.Pkcs11Module;
import be.paraaf.agent.VirtualCard;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Which card an {@code eid-agent} subcommand talks to — a real eID card through a PKCS#11 module and slot, or a
 * virtual card (SoftHSM2) in a directory — and how it is opened: one place, so signing and logging in find the
 * card, count wrong PINs and report a missing card alike.
 */
class CardOptions {

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

    /**
     * SoftHSM2 finds a virtual card only through SOFTHSM2_CONF, read when the module loads, and a JVM cannot set
     * its own environment: returns the exit code of the same command run in a child JVM with it set, or empty if
     * this JVM can open the card (a real card, or the virtual card already selected).
     */
    OptionalInt runInChildJvmIfNeeded(CommandSpec spec) {
        if (cardDir == null) {
            return OptionalInt.empty();
        }
        VirtualCard card = VirtualCard.at(cardDir);
        if (!card.exists()) {
            throw new CardException(CardException.Kind.NO_TOKEN, "No eID card: " + card.directory()
                    + " holds no virtual card (paraaf eid virtual-card create --dir …).");
        }
        if (card.isSelectedInThisProcess()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ChildJvm.run(Map.of(VirtualCard.SOFTHSM2_CONF, card.softHsmConfig().toString()),
                spec.commandLine().getParseResult().originalArgs()));
    }

    /** The card these options name. */
    CardChoice choice() {
        return new CardChoice(module, slotIndex, cardDir);
    }

    /** The installed module and slot; a {@link CardException} (no module) before any PIN is asked. */
    Pkcs11Module module() {
        return choice().module();
    }

    /** Logs in with {@code pin} (cleared) and opens the key labelled {@code keyLabel}. */
    CardSigner open(Pkcs11Module token, char[] pin, String keyLabel) {
        return choice().open(token, pin, keyLabel);
    }
}
