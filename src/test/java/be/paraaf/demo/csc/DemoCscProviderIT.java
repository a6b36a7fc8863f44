package be.paraaf.demo.csc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.consent.csc.CscClient;
import be.paraaf.consent.csc.CscException;
import be.paraaf.consent.csc.CscProperties;
import be.paraaf.consent.itsme.VerificationCodes;
import be.paraaf.identity.CertificateIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.ServiceIT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * paraaf's CSC API v2 client against the demo's provider over HTTP: client credentials, credentials of a citizen,
 * an authorisation the citizen gives in the app (bound to the one hash, with the code derived from it), a signature
 * that verifies, a SAD that signs once, a refusal, and a wrong client secret.
 */
class DemoCscProviderIT extends ServiceIT {

    private static final String CODE = "97531";

    @TempDir
    Path dir;

    private static CscClient client(String secret) {
        return new CscClient(new CscProperties(URI.create(CLIENT.baseUrl() + "/csc/v2"), "paraaf", secret,
                Duration.ofMinutes(1), Duration.ofSeconds(10)), Clock.systemUTC());
    }

    @Test
    void aCitizenAuthorisesOneHashInTheAppAndTheProviderSignsItOnce() throws Exception {
        String nrn = NationalRegisterNumber.withCheck("770303123", false).value();
        ItsmeApp app = activeAccount(nrn, "approve");
        CscClient csc = client("paraaf-demo-csc");
        CscClient.Credential credential = csc.credentialOf(nrn).orElseThrow();
        assertThat(CertificateIdentity.nationalNumber(credential.chain().get(0)).map(NationalRegisterNumber::value))
                .contains(nrn);
        assertThat(csc.credentialOf(NationalRegisterNumber.withCheck("770303124", false).value())).isEmpty();

        byte[] data = "the signed attributes of a lease".getBytes(StandardCharsets.UTF_8);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
        CompletableFuture<String> sad = CompletableFuture.supplyAsync(() -> csc.authorize(credential.id(), hash,
                "Huurovereenkomst"));
        ItsmeApp.Pending pending = app.pending(20).get(0);
        assertThat(pending.verificationCode()).isEqualTo(VerificationCodes.derive(hash));
        app.approve(pending.consentId(), CODE);
        String activation = sad.get(30, TimeUnit.SECONDS);

        byte[] value = csc.signHash(credential.id(), activation, hash, CscClient.ECDSA_SHA256_OID);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(credential.chain().get(0).getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(value)).as("SHA256withECDSA over the data the hash came from").isTrue();
        assertThatThrownBy(() -> csc.signHash(credential.id(), activation, hash, CscClient.ECDSA_SHA256_OID))
                .as("a SAD signs once").isInstanceOfSatisfying(CscException.class,
                        e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }

    @Test
    void aRefusalInTheAppIsAccessDeniedAndAWrongSecretIsAnInvalidClient() throws Exception {
        String nrn = NationalRegisterNumber.withCheck("770303125", false).value();
        ItsmeApp app = activeAccount(nrn, "reject");
        CscClient csc = client("paraaf-demo-csc");
        CscClient.Credential credential = csc.credentialOf(nrn).orElseThrow();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
        CompletableFuture<String> sad = CompletableFuture.supplyAsync(() -> csc.authorize(credential.id(), hash,
                "Contract"));
        app.reject(app.pending(20).get(0).consentId());
        assertThatThrownBy(() -> sad.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CscException.class)
                .satisfies(e -> assertThat(((CscException) e.getCause()).refused()).isTrue());

        assertThatThrownBy(() -> client("wrong").credentialOf(nrn)).isInstanceOfSatisfying(CscException.class,
                e -> assertThat(e.error()).isEqualTo("invalid_client"));
    }

    private ItsmeApp activeAccount(String nrn, String name) {
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32478" + nrn.substring(5, 11), nrn, CODE, dir.resolve(name));
        assertThat(CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"Ilse\",\"surname\":\"Wouters\"}")
                .statusCode()).isEqualTo(200);
        return app;
    }
}
