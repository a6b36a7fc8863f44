package be.paraaf.consent.itsme;

import be.paraaf.system.ProblemType;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Enforces the SAD check for every {@link RemoteKeyStore}: {@link #sign} is final, consumes the SAD against
 * the alias and the SHA-256 of the very bytes to be signed, and only then asks the subclass for the key.
 */
abstract class GuardedKeyStore implements RemoteKeyStore {

    private static final Set<String> ALGORITHMS = Set.of("SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA",
            "NONEwithECDSA");

    private final SignatureActivation activation;

    GuardedKeyStore(SignatureActivation activation) {
        this.activation = activation;
    }

    @Override
    public final byte[] sign(String alias, SignatureActivationData sad, byte[] dataToSign, String algorithm) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new ItsmeException(ProblemType.REMOTE_KEY_UNUSABLE,
                    "Remote keys sign with " + ALGORITHMS + ", not " + algorithm + ".");
        }
        if ("NONEwithECDSA".equals(algorithm) && dataToSign.length != 32) {
            throw new ItsmeException(ProblemType.REMOTE_KEY_UNUSABLE, "A hash to sign must be 32 bytes.");
        }
        activation.consume(sad, alias, SignatureActivation.boundHash(dataToSign, algorithm));
        try {
            Signature signature = Signature.getInstance(algorithm, provider());
            signature.initSign(privateKey(alias));
            signature.update(dataToSign);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500,
                    "The remote signing key could not sign.", e);
        }
    }

    /** The private key under {@code alias}; throws if there is none. */
    abstract PrivateKey privateKey(String alias) throws GeneralSecurityException;

    /** The provider that can use keys of this store. */
    abstract Provider provider();

    /**
     * A self-signed placeholder certificate: key stores keep a private key only with a certificate. The real
     * chain (Remote Signing CA) is issued at confirmation and kept with the account.
     */
    static X509Certificate placeholder(KeyPair pair, String alias, Provider provider) {
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X500Name name = new X500Name("CN=paraaf itsme remote key " + alias);
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(provider)
                    .build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name, pair.getPublic()).build(signer));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new ItsmeException(ItsmeException.REMOTE_KEY_UNUSABLE, 500, "The remote key could not be stored.",
                    e);
        }
    }
}
