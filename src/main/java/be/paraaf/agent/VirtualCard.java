package be.paraaf.agent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.security.auth.login.LoginException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A virtual Belgian eID card: a SoftHSM2 token in a directory of its own, personalised like a card — token
 * label "BELPIC Given Surname", an "Authentication" and a "Signature" key pair generated on the token
 * (private, sensitive, never extractable), each with its certificate from the Demo Citizen CA and the CA
 * certificates, under the same CKA_LABEL and CKA_ID.
 *
 * <p>Directory layout: {@code softhsm2.conf} (its {@code directories.tokendir} is {@code tokens/}),
 * {@code tokens/}, {@code card.properties} (holder, label), {@code pin-tries-left} (see {@link PinTryCounter}).
 * SoftHSM2 reads its configuration from the environment variable {@value #SOFTHSM2_CONF} when the module is
 * loaded, and SunPKCS11 loads it into this JVM: code that opens the token ({@link #personalise},
 * {@link CardSigner}) must run in a JVM started with that variable set to {@link #softHsmConfig()} —
 * {@link #isSelectedInThisProcess()} tells.
 */
public final class VirtualCard {

    public static final String SOFTHSM2_CONF = "SOFTHSM2_CONF";
    public static final String AUTHENTICATION_KEY = CardSigner.AUTHENTICATION_KEY;
    static final String CONFIG_FILE = "softhsm2.conf";
    static final String TOKENS_DIR = "tokens";
    static final String CARD_FILE = "card.properties";
    static final String PIN_TRIES_FILE = "pin-tries-left";

    /** RSA-2048 (as older Belgian eID cards) or EC P-256 (newer cards use elliptic curves; the demo CA takes P-256). */
    public enum KeyType {
        RSA, EC
    }

    private final Path dir;

    private VirtualCard(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public static VirtualCard at(Path dir) {
        return new VirtualCard(dir);
    }

    public Path directory() {
        return dir;
    }

    public Path softHsmConfig() {
        return dir.resolve(CONFIG_FILE);
    }

    /** True once a card was provisioned here (its counter and description exist). */
    public boolean exists() {
        return Files.isRegularFile(dir.resolve(CARD_FILE)) && Files.isRegularFile(softHsmConfig());
    }

    /** The PIN try counter the agent must log in through. */
    public PinTryCounter pinGuard() {
        return new PinTryCounter(dir.resolve(PIN_TRIES_FILE));
    }

    /** The card's token through SoftHSM2's module: the first initialised token of its own token directory. */
    public Pkcs11Module module(Path softHsmLibrary) {
        return new Pkcs11Module(softHsmLibrary, 0);
    }

    /** True if this JVM was started with {@value #SOFTHSM2_CONF} pointing at this card. */
    public boolean isSelectedInThisProcess() {
        String value = System.getenv(SOFTHSM2_CONF);
        return value != null && Path.of(value).toAbsolutePath().normalize().equals(softHsmConfig());
    }

    /** Token label of a card: "BELPIC " + name, cut to PKCS#11's 32 characters. */
    public static String tokenLabel(CardHolder holder) {
        String label = "BELPIC " + holder.fullName();
        return label.length() > 32 ? label.substring(0, 32) : label;
    }

    /**
     * Step 1, in any process: writes the SoftHSM2 configuration and initialises an empty token with
     * {@code softhsm2-util}. A random security officer PIN is set and forgotten: like a citizen without a
     * PUK, the holder cannot unblock the card, only have a new one provisioned.
     *
     * @param replace wipe an existing card in the directory (the only way to "unblock" a virtual card)
     */
    public void initialise(CardHolder holder, char[] pin, boolean replace) {
        requirePin(pin);
        try {
            if (Files.exists(dir.resolve(CARD_FILE)) || Files.isDirectory(dir.resolve(TOKENS_DIR))) {
                if (!replace) {
                    throw new IllegalStateException(dir + " already holds a virtual card (use --force to replace it)");
                }
                deleteCard();
            }
            Path tokens = Files.createDirectories(dir.resolve(TOKENS_DIR));
            Files.writeString(softHsmConfig(), """
                    # SoftHSM2 configuration of one virtual eID card (paraaf eid virtual-card create)
                    directories.tokendir = %s
                    objectstore.backend = file
                    log.level = ERROR
                    slots.removable = false
                    """.formatted(tokens), StandardCharsets.UTF_8);
            softHsmUtil(List.of("--init-token", "--free", "--label", tokenLabel(holder),
                    "--so-pin", randomDigits(16), "--pin", new String(pin)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the virtual card in " + dir, e);
        }
    }

    /**
     * Step 2, in a JVM where {@link #isSelectedInThisProcess()}: generates the two key pairs on the token,
     * has them certified (proof of possession: a PKCS#10 request signed on the token) and stores each chain
     * under the key's label. Writes {@code card.properties} and a fresh PIN try counter last, so a card is
     * only usable once complete.
     *
     * @return the Signature certificate chain
     */
    public List<X509Certificate> personalise(CardHolder holder, char[] pin, KeyType keyType, Path softHsmLibrary,
            CitizenCertificateClient ca) {
        if (!isSelectedInThisProcess()) {
            throw new IllegalStateException("this JVM was not started with " + SOFTHSM2_CONF + "=" + softHsmConfig());
        }
        List<X509Certificate> signatureChain = List.of();
        for (String label : List.of(AUTHENTICATION_KEY, CardSigner.SIGNATURE_KEY)) {
            AuthProvider provider = (AuthProvider) module(softHsmLibrary).open("paraaf-card-" + label, label);
            try {
                login(provider, pin);
                KeyPair keys = generate(provider, keyType);
                String purpose = label.equals(CardSigner.SIGNATURE_KEY) ? "SIGNATURE" : "AUTHENTICATION";
                List<X509Certificate> chain = ca.certify(holder, purpose,
                        csr(holder, label, keys, keyType, provider));
                KeyStore store = KeyStore.getInstance("PKCS11", provider);
                store.load(null, null);
                store.setKeyEntry(label, keys.getPrivate(), null, chain.toArray(new X509Certificate[0]));
                if (label.equals(CardSigner.SIGNATURE_KEY)) {
                    signatureChain = chain;
                }
            } catch (GeneralSecurityException | IOException | ProviderException e) {
                throw Pkcs11Errors.translate(e, "personalising the " + label + " key");
            } finally {
                try {
                    provider.logout();
                } catch (LoginException | ProviderException e) {
                    // nothing to undo
                }
            }
        }
        writeDescription(holder, keyType);
        PinTryCounter.create(dir.resolve(PIN_TRIES_FILE));
        return signatureChain;
    }

    private static void login(AuthProvider provider, char[] pin) {
        try {
            Pkcs11Module.login(provider, pin);
        } catch (LoginException e) {
            throw Pkcs11Errors.translate(e, "logging in to the new token");
        }
    }

    private static KeyPair generate(AuthProvider provider, KeyType keyType) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType == KeyType.RSA ? "RSA" : "EC", provider);
        if (keyType == KeyType.RSA) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }

    private static String csr(CardHolder holder, String label, KeyPair keys, KeyType keyType, AuthProvider provider)
            throws IOException {
        try {
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                    new X500Principal("CN=" + holder.fullName().replaceAll("[,+=\"\\\\<>;#]", " ") + " (" + label + ")"),
                    keys.getPublic())
                    .build(new JcaContentSignerBuilder(keyType == KeyType.RSA ? "SHA256withRSA" : "SHA256withECDSA")
                            .setProvider(provider).build(keys.getPrivate()));
            StringWriter text = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
                pem.writeObject(request);
            }
            return text.toString();
        } catch (OperatorCreationException e) {
            throw new IOException("cannot sign the certification request on the token", e);
        }
    }

    private void writeDescription(CardHolder holder, KeyType keyType) {
        Properties card = new Properties();
        card.setProperty("tokenLabel", tokenLabel(holder));
        card.setProperty("givenName", holder.givenName());
        card.setProperty("surname", holder.surname());
        card.setProperty("nationalRegisterNumber", holder.nationalRegisterNumber().value());
        card.setProperty("keyType", keyType.name());
        try (var out = Files.newBufferedWriter(dir.resolve(CARD_FILE), StandardCharsets.UTF_8)) {
            card.store(out, "virtual eID card (paraaf); the PIN try counter is in " + PIN_TRIES_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteCard() throws IOException {
        for (Path file : List.of(dir.resolve(CARD_FILE), dir.resolve(PIN_TRIES_FILE), softHsmConfig())) {
            Files.deleteIfExists(file);
        }
        Path tokens = dir.resolve(TOKENS_DIR);
        if (Files.isDirectory(tokens)) {
            try (Stream<Path> walk = Files.walk(tokens)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void softHsmUtil(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add("softhsm2-util");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(SOFTHSM2_CONF, softHsmConfig().toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("softhsm2-util failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new CardException(CardException.Kind.NO_MODULE,
                    "softhsm2-util is not installed (apt-get install softhsm2): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running softhsm2-util", e);
        }
    }

    static void requirePin(char[] pin) {
        if (pin == null || pin.length < 4 || pin.length > 12 || !new String(pin).matches("\\d+")) {
            throw new IllegalArgumentException("an eID PIN has 4 to 12 digits");
        }
    }

    private static String randomDigits(int count) {
        SecureRandom random = new SecureRandom();
        char[] digits = new char[count];
        for (int i = 0; i < count; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        String text = new String(digits);
        Arrays.fill(digits, '\0');
        return text;
    }
}
