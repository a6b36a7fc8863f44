package be.paraaf.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The production seal: a key entry in a PKCS#12 (or JKS) key store file, or on a PKCS#11 token (an HSM; SoftHSM2
 * in tests) through the JDK's SunPKCS11 provider, named by configuration.
 */
final class KeyStoreSealCredentials implements SealCredentials {

    private final KeyCredential credential;

    KeyStoreSealCredentials(SealProperties seal) {
        char[] password = seal.password().toCharArray();
        String where = seal.pkcs11() ? "PKCS#11 module " + seal.pkcs11Library() : "seal key store " + seal.keyStore();
        try {
            KeyStore store = seal.pkcs11() ? token(seal, password) : file(seal.keyStore(), seal.keyStoreType(),
                    password);
            String entry = seal.alias().isBlank() ? firstKeyAlias(store) : seal.alias();
            PrivateKey key = (PrivateKey) store.getKey(entry, password);
            Certificate[] chain = store.getCertificateChain(entry);
            if (key == null || chain == null) {
                throw new IllegalStateException(where + " has no key entry '" + entry + "'");
            }
            this.credential = new KeyCredential(key,
                    Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + where + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore file(Path path, String type, char[] password) throws IOException,
            GeneralSecurityException {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        }
    }

    private static KeyStore token(SealProperties seal, char[] pin) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(Path.of(seal.pkcs11Library()))) {
            throw new IllegalStateException("PKCS#11 module not found: " + seal.pkcs11Library()
                    + " (paraaf.signing.seal.pkcs11-library)");
        }
        String slot = seal.pkcs11Slot() >= 0 ? "slot=" + seal.pkcs11Slot() : "slotListIndex=0";
        Provider provider = Security.getProvider("SunPKCS11").configure("--name=paraaf-seal\nlibrary="
                + seal.pkcs11Library() + "\n" + slot);
        // installed, so that the signing code's Signature.getInstance finds the provider that holds the key
        Security.addProvider(provider);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, pin);
        return store;
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new IllegalStateException("seal key store has no key entry");
    }

    @Override
    public KeyCredential seal() {
        return credential;
    }
}
