package be.paraaf.consent.itsme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.demo.pki.DemoPki;
import be.paraaf.demo.pki.PkiSettings;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service on H2 with a hand-moved clock: expiry by time, concurrent approvals, the wrong-code counter. */
class ItsmeServiceTest {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String CODE = "24680";

    @TempDir
    static Path dir;

    private static DemoPki pki;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<Object> events = new ArrayList<>();
    private ItsmeService service;
    private JdbcClient jdbc;
    private KeyPair device;
    private String deviceId;
    private String accountId;
    private String nrn;

    @BeforeAll
    static void pki() {
        pki = DemoPki.openOrCreate(dir.resolve("pki"), "http://localhost:58080", PkiSettings.defaults());
    }

    @AfterAll
    static void release() {
        pki = null;
    }

    @BeforeEach
    void enrolAndActivate() throws Exception {
        jdbc = database();
        nrn = be.paraaf.identity.NationalRegisterNumber.withCheck(String.format("850730%03d", RANDOM.nextInt(998) + 1),
                false).value();
        ItsmeSecrets secrets = ItsmeSecrets.configuredOrGenerated("", dir.resolve("itsme"));
        SignatureActivation activation = new SignatureActivation(jdbc, secrets, clock);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("remoteSigningCa", (RemoteSigningCertificates) pki::certifyRemoteSigning);
        service = new ItsmeService(new ItsmeRepository(jdbc),
                new Pkcs12KeyStore(dir.resolve("itsme/keys"), secrets, activation), activation,
                beans.getBeanProvider(RemoteSigningCertificates.class), ItsmeProperties.defaults(), events::add, clock);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        device = generator.generateKeyPair();
        EnrolmentResult enrolled = service.enrol(new Enrolment("+32470000001", nrn,
                Base64.getEncoder().encodeToString(device.getPublic().getEncoded()), CODE,
                sign(DeviceSignatures.enrolment(nrn, "+32470000001"))));
        deviceId = enrolled.deviceId();
        accountId = enrolled.accountId();
        service.confirmEnrolment(accountId, new EidConfirmation(nrn, "Jan", "Peeters", "dev-activation"));
    }

    /** A migrated database; H2 in memory here, PostgreSQL in {@link ItsmeServicePostgresIT}. */
    JdbcClient database() {
        return TestDatabase.migrated();
    }

    @Test
    void consentExpiresWithTimeAndTellsTheListener() {
        ConsentRequest request = service.requestConsent(nrn, "Lease", "data".getBytes(), "SHA256withECDSA");
        assertThat(request.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(3))
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        clock.advance(Duration.ofMinutes(2));
        assertThat(service.outcome(request.id())).isInstanceOf(ConsentOutcome.Pending.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.outcome(request.id())).isInstanceOf(ConsentOutcome.Expired.class);
        assertThat(events).contains(new ConsentDecided(request.id(), new ConsentOutcome.Expired()));
        assertThatThrownBy(() -> service.approve(deviceId, approval(request.id(), "data".getBytes(), CODE)))
                .isInstanceOfSatisfying(ItsmeException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ItsmeException.CONSENT_ALREADY_DECIDED));
    }

    @Test
    void concurrentApprovalsOfOneConsentSignOnce() throws Exception {
        byte[] data = "signed attributes".getBytes();
        ConsentRequest request = service.requestConsent(nrn, "Lease", data, "SHA256withECDSA");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ConsentOutcome>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Approval approval = approval(request.id(), data, CODE);
            answers.add(pool.submit((Callable<ConsentOutcome>) () -> service.approve(deviceId, approval)));
        }
        int approved = 0;
        for (Future<ConsentOutcome> answer : answers) {
            try {
                assertThat(answer.get()).isInstanceOf(ConsentOutcome.Approved.class);
                approved++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(ItsmeException.class,
                        refusal -> assertThat(refusal.problemType()).isEqualTo(ItsmeException.CONSENT_ALREADY_DECIDED));
            }
        }
        pool.shutdown();
        assertThat(approved).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from itsme_sads where account_id = ?").param(accountId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCorrectCodeResetsTheWrongCodeCounter() {
        byte[] data = "x".getBytes();
        for (int round = 0; round < 2; round++) {
            ConsentRequest request = service.requestConsent(nrn, "Round " + round, data, "SHA256withECDSA");
            for (int wrong = 0; wrong < 4; wrong++) {
                assertThatThrownBy(() -> service.approve(deviceId, approval(request.id(), data, "11111")))
                        .isInstanceOfSatisfying(ItsmeException.class,
                                e -> assertThat(e.problemType()).isEqualTo(ItsmeException.WRONG_SECRET_CODE));
            }
            assertThat(service.approve(deviceId, approval(request.id(), data, CODE)))
                    .isInstanceOf(ConsentOutcome.Approved.class);
        }
        assertThat(jdbc.sql("select state from itsme_accounts where id = ?").param(accountId).query(String.class)
                .single()).isEqualTo("ACTIVE");
    }

    @Test
    void anEnrolmentNeverConfirmedExpiresWithItsDeviceAndKey() {
        String other = be.paraaf.identity.NationalRegisterNumber.withCheck(String.format("900102%03d",
                RANDOM.nextInt(998) + 1), false).value();
        EnrolmentResult pending = service.enrol(new Enrolment("+32470000004", other,
                Base64.getEncoder().encodeToString(device.getPublic().getEncoded()), CODE,
                sign(DeviceSignatures.enrolment(other, "+32470000004"))));
        Path key = dir.resolve("itsme/keys").resolve("itsme-" + pending.accountId() + ".p12");
        assertThat(key).exists();

        clock.advance(Duration.ofHours(23));
        service.expireUnconfirmedEnrolments();
        assertThat(service.state(pending.accountId())).isEqualTo(AccountState.PENDING_EID_CONFIRMATION);

        clock.advance(Duration.ofHours(2));
        assertThat(service.expireUnconfirmedEnrolments()).isPositive();
        assertThatThrownBy(() -> service.state(pending.accountId())).isInstanceOfSatisfying(ItsmeException.class,
                e -> assertThat(e.problemType()).isEqualTo(ItsmeException.ACCOUNT_NOT_FOUND));
        assertThat(key).doesNotExist();
        assertThat(jdbc.sql("select count(*) from itsme_devices where id = ?").param(pending.deviceId())
                .query(Long.class).single()).isZero();
        assertThat(service.state(accountId)).as("a confirmed account stays").isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void enrolmentWhoseProofCoversOtherDataIsRefused() {
        String other = be.paraaf.identity.NationalRegisterNumber.withCheck(String.format("900101%03d",
                RANDOM.nextInt(998) + 1), false).value();
        assertThatThrownBy(() -> service.enrol(new Enrolment("+32470000002", other,
                Base64.getEncoder().encodeToString(device.getPublic().getEncoded()), CODE,
                sign(DeviceSignatures.enrolment(other, "+32470000003")))))
                .isInstanceOfSatisfying(ItsmeException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ItsmeException.DEVICE_AUTHENTICATION_FAILED));
    }

    private Approval approval(String consentId, byte[] data, String code) {
        String hash = HexFormat.of().formatHex(sha256(data));
        String nonce = be.paraaf.cli.ItsmeApp.newNonce();
        return new Approval(consentId, hash, nonce, code, sign(DeviceSignatures.approval(consentId, hash, nonce)));
    }

    private String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(device.getPrivate());
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
