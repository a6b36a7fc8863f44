package be.paraaf.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** The production seal: a key entry in a PKCS#12 (or JKS) key store named by configuration. */
final class KeyStoreSealCredentials implements SealCredentials {

    private final KeyCredential credential;

    KeyStoreSealCredentials(Path path, String type, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            String entry = alias == null || alias.isBlank() ? firstKeyAlias(store) : alias;
            PrivateKey key = (PrivateKey) store.getKey(entry, password);
            Certificate[] chain = store.getCertificateChain(entry);
            if (key == null || chain == null) {
                throw new IllegalStateException("seal key store " + path + " has no key entry '" + entry + "'");
            }
            this.credential = new KeyCredential(key,
                    Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seal key store " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open seal key store " + path + ": " + e.getMessage(), e);
        }
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

    List<X509Certificate> chain() {
        return credential.chain();
    }
}
