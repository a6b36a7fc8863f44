package be.paraaf.consent.itsme;

import be.paraaf.persistence.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * Remote keys in one PKCS#12 file per account ({@code <dir>/<alias>.p12}, the JDK's default PBES2 /
 * AES-256 protection), each with its own password derived from the server secret. Good for a single
 * service or nodes sharing a data directory; an HSM is the production answer ({@link Pkcs11KeyStore}).
 */
final class Pkcs12KeyStore extends GuardedKeyStore {

    private final Path dir;
    private final ItsmeSecrets secrets;

    Pkcs12KeyStore(Path dir, ItsmeSecrets secrets, SignatureActivation activation) {
        super(activation);
        this.dir = dir;
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
            Files.createDirectories(dir);
            Path file = file(alias);
            if (Files.exists(file)) {
                throw new IllegalStateException("a key already exists under " + alias);
            }
            AtomicFiles.write(file, bytes.toByteArray());
            return pair.getPublic();
        } catch (GeneralSecurityException | IOException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500, "The remote key could not be created.",
                    e);
        }
    }

    @Override
    public void deleteKey(String alias) {
        requireAlias(alias);
        try {
            Files.deleteIfExists(file(alias));
        } catch (IOException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500, "The remote key could not be deleted.",
                    e);
        }
    }

    @Override
    PrivateKey privateKey(String alias) throws GeneralSecurityException {
        requireAlias(alias);
        try (InputStream in = Files.newInputStream(file(alias))) {
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

    private Path file(String alias) {
        return dir.resolve(alias + ".p12");
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
