package be.paraaf.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginException;

/**
 * A PKCS#11 module (OASIS PKCS#11 v2.40) and the slot to use, opened through Java's SunPKCS11 provider: the
 * Belgian eID middleware's {@code libbeidpkcs11} in real life, SoftHSM2's {@code libsofthsm2} for a virtual
 * card. The slot is an index into the slots that hold a token, so index 0 is "the card in the reader".
 */
public record Pkcs11Module(Path library, int slotListIndex) {

    /** Where the eID middleware (eid-mw) installs its PKCS#11 module on Linux and macOS. */
    public static final List<Path> BEID_LOCATIONS = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libbeidpkcs11.so.0"),
            Path.of("/usr/lib/aarch64-linux-gnu/libbeidpkcs11.so.0"),
            Path.of("/usr/lib64/libbeidpkcs11.so.0"),
            Path.of("/usr/lib/libbeidpkcs11.so.0"),
            Path.of("/usr/local/lib/libbeidpkcs11.so"),
            Path.of("/Library/Belgium Identity Card/Pkcs11/beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib"));

    /** Where Debian/Ubuntu and Fedora install SoftHSM2's module. */
    public static final List<Path> SOFTHSM_LOCATIONS = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

    public Pkcs11Module {
        if (library == null) {
            throw new IllegalArgumentException("PKCS#11 module path is missing");
        }
        if (slotListIndex < 0) {
            throw new IllegalArgumentException("slot index must not be negative");
        }
        library = library.toAbsolutePath().normalize();
    }

    /** Fails with {@code NO_MODULE} unless the library file exists: checked before anyone is asked a PIN. */
    public Pkcs11Module requireInstalled() {
        if (!Files.isRegularFile(library)) {
            throw new CardException(CardException.Kind.NO_MODULE, "PKCS#11 module not found: " + library
                    + ". Install the eID middleware (eid-mw) or pass --module.");
        }
        return this;
    }

    /** The first existing path of {@code candidates}. */
    public static Optional<Path> firstInstalled(List<Path> candidates) {
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * A fresh SunPKCS11 provider instance for this module and slot. {@code generateAs} non-null adds a key
     * generation template: keys generated through the provider become private, sensitive, non-extractable
     * token objects with that CKA_LABEL and CKA_ID, as the keys on a personalised eID card.
     */
    Provider open(String name, String generateAs) {
        requireInstalled();
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new CardException(CardException.Kind.NO_MODULE, "This Java runtime has no SunPKCS11 provider.");
        }
        try {
            return base.configure(configText(name, generateAs));
        } catch (ProviderException e) {
            throw Pkcs11Errors.translate(e, "cannot open slot " + slotListIndex + " of " + library);
        }
    }

    /** C_Login as the user with {@code pin} through SunPKCS11's AuthProvider (the array is not copied). */
    static void login(AuthProvider provider, char[] pin) throws LoginException {
        provider.login(null, callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof PasswordCallback password) {
                    password.setPassword(pin);
                }
            }
        });
    }

    /** The SunPKCS11 configuration ("--" + inline text, JDK PKCS#11 Reference Guide). */
    String configText(String name, String generateAs) {
        StringBuilder text = new StringBuilder("--")
                .append("name = ").append(name.replaceAll("[^A-Za-z0-9-]", "-")).append('\n')
                .append("library = ").append(library).append('\n')
                .append("slotListIndex = ").append(slotListIndex).append('\n');
        if (generateAs != null) {
            String hex = "0h" + HexFormat.of().formatHex(generateAs.getBytes(StandardCharsets.UTF_8));
            text.append("attributes(generate, CKO_PRIVATE_KEY, *) = {\n")
                    .append("  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n")
                    .append("  CKA_EXTRACTABLE = false\n  CKA_SIGN = true\n")
                    .append("  CKA_LABEL = ").append(hex).append("\n  CKA_ID = ").append(hex).append("\n}\n")
                    .append("attributes(generate, CKO_PUBLIC_KEY, *) = {\n")
                    .append("  CKA_TOKEN = true\n  CKA_VERIFY = true\n")
                    .append("  CKA_LABEL = ").append(hex).append("\n  CKA_ID = ").append(hex).append("\n}\n");
        }
        return text.toString();
    }
}
