package be.paraaf.agent;

import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

/**
 * Signs bytes with a key on a PKCS#11 token (an eID card, a SoftHSM2 virtual card) after the holder's PIN.
 * Knows nothing about PDF: it is the consent side of a two-step signature, usable with any prepare/complete
 * pair. The private key never leaves the token; SunPKCS11 asks the token to C_Sign.
 *
 * <p>Every C_Login goes through a {@link PinGuard}, which is where a virtual card enforces its PIN try
 * limit. Limitation: the real eID Signature key is CKA_ALWAYS_AUTHENTICATE; SunPKCS11 cannot pass a
 * context-specific PIN, so with the real middleware its own PIN dialog (or the pinpad) asks for it.
 */
public final class CardSigner implements AutoCloseable {

    /** The eID card's qualified-signature key, as labelled on the card. */
    public static final String SIGNATURE_KEY = "Signature";
    /** The eID card's key for proving who holds the card (logging in), as labelled on the card. */
    public static final String AUTHENTICATION_KEY = "Authentication";
    /** PKCS#1 v1.5 or ECDSA over SHA-2, what a card does; anything else the server asks for is refused. */
    private static final Pattern ALGORITHMS = Pattern.compile("SHA(256|384|512)with(RSA|ECDSA)");

    private final AuthProvider provider;
    private final String keyLabel;
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private CardSigner(AuthProvider provider, String keyLabel, PrivateKey key, List<X509Certificate> chain) {
        this.provider = provider;
        this.keyLabel = keyLabel;
        this.key = key;
        this.chain = chain;
    }

    /**
     * Opens the token, logs in with {@code pin} through {@code guard} and finds the key labelled
     * {@code keyLabel} with its certificate. The PIN array is cleared.
     */
    public static CardSigner open(Pkcs11Module module, PinGuard guard, char[] pin, String keyLabel) {
        Objects.requireNonNull(pin, "pin");
        try {
            AuthProvider provider = (AuthProvider) module.open("paraaf-eid", null);
            guard.login(() -> login(provider, pin));
            return findKey(provider, keyLabel);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static boolean login(AuthProvider provider, char[] pin) {
        try {
            Pkcs11Module.login(provider, pin);
            return true;
        } catch (FailedLoginException e) {
            return false;
        } catch (LoginException | ProviderException e) {
            if (Pkcs11Errors.isPinIncorrect(e)) {
                return false;
            }
            throw Pkcs11Errors.translate(e, "login");
        }
    }

    private static CardSigner findKey(AuthProvider provider, String keyLabel) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, null);
            if (!store.isKeyEntry(keyLabel)) {
                throw new CardException(CardException.Kind.NO_SIGNATURE_KEY, "The card holds no '" + keyLabel
                        + "' key with a certificate (found: " + String.join(", ", java.util.Collections.list(
                                store.aliases())) + ").");
            }
            PrivateKey key = (PrivateKey) store.getKey(keyLabel, null);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(keyLabel)) {
                chain.add((X509Certificate) certificate);
            }
            return new CardSigner(provider, keyLabel, key, List.copyOf(chain));
        } catch (GeneralSecurityException | java.io.IOException | ProviderException e) {
            throw Pkcs11Errors.translate(e, "reading the '" + keyLabel + "' key and certificates");
        }
    }

    /** The key's certificate followed by whatever issuer certificates the token holds (often not the root). */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /**
     * Signs {@code data} with {@code algorithm} (JCA name, e.g. {@code SHA256withRSA}); the token hashes and
     * signs. ECDSA values come back DER-encoded from SunPKCS11.
     */
    public byte[] sign(byte[] data, String algorithm) {
        if (algorithm == null || !ALGORITHMS.matcher(algorithm).matches()) {
            throw new CardException(CardException.Kind.CARD_ERROR,
                    "Refusing to sign with algorithm '" + algorithm + "': a card signs SHA-2 with RSA or ECDSA.");
        }
        try {
            Signature signature = Signature.getInstance(algorithm, provider);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | ProviderException e) {
            throw Pkcs11Errors.translate(e, "signing with the '" + keyLabel + "' key (" + algorithm + ")");
        }
    }

    /** Logs out, so the token forgets the PIN. */
    @Override
    public void close() {
        try {
            provider.logout();
        } catch (LoginException | ProviderException e) {
            // the session ends with the process anyway
        }
    }
}
