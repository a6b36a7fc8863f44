package be.paraaf.consent.itsme;

import be.paraaf.system.Digests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SAD binds account + key + data hash + expiry, is single-use, and the key store will not sign without it. */
class SignatureActivationTest {

    private static final byte[] DATA = "the CMS signed attributes".getBytes();
    private static final byte[] OTHER = "other signed attributes".getBytes();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private JdbcClient jdbc;
    private SignatureActivation activation;
    private Pkcs12KeyStore keys;
    private PublicKey publicKey;

    @BeforeEach
    void setUp() {
        jdbc = TestDatabase.migrated();
        ItsmeSecrets secrets = ItsmeSecrets.configuredOrGenerated("", dir);
        activation = new SignatureActivation(jdbc, secrets, clock);
        keys = new Pkcs12KeyStore(dir.resolve("keys"), secrets, activation);
        publicKey = keys.createKey("itsme-a");
        keys.createKey("itsme-b");
    }

    private SignatureActivationData sad(String alias, byte[] data, Duration lifetime) {
        return activation.issue(new SignatureActivation.Binding("account-a", alias,
                Digests.sha256Hex(data), clock.instant().plus(lifetime)));
    }

    @Test
    void aValidSadSignsOnceExactlyTheBoundData() throws Exception {
        SignatureActivationData sad = sad("itsme-a", DATA, Duration.ofSeconds(30));
        byte[] value = keys.sign("itsme-a", sad, DATA, "SHA256withECDSA");
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(DATA);
        assertThat(verifier.verify(value)).isTrue();
        assertRefused(() -> keys.sign("itsme-a", sad, DATA, "SHA256withECDSA"), "already used");
    }

    @Test
    void sadForOtherDataOrAnotherKeyIsRefusedAndStaysUnused() {
        SignatureActivationData sad = sad("itsme-a", DATA, Duration.ofSeconds(30));
        assertRefused(() -> keys.sign("itsme-a", sad, OTHER, "SHA256withECDSA"), "other data");
        assertRefused(() -> keys.sign("itsme-b", sad, DATA, "SHA256withECDSA"), "another key");
        assertThat(keys.sign("itsme-a", sad, DATA, "SHA256withECDSA")).isNotEmpty();
    }

    @Test
    void expiredSadIsRefused() {
        SignatureActivationData sad = sad("itsme-a", DATA, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertRefused(() -> keys.sign("itsme-a", sad, DATA, "SHA256withECDSA"), "expired");
    }

    @Test
    void bindingEditedInTheDatabaseIsDetected() {
        SignatureActivationData sad = sad("itsme-a", DATA, Duration.ofSeconds(30));
        jdbc.sql("update itsme_sads set data_sha256 = ?").param(Digests.sha256Hex(OTHER)).update();
        assertRefused(() -> keys.sign("itsme-a", sad, OTHER, "SHA256withECDSA"), "altered");
    }

    @Test
    void forgedOrMissingSadIsRefused() {
        assertRefused(() -> keys.sign("itsme-a", null, DATA, "SHA256withECDSA"), "no signature activation");
        SignatureActivationData forged = new SignatureActivationData("A".repeat(64));
        assertRefused(() -> keys.sign("itsme-a", forged, DATA, "SHA256withECDSA"), "unknown");
    }

    @Test
    void onlyTheTokenHashIsStored() {
        SignatureActivationData sad = sad("itsme-a", DATA, Duration.ofSeconds(30));
        String stored = jdbc.sql("select sad_sha256 from itsme_sads").query(String.class).single();
        assertThat(stored).isEqualTo(Digests.sha256Hex(sad.token())).isNotEqualTo(sad.token());
        assertThat(sad.toString()).doesNotContain(sad.token());
    }

    private static void assertRefused(Runnable signing, String why) {
        assertThatThrownBy(signing::run).isInstanceOfSatisfying(ItsmeException.class, e -> {
            assertThat(e.problemType()).isEqualTo(ItsmeException.SIGNATURE_ACTIVATION_REFUSED);
            assertThat(e.getMessage()).contains(why);
        });
    }
}
