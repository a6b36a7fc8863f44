package be.paraaf.agent;

import java.nio.file.Path;
import java.util.List;

/**
 * Which card the holder's side talks to and how it is opened — a real eID card through a PKCS#11 module and slot,
 * or a virtual card (SoftHSM2) in a directory — shared by the command line ({@code eid-agent}) and the local agent
 * so both find the card, count wrong PINs and report a missing card alike.
 *
 * @param moduleLibrary the PKCS#11 library; null for the eID middleware's {@code libbeidpkcs11} (or, with a virtual card,
 *               SoftHSM2's module) where it is installed
 * @param slotIndex index among the slots with a card
 * @param virtualCardDir a virtual card's directory, or null for a real card
 */
public record CardChoice(Path moduleLibrary, int slotIndex, Path virtualCardDir) {

    public CardChoice {
        if (slotIndex < 0) {
            throw new IllegalArgumentException("slot index must not be negative");
        }
    }

    /** The installed module and slot; a {@link CardException} (no module) before any PIN is asked. */
    public Pkcs11Module module() {
        return new Pkcs11Module(installedLibrary(), slotIndex).requireInstalled();
    }

    /** Logs in with {@code pin} (cleared) and opens the key labelled {@code keyLabel}. */
    public CardSigner open(Pkcs11Module token, char[] pin, String keyLabel) {
        return CardSigner.open(token, pinGuard(), pin, keyLabel);
    }

    /** A real card counts wrong PINs in its chip; a virtual card in a file next to its token. */
    public PinGuard pinGuard() {
        return virtualCardDir == null ? PinGuard.chipEnforced() : VirtualCard.at(virtualCardDir).pinGuard();
    }

    private Path installedLibrary() {
        if (moduleLibrary != null) {
            return moduleLibrary;
        }
        List<Path> candidates = virtualCardDir != null ? Pkcs11Module.SOFTHSM_LOCATIONS : Pkcs11Module.BEID_LOCATIONS;
        return Pkcs11Module.firstInstalled(candidates).orElseThrow(() ->
                new CardException(CardException.Kind.NO_MODULE,
                        "No PKCS#11 module found (looked in " + candidates + "). Install "
                                + (virtualCardDir != null ? "softhsm2" : "the eID middleware (eid-mw)")
                                + " or pass --module."));
    }
}
