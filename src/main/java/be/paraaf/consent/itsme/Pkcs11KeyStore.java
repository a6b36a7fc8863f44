package be.paraaf.consent.itsme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remote keys on a PKCS#11 token through the JDK's SunPKCS11 provider (OASIS PKCS#11 v2.40): the private
 * key is generated on the token and never leaves it. Tested against SoftHSM2; in production an HSM
 * vendor's module. The token is logged in once with the user PIN from configuration.
 */
final class Pkcs11KeyStore extends GuardedKeyStore {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Provider provider;
    private final KeyStore store;

    Pkcs11KeyStore(ItsmeProperties.Pkcs11 settings, SignatureActivation activation) {
        super(activation);
        if (!Files.isReadable(Path.of(settings.library()))) {
            throw new IllegalStateException("PKCS#11 module not found: " + settings.library()
                    + " (paraaf.itsme.pkcs11.library; for SoftHSM2: apt-get install -y softhsm2)");
        }
        String config = "--name=paraaf-itsme-" + INSTANCES.incrementAndGet() + "\nlibrary=" + settings.library()
                + (settings.slot() >= 0 ? "\nslot=" + settings.slot() : "\nslotListIndex=0")
                + "\nattributes(generate,CKO_PRIVATE_KEY,*) = {\n  CKA_TOKEN = true\n  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n}\nattributes(generate,CKO_PUBLIC_KEY,*) = {\n  CKA_TOKEN = true\n}\n";
        this.provider = Security.getProvider("SunPKCS11").configure(config);
        try {
            this.store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, settings.pin().toCharArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot log in to the PKCS#11 token (slot " + settings.slot()
                    + "): " + e.getMessage(), e);
        }
    }

    @Override
    public PublicKey createKey(String alias) {
        Pkcs12KeyStore.requireAlias(alias);
        try {
            synchronized (store) {
                if (store.containsAlias(alias)) {
                    throw new IllegalStateException("a key already exists under " + alias);
                }
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                store.setKeyEntry(alias, pair.getPrivate(), null,
                        new Certificate[] {placeholder(pair, alias, provider)});
                return store.getCertificate(alias).getPublicKey();
            }
        } catch (GeneralSecurityException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500,
                    "The remote key could not be created on the PKCS#11 token.", e);
        }
    }

    @Override
    public void deleteKey(String alias) {
        Pkcs12KeyStore.requireAlias(alias);
        try {
            synchronized (store) {
                if (store.containsAlias(alias)) {
                    store.deleteEntry(alias);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500,
                    "The remote key could not be deleted from the PKCS#11 token.", e);
        }
    }

    @Override
    PrivateKey privateKey(String alias) throws GeneralSecurityException {
        Key key;
        synchronized (store) {
            key = store.getKey(alias, null);
        }
        if (!(key instanceof PrivateKey privateKey)) {
            throw new GeneralSecurityException("no private key on the token under " + alias);
        }
        return privateKey;
    }

    @Override
    Provider provider() {
        return provider;
    }
}
