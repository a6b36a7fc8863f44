package be.paraaf.consent.itsme;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.system.Digests;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remote keys in the database ({@code paraaf.itsme.key-store=database}): two nodes sharing a database and nothing
 * else get the same generated server secret, and a key created on one signs on the other.
 */
class DatabaseKeyStoreTest {

    @Test
    void aKeyCreatedOnOneNodeSignsOnAnother() throws Exception {
        JdbcClient database = TestDatabase.migrated();
        Clock clock = Clock.systemUTC();
        ItsmeSecrets secretsA = ItsmeSecrets.configuredOrShared("", database);
        ItsmeSecrets secretsB = ItsmeSecrets.configuredOrShared("", database);
        assertThat(secretsB.derive("x")).as("one secret for every node").isEqualTo(secretsA.derive("x"));

        SignatureActivation activationA = new SignatureActivation(database, secretsA, clock);
        SignatureActivation activationB = new SignatureActivation(database, secretsB, clock);
        Pkcs12KeyStore nodeA = new Pkcs12KeyStore(KeyBlobs.database(database, clock), secretsA, activationA);
        Pkcs12KeyStore nodeB = new Pkcs12KeyStore(KeyBlobs.database(database, clock), secretsB, activationB);
        PublicKey key = nodeA.createKey("itsme-shared-1");

        byte[] data = "signed attributes".getBytes(StandardCharsets.UTF_8);
        SignatureActivationData sad = activationB.issue(new SignatureActivation.Binding("account-1",
                "itsme-shared-1", Digests.sha256Hex(data), Instant.now().plusSeconds(60)));
        byte[] value = nodeB.sign("itsme-shared-1", sad, data, "SHA256withECDSA");
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(data);
        assertThat(verifier.verify(value)).isTrue();

        nodeB.deleteKey("itsme-shared-1");
        assertThat(database.sql("select count(*) from itsme_remote_keys").query(Long.class).single()).isZero();
    }
}
