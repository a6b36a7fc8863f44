package be.paraaf.demo;

import be.paraaf.system.ParaafProperties;
import be.paraaf.consent.itsme.AccountState;
import be.paraaf.consent.itsme.DeviceSignatures;
import be.paraaf.consent.itsme.EidConfirmation;
import be.paraaf.consent.itsme.Enrolment;
import be.paraaf.consent.itsme.EnrolmentResult;
import be.paraaf.consent.itsme.ItsmeService;
import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoCitizens.DemoCitizen;
import be.paraaf.persistence.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds an ACTIVE itsme account for every {@link DemoCitizens demo citizen} in the embedded default mode, so a
 * newcomer can approve a consent at once: the device key (EC P-256) is generated here instead of in a phone,
 * enrolled through {@link ItsmeService#enrol} with its proof of possession and the code
 * {@value DemoCitizens#ITSME_CODE}, then activated without the eID contract (as the dev activation endpoint
 * does; the evidence says {@code demo-seed}).
 *
 * <p>The device key is kept in {@code <data-dir>/demo/itsme/<national number>.properties} so that the app
 * simulator page can act as that device after a restart; seeding is idempotent: an existing demo account is
 * kept (and unlocked if five wrong codes locked it — a demo should not need an administrator), a missing one is
 * enrolled again. Handing out a device's private key is acceptable only because both the app and the people are
 * simulated in this mode; the production profile seeds nothing and has no endpoint that reads these files.
 */
@Component
@DemoOnly
@ConditionalOnBooleanProperty("paraaf.demo.seed")
public class DemoItsmeAccountSeeder implements ApplicationRunner {

    /** What the app simulator needs to act as a demo citizen's phone. */
    public record DemoAccount(DemoCitizen citizen, String accountId, String deviceId, AccountState state,
            Map<String, String> devicePrivateKeyJwk) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoItsmeAccountSeeder.class);

    private final ItsmeService itsme;
    private final Path dir;

    DemoItsmeAccountSeeder(ItsmeService itsme, ParaafProperties paraaf) {
        this.itsme = itsme;
        this.dir = paraaf.dataDir().resolve("demo").resolve("itsme");
    }

    /** After start-up (demo PKI and database ready); a failure is logged, never stops the service. */
    @Override
    public void run(ApplicationArguments arguments) {
        for (DemoCitizen citizen : DemoCitizens.ALL) {
            try {
                seed(citizen);
            } catch (RuntimeException e) {
                log.warn("demo itsme account for {} not seeded: {}", citizen.fullName(), e.toString());
            }
        }
    }

    /** The demo accounts as seeded (those whose device this node holds), in {@link DemoCitizens#ALL}'s order. */
    public List<DemoAccount> accounts() {
        List<DemoAccount> accounts = new ArrayList<>();
        for (DemoCitizen citizen : DemoCitizens.ALL) {
            stored(citizen).ifPresent(device -> itsme.findAccount(device.accountId()).ifPresent(account ->
                    accounts.add(new DemoAccount(citizen, account.id(), device.deviceId(), account.state(),
                            device.jwk()))));
        }
        return accounts;
    }

    private void seed(DemoCitizen citizen) {
        String nrn = citizen.nationalRegisterNumber().value();
        Optional<StoredDevice> stored = stored(citizen)
                .filter(device -> itsme.deviceExists(device.deviceId()));
        if (stored.isPresent()) {
            String accountId = stored.get().accountId();
            AccountState state = itsme.state(accountId);
            if (state == AccountState.LOCKED) {
                itsme.unlock(accountId);
                log.info("demo itsme account of {} was locked by wrong codes: unlocked", citizen.fullName());
            } else if (state == AccountState.PENDING_EID_CONFIRMATION) {
                activate(citizen, accountId); // an earlier start stopped between enrolment and activation
                return;
            }
            log.info("demo itsme account of {} ({}) kept: code {} (dev only)", citizen.fullName(),
                    citizen.nationalRegisterNumber().formatted(), DemoCitizens.ITSME_CODE);
            return;
        }
        if (itsme.hasUsableAccount(nrn)) {
            log.warn("{} already has an itsme account that was not seeded here (enrolled by hand, or by another "
                    + "node): no demo device for this person", citizen.fullName());
            return;
        }
        KeyPair device = newDeviceKey();
        String publicKey = Base64.getEncoder().encodeToString(device.getPublic().getEncoded());
        byte[] proof = sign(device, DeviceSignatures.enrolment(nrn, citizen.phone()));
        EnrolmentResult enrolled = itsme.enrol(new Enrolment(citizen.phone(), nrn, publicKey, DemoCitizens.ITSME_CODE,
                Base64.getEncoder().encodeToString(proof)));
        // stored before the activation, so that a crash in between is finished by the next start
        store(citizen, new StoredDevice(enrolled.accountId(), enrolled.deviceId(), device));
        activate(citizen, enrolled.accountId());
    }

    private void activate(DemoCitizen citizen, String accountId) {
        itsme.confirmEnrolment(accountId, new EidConfirmation(citizen.nationalRegisterNumber().value(),
                citizen.givenName(), citizen.surname(), EidConfirmation.DEMO_SEED));
        log.info("demo itsme account of {} ({}) active: code {} (dev only)", citizen.fullName(),
                citizen.nationalRegisterNumber().formatted(), DemoCitizens.ITSME_CODE);
    }

    // ------------------------------------------------------------------ the device key on disk

    private record StoredDevice(String accountId, String deviceId, KeyPair keys) {

        /**
         * The private key as a JSON Web Key (RFC 7517/7518: kty EC, crv P-256, x, y, d in unpadded base64url),
         * which WebCrypto's {@code importKey("jwk", …)} accepts for ECDSA signing.
         */
        Map<String, String> jwk() {
            ECPublicKey publicKey = (ECPublicKey) keys.getPublic();
            Map<String, String> jwk = new LinkedHashMap<>();
            jwk.put("kty", "EC");
            jwk.put("crv", "P-256");
            jwk.put("x", coordinate(publicKey.getW().getAffineX()));
            jwk.put("y", coordinate(publicKey.getW().getAffineY()));
            jwk.put("d", coordinate(((ECPrivateKey) keys.getPrivate()).getS()));
            return jwk;
        }

        private static String coordinate(BigInteger value) {
            byte[] bytes = value.toByteArray();
            byte[] fixed = new byte[32]; // unsigned, left-padded to the P-256 field size
            int length = Math.min(bytes.length, 32);
            System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
        }
    }

    private Path file(DemoCitizen citizen) {
        return dir.resolve(citizen.nationalRegisterNumber().value() + ".properties");
    }

    private Optional<StoredDevice> stored(DemoCitizen citizen) {
        Path file = file(citizen);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            KeyFactory keys = KeyFactory.getInstance("EC");
            KeyPair pair = new KeyPair(
                    keys.generatePublic(new X509EncodedKeySpec(decode(properties, "devicePublicKey"))),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(decode(properties, "devicePrivateKey"))));
            return Optional.of(new StoredDevice(properties.getProperty("accountId"), properties.getProperty("deviceId"),
                    pair));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.warn("demo itsme device file {} unreadable ({}): the account is seeded anew", file, e.toString());
            return Optional.empty();
        }
    }

    private void store(DemoCitizen citizen, StoredDevice device) {
        Properties properties = new Properties();
        properties.setProperty("accountId", device.accountId());
        properties.setProperty("deviceId", device.deviceId());
        properties.setProperty("devicePublicKey", Base64.getEncoder().encodeToString(device.keys().getPublic()
                .getEncoded()));
        properties.setProperty("devicePrivateKey", Base64.getEncoder().encodeToString(device.keys().getPrivate()
                .getEncoded()));
        StringWriter text = new StringWriter();
        try {
            Files.createDirectories(dir);
            properties.store(text, "demo itsme device of " + citizen.fullName() + " (dev only; a simulated phone)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file(citizen), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decode(Properties properties, String name) {
        return Base64.getDecoder().decode(properties.getProperty(name, ""));
    }

    private static KeyPair newDeviceKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(KeyPair device, byte[] message) {
        try {
            Signature signature = Signature.getInstance(DeviceSignatures.ALGORITHM);
            signature.initSign(device.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
