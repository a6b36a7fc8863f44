package be.paraaf.consent.itsme;

import be.paraaf.system.Digests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.ParaafProperties;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKCS#11 remote key store on a real SoftHSM2 token: keys stay on the token and sign only with a SAD. */
class Pkcs11KeyStoreIT {

    private static final byte[] DATA = "CMS signed attributes".getBytes();

    @TempDir
    Path dir;

    private SoftHsmToken token;
    private SignatureActivation activation;
    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void token() {
        token = SoftHsmToken.create(dir);
        activation = new SignatureActivation(TestDatabase.migrated(), ItsmeSecrets.configuredOrGenerated("", dir),
                clock);
    }

    @AfterEach
    void deleteToken() {
        if (token != null) {
            token.close();
        }
    }

    private SignatureActivationData sad(String alias, byte[] data) {
        return activation.issue(new SignatureActivation.Binding("account", alias, Digests.sha256Hex(data),
                clock.instant().plus(Duration.ofSeconds(30))));
    }

    @Test
    void keyIsCreatedOnTheTokenAndSignsOnlyWithItsSad() throws Exception {
        ItsmeProperties properties = withPkcs11(token.settings());
        RemoteKeyStore keys = new RemoteKeyStoreConfiguration().remoteKeyStore(properties,
                new ParaafProperties(dir, URI.create("http://localhost:58080")), null, activation, null, null);
        assertThat(keys).isInstanceOf(Pkcs11KeyStore.class);
        PublicKey publicKey = keys.createKey("itsme-p11");
        assertThat(((Pkcs11KeyStore) keys).privateKey("itsme-p11").getEncoded())
                .as("the private key is sensitive: it cannot be read off the token").isNull();

        assertThatThrownBy(() -> keys.sign("itsme-p11", null, DATA, "SHA256withECDSA"))
                .isInstanceOf(ItsmeException.class);
        assertThatThrownBy(() -> keys.sign("itsme-p11", sad("itsme-p11", "other".getBytes()), DATA,
                "SHA256withECDSA")).isInstanceOf(ItsmeException.class);

        SignatureActivationData sad = sad("itsme-p11", DATA);
        byte[] value = keys.sign("itsme-p11", sad, DATA, "SHA256withECDSA");
        assertThat(verifies(publicKey, value)).isTrue();
        assertThatThrownBy(() -> keys.sign("itsme-p11", sad, DATA, "SHA256withECDSA"))
                .isInstanceOfSatisfying(ItsmeException.class, e -> assertThat(e.getMessage()).contains("already used"));

        // the key is a token object: a new session (another provider instance) finds and uses it
        Pkcs11KeyStore reopened = new Pkcs11KeyStore(token.settings(), activation);
        assertThat(verifies(publicKey, reopened.sign("itsme-p11", sad("itsme-p11", DATA), DATA, "SHA256withECDSA")))
                .isTrue();
    }

    @Test
    void wrongPinIsAClearStartupFailure() {
        ItsmeProperties.Pkcs11 wrong = new ItsmeProperties.Pkcs11(token.library(), token.slot(), "9999");
        assertThatThrownBy(() -> new Pkcs11KeyStore(wrong, activation)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot log in");
    }

    private static boolean verifies(PublicKey key, byte[] value) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(DATA);
        return verifier.verify(value);
    }

    private static ItsmeProperties withPkcs11(ItsmeProperties.Pkcs11 pkcs11) {
        ItsmeProperties d = ItsmeProperties.defaults();
        return new ItsmeProperties(ItsmeProperties.KeyStoreKind.PKCS11, d.serverSecret(), d.consentLifetime(),
                d.maxWrongCodes(), d.codeHashIterations(), d.channelClockSkew(), d.sadLifetime(), pkcs11, d.enrolmentLifetime());
    }
}
