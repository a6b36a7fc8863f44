package be.paraaf.consent.itsme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Remote keys as one PKCS#12 per account (the JDK's default PBES2 / AES-256 protection), each with its own password
 * derived from the server secret, kept as files under the data directory or as rows ({@link KeyBlobs}; rows let
 * several nodes without a shared data directory sign with every key). An HSM is the production answer
 * ({@link Pkcs11KeyStore}).
 */
final class Pkcs12KeyStore extends GuardedKeyStore {

    private final KeyBlobs blobs;
    private final ItsmeSecrets secrets;

    Pkcs12KeyStore(Path dir, ItsmeSecrets secrets, SignatureActivation activation) {
        this(KeyBlobs.files(dir), secrets, activation);
    }

    Pkcs12KeyStore(KeyBlobs blobs, ItsmeSecrets secrets, SignatureActivation activation) {
        super(activation);
        this.blobs = blobs;
        this.secrets = secrets;
    }

    @Override
    public PublicKey createKey(String alias) {
        requireAlias(alias);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), password(alias),
                    new Certificate[] {placeholder(pair, alias, provider())});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password(alias));
            if (!blobs.create(alias, bytes.toByteArray())) {
                throw new IllegalStateException("a key already exists under " + alias);
            }
            return pair.getPublic();
        } catch (GeneralSecurityException | IOException | java.io.UncheckedIOException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500, "The remote key could not be created.",
                    e);
        }
    }

    @Override
    public void deleteKey(String alias) {
        requireAlias(alias);
        try {
            blobs.delete(alias);
        } catch (java.io.UncheckedIOException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500, "The remote key could not be deleted.",
                    e);
        }
    }

    @Override
    PrivateKey privateKey(String alias) throws GeneralSecurityException {
        requireAlias(alias);
        byte[] pkcs12 = blobs.read(alias).orElseThrow(() -> new GeneralSecurityException("no remote key " + alias));
        try (InputStream in = new java.io.ByteArrayInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password(alias));
            return (PrivateKey) store.getKey(alias, password(alias));
        } catch (IOException e) {
            throw new GeneralSecurityException("remote key file unreadable: " + alias, e);
        }
    }

    @Override
    Provider provider() {
        try {
            return Signature.getInstance("SHA256withECDSA").getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private char[] password(String alias) {
        return Base64.getEncoder().encodeToString(secrets.derive("paraaf-itsme-pkcs12-v1\n" + alias)).toCharArray();
    }

    static void requireAlias(String alias) {
        if (alias == null || !alias.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("key alias must be 1-64 lowercase letters, digits or '-'");
        }
    }
}
