package be.paraaf.demo.pki;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.NotFoundException;
import be.paraaf.identity.CitizenIdentity;
import be.paraaf.persistence.AtomicFiles;
import be.paraaf.signing.KeyCredential;
import be.paraaf.signing.SealCredentials;
import be.paraaf.trust.TrustAnchorSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo PKI: a root CA with a Citizen CA (eID-like) and a Remote Signing CA (itsme-style)
 * beneath it, an RFC 3161 TSA, RFC 6960 delegated OCSP responders, RFC 5280 CRLs and the "paraaf Seal"
 * certificate. Plain Java, so the CLI and tests use it without Spring.
 *
 * <p>State lives in {@code pkiDir}: {@code keystore.p12} (every service key with its chain) and
 * {@code index.tsv} (every issued certificate with its status). The first {@link #openOrCreate} generates
 * both; later calls load them, so keys, certificates, serials and revocations survive restarts. Every
 * write is atomic. Another process (the CLI) may revoke while a server runs: the index is re-read when it
 * changes on disk.
 *
 * <p>Not for production: keys sit in a password-protected file and the CA signs whatever it is asked to.
 */
public final class DemoPki implements TrustAnchorSource, SealCredentials {

    static final String KEYSTORE_FILE = "keystore.p12";
    static final String INDEX_FILE = "index.tsv";
    static final String TSA_ALIAS = "tsa";
    static final String SEAL_ALIAS = "seal";
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    /** Tolerates clocks a little behind ours (a verifier, a phone) without rejecting fresh certificates. */
    private static final Duration BACKDATE = Duration.ofMinutes(10);
    /** Not registered globally: only for PKCS#12 files whose aliases must keep their case. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Logger log = LoggerFactory.getLogger(DemoPki.class);

    private final Path pkiDir;
    private final String baseUrl;
    private final PkiSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final CertificateIndex index;
    private final Map<CaId, KeyCredential> cas = new EnumMap<>(CaId.class);
    private final Map<CaId, KeyCredential> responders = new EnumMap<>(CaId.class);
    private volatile KeyCredential tsa;
    private final KeyCredential seal;
    private final TimeStampResponder timeStampResponder;
    private final OcspResponder ocspResponder;
    private long lastCrlNumber;

    private DemoPki(Path pkiDir, String baseUrl, PkiSettings settings, Clock clock) {
        this.pkiDir = pkiDir;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.settings = settings;
        this.clock = clock;
        this.index = new CertificateIndex(pkiDir.resolve(INDEX_FILE));
        Path keystoreFile = pkiDir.resolve(KEYSTORE_FILE);
        if (Files.exists(keystoreFile)) {
            load(keystoreFile);
        } else {
            generate(keystoreFile);
        }
        this.tsa = Objects.requireNonNull(loaded.remove(TSA_ALIAS));
        this.seal = Objects.requireNonNull(loaded.remove(SEAL_ALIAS));
        this.timeStampResponder = new TimeStampResponder(this::currentTsa, settings.tsaPolicyOid(), clock, random);
        this.ocspResponder = new OcspResponder(this, clock, settings.ocspNextUpdate());
    }

    /** Scratch space while the constructor loads or generates; emptied by the time it returns. */
    private final Map<String, KeyCredential> loaded = new java.util.HashMap<>();

    /**
     * Loads the PKI from {@code pkiDir}, or generates it there on first use.
     *
     * @param publicBaseUrl the base written into AIA, OCSP and CRL distribution point URLs of certificates
     *        issued from now on (those already issued keep theirs)
     */
    public static DemoPki openOrCreate(Path pkiDir, String publicBaseUrl, PkiSettings settings) {
        return openOrCreate(pkiDir, publicBaseUrl, settings, Clock.systemUTC());
    }

    /** As {@link #openOrCreate(Path, String, PkiSettings)} with an injected clock, for tests. */
    public static DemoPki openOrCreate(Path pkiDir, String publicBaseUrl, PkiSettings settings, Clock clock) {
        Objects.requireNonNull(pkiDir, "pkiDir");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        if (publicBaseUrl == null || !publicBaseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("public base URL must be an http(s) URL: " + publicBaseUrl);
        }
        return new DemoPki(pkiDir, publicBaseUrl, settings, clock);
    }

    // ---------------------------------------------------------------- public material

    public X509Certificate caCertificate(CaId ca) {
        return cas.get(ca).certificate();
    }

    /** The CA certificate followed by its issuers up to the root. */
    public List<X509Certificate> caChain(CaId ca) {
        return cas.get(ca).chain();
    }

    public X509Certificate rootCertificate() {
        return caCertificate(CaId.ROOT);
    }

    /** The TSA certificate in use followed by the root. */
    public List<X509Certificate> tsaChain() {
        return currentTsa().chain();
    }

    /**
     * The TSA key for a time-stamp made now. When less than a third of its certificate's life is left, a new
     * key and certificate replace it (and are saved), the way real TSAs rotate keys well before expiry:
     * time-stamps made afterwards — archive time-stamp renewals above all — outlive the old certificate.
     */
    synchronized KeyCredential currentTsa() {
        Instant rotateAfter = clock.instant().plus(settings.tsaValidity().dividedBy(3));
        if (tsa.certificate().getNotAfter().toInstant().isBefore(rotateAfter)) {
            rotateTsa();
        }
        return tsa;
    }

    /** Replaces the TSA key and certificate now (saved); later time-stamps are signed by the new key. */
    public synchronized List<X509Certificate> rotateTsa() {
        log.info("rotating the TSA key: certificate {} expires {}", tsa.certificate().getSerialNumber().toString(16),
                tsa.certificate().getNotAfter().toInstant());
        tsa = issueTsaCredential();
        saveKeystore(pkiDir.resolve(KEYSTORE_FILE));
        return tsa.chain();
    }

    /** The delegated OCSP responder certificate for certificates issued by {@code ca} (RFC 6960 §4.2.2.2). */
    public X509Certificate ocspResponderCertificate(CaId ca) {
        return responders.get(ca).certificate();
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return List.of(rootCertificate());
    }

    /** The "paraaf Seal" key and chain, for the service's own evidence seals. */
    @Override
    public KeyCredential seal() {
        return seal;
    }

    public TimeStampResponder timeStampResponder() {
        return timeStampResponder;
    }

    public OcspResponder ocspResponder() {
        return ocspResponder;
    }

    public String baseUrl() {
        return baseUrl;
    }

    KeyCredential ocspResponderCredential(CaId ca) {
        return responders.get(ca);
    }

    // ---------------------------------------------------------------- index and revocation

    public List<IssuedCertificate> issuedCertificates() {
        return index.all();
    }

    /** The index entry of {@code serial}; an unknown serial is a {@link NotFoundException}. */
    public IssuedCertificate issuedCertificate(BigInteger serial) {
        return index.find(serial).orElseThrow(() -> unknownSerial(serial));
    }

    /** Revokes a certificate issued by this PKI, effective now. The root cannot be revoked. */
    public IssuedCertificate revoke(BigInteger serial, RevocationReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (serial.equals(rootCertificate().getSerialNumber())) {
            throw new InvalidInputException(ProblemType.ROOT_NOT_REVOCABLE, "The root CA cannot be revoked.",
                    Map.of("serial", serial.toString(16)), null);
        }
        IssuedCertificate revoked = index.revoke(serial, clock.instant(), reason);
        log.info("revoked certificate {} ({}): {}", revoked.serialHex(), reason.rfcName(), revoked.subject());
        return revoked;
    }

    static NotFoundException unknownSerial(BigInteger serial) {
        return new NotFoundException(ProblemType.UNKNOWN_CERTIFICATE,
                "No certificate with serial " + serial.toString(16) + " was issued by the demo PKI.");
    }

    // ---------------------------------------------------------------- citizens

    /**
     * Issues an eID-like credential: fresh RSA 2048 keys for "Signature" and "Authentication", certified
     * by the Citizen CA, packed as PKCS#12 under those aliases with the full chain.
     */
    public CitizenCredential issueCitizenCredential(CitizenIdentity identity, char[] password) {
        Objects.requireNonNull(identity, "identity");
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("PKCS#12 password is missing");
        }
        try {
            // 3DES for keys and certificates: OpenSSL 3 refuses BC's default RC2-40 certificate bags
            KeyStore store = KeyStore.getInstance("PKCS12-3DES-3DES", BC);
            store.load(null, null);
            BigInteger[] serials = new BigInteger[2];
            for (CitizenKeyPurpose purpose : CitizenKeyPurpose.values()) {
                KeyPair keys = rsaKeyPair(2048);
                List<X509Certificate> chain = certifyCitizen(identity, keys.getPublic(), purpose);
                store.setKeyEntry(purpose.label(), keys.getPrivate(), password, chain.toArray(new Certificate[0]));
                serials[purpose.ordinal()] = chain.get(0).getSerialNumber();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return new CitizenCredential(out.toByteArray(), serials[CitizenKeyPurpose.SIGNATURE.ordinal()],
                    serials[CitizenKeyPurpose.AUTHENTICATION.ordinal()]);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the citizen PKCS#12", e);
        }
    }

    /**
     * Certifies a key generated elsewhere (a PKCS#11 token, a card) as a citizen's eID-like Signature or
     * Authentication key. Accepts RSA (≥ 2048 bits) and EC P-256 keys.
     *
     * @return the new certificate followed by the Citizen CA and the root
     */
    public List<X509Certificate> certifyCitizen(CitizenIdentity identity, PublicKey key, CitizenKeyPurpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return certifyPerson(CaId.CITIZEN, identity, key, purpose);
    }

    /**
     * Certifies an itsme-style remote signing key (held by the service on the user's behalf) under the
     * Remote Signing CA; the subject looks like a citizen Signature certificate.
     *
     * @return the new certificate followed by the Remote Signing CA and the root
     */
    public List<X509Certificate> certifyRemoteSigning(CitizenIdentity identity, PublicKey key) {
        return certifyPerson(CaId.REMOTE_SIGNING, identity, key, CitizenKeyPurpose.SIGNATURE);
    }

    private List<X509Certificate> certifyPerson(CaId issuer, CitizenIdentity identity, PublicKey key,
            CitizenKeyPurpose purpose) {
        Objects.requireNonNull(identity, "identity");
        requireAcceptableKey(key);
        // order of a Belgian eID subject: C, CN, SURNAME, GIVENNAME, SERIALNUMBER
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "BE")
                .addRDN(BCStyle.CN, identity.fullName() + " (" + purpose.label() + ")")
                .addRDN(BCStyle.SURNAME, identity.surname())
                .addRDN(BCStyle.GIVENNAME, identity.givenName())
                .addRDN(BCStyle.SERIALNUMBER, identity.nationalRegisterNumber().value())
                .build();
        KeyUsage usage = purpose == CitizenKeyPurpose.SIGNATURE
                ? new KeyUsage(KeyUsage.nonRepudiation)
                : new KeyUsage(KeyUsage.digitalSignature);
        X509Certificate certificate = issue(issuer, subject, SubjectPublicKeyInfo.getInstance(key.getEncoded()),
                settings.endEntityValidity(), builder -> builder.addExtension(Extension.keyUsage, true, usage));
        return chainOf(certificate, issuer);
    }

    private static void requireAcceptableKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new InvalidInputException(ProblemType.UNSUPPORTED_PUBLIC_KEY,
                        "RSA keys must have at least 2048 bits.");
            }
        } else if (key instanceof ECPublicKey ec) {
            // P-256 is the only curve with a 256-bit prime field that Java's providers offer
            if (!(ec.getParams().getCurve().getField() instanceof ECFieldFp field)
                    || field.getP().bitLength() != 256) {
                throw new InvalidInputException(ProblemType.UNSUPPORTED_PUBLIC_KEY, "EC keys must be on curve P-256.");
            }
        } else {
            throw new InvalidInputException(ProblemType.UNSUPPORTED_PUBLIC_KEY, "Only RSA and EC P-256 public keys are "
                    + "accepted" + (key == null ? "" : ", not " + key.getAlgorithm()) + ".");
        }
    }

    // ---------------------------------------------------------------- CRLs

    /** A fresh DER-encoded CRL of {@code ca} listing every certificate it issued that has been revoked. */
    public synchronized byte[] crl(CaId ca) {
        KeyCredential issuer = cas.get(ca);
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                issuer.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(settings.crlNextUpdate())));
        for (IssuedCertificate entry : index.all()) {
            if (entry.issuer() == ca && entry.revoked()) {
                builder.addCRLEntry(entry.serial(), Date.from(entry.revocationTime()),
                        entry.revocationReason().code());
            }
        }
        // time-based so numbers keep growing across restarts without storing a counter
        lastCrlNumber = Math.max(lastCrlNumber + 1, now.toEpochMilli());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(lastCrlNumber)));
            return builder.build(signer(issuer.privateKey())).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the CRL of " + ca, e);
        }
    }

    // ---------------------------------------------------------------- export

    /**
     * Writes the public certificates (root, issuing CAs, TSA, seal) as {@code .crt} (DER) and {@code .pem}
     * into {@code outDir}, for verifiers and the repository's {@code certs/} folder.
     *
     * @return the files written
     */
    public List<Path> exportPublicCertificates(Path outDir) {
        Map<String, X509Certificate> material = new java.util.LinkedHashMap<>();
        material.put("paraaf-demo-root-ca", caCertificate(CaId.ROOT));
        material.put("paraaf-demo-citizen-ca", caCertificate(CaId.CITIZEN));
        material.put("paraaf-demo-remote-signing-ca", caCertificate(CaId.REMOTE_SIGNING));
        material.put("paraaf-demo-tsa", tsa.certificate());
        material.put("paraaf-seal", seal.certificate());
        List<Path> written = new ArrayList<>();
        material.forEach((name, certificate) -> {
            byte[] der = encoded(certificate);
            Path derFile = outDir.resolve(name + ".crt");
            Path pemFile = outDir.resolve(name + ".pem");
            AtomicFiles.write(derFile, der);
            AtomicFiles.write(pemFile, pem(der).getBytes(StandardCharsets.US_ASCII));
            written.add(derFile);
            written.add(pemFile);
        });
        return written;
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    // ---------------------------------------------------------------- generation and loading

    private void generate(Path keystoreFile) {
        log.info("generating the demo PKI in {} (base URL {})", pkiDir.toAbsolutePath(), baseUrl);
        KeyPair rootKeys = rsaKeyPair(3072);
        X500Name rootName = caName(CaId.ROOT);
        X509Certificate root = issueCertificate(rootName, rootKeys.getPrivate(), null, null, rootName,
                SubjectPublicKeyInfo.getInstance(rootKeys.getPublic().getEncoded()), settings.caValidity(),
                builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        cas.put(CaId.ROOT, new KeyCredential(rootKeys.getPrivate(), List.of(root)));
        recordIssued(root, CaId.ROOT);

        for (CaId ca : List.of(CaId.CITIZEN, CaId.REMOTE_SIGNING)) {
            KeyPair keys = rsaKeyPair(2048);
            X509Certificate certificate = issue(CaId.ROOT, caName(ca),
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), settings.caValidity(),
                    builder -> {
                        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                        builder.addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    });
            cas.put(ca, new KeyCredential(keys.getPrivate(), chainOf(certificate, CaId.ROOT)));
        }
        for (CaId ca : CaId.values()) {
            responders.put(ca, issueResponder(ca));
        }
        loaded.put(TSA_ALIAS, issueTsaCredential());
        loaded.put(SEAL_ALIAS, issueServiceCredential(name("paraaf Seal"), builder -> builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))));
        saveKeystore(keystoreFile);
    }

    private KeyCredential issueTsaCredential() {
        return issueServiceCredential(name("paraaf Demo TSA"), settings.tsaValidity(), builder -> {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        });
    }

    private KeyCredential issueServiceCredential(X500Name subject, Extensions extensions) {
        return issueServiceCredential(subject, settings.endEntityValidity(), extensions);
    }

    private KeyCredential issueServiceCredential(X500Name subject, Duration validity, Extensions extensions) {
        KeyPair keys = rsaKeyPair(2048);
        X509Certificate certificate = issue(CaId.ROOT, subject,
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), validity, extensions);
        return new KeyCredential(keys.getPrivate(), chainOf(certificate, CaId.ROOT));
    }

    private KeyCredential issueResponder(CaId ca) {
        KeyPair keys = rsaKeyPair(2048);
        X509Certificate certificate = issue(ca, name("paraaf Demo OCSP Responder (" + ca.commonName() + ")"),
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), settings.responderValidity(),
                builder -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    // RFC 6960 §4.2.2.2.1: clients need not check the responder's own revocation
                    builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                });
        return new KeyCredential(keys.getPrivate(), chainOf(certificate, ca));
    }

    private void load(Path keystoreFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12", BC);
            store.load(new ByteArrayInputStream(Files.readAllBytes(keystoreFile)),
                    settings.keystorePassword().toCharArray());
            char[] password = settings.keystorePassword().toCharArray();
            for (CaId ca : CaId.values()) {
                cas.put(ca, credential(store, ca.id(), password));
                responders.put(ca, credential(store, "ocsp-" + ca.id(), password));
            }
            loaded.put(TSA_ALIAS, credential(store, TSA_ALIAS, password));
            loaded.put(SEAL_ALIAS, credential(store, SEAL_ALIAS, password));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + keystoreFile
                    + " (wrong paraaf.pki.keystore-password, or a damaged file?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + keystoreFile, e);
        }
        renewExpiringResponders(keystoreFile);
    }

    /** Responder certificates are short-lived and carry no-check, so a restart replaces ageing ones. */
    private void renewExpiringResponders(Path keystoreFile) {
        Instant renewAfter = clock.instant().plus(settings.responderValidity().dividedBy(3));
        boolean renewed = false;
        for (CaId ca : CaId.values()) {
            if (responders.get(ca).certificate().getNotAfter().toInstant().isBefore(renewAfter)) {
                log.info("renewing the OCSP responder certificate of {}", ca);
                responders.put(ca, issueResponder(ca));
                renewed = true;
            }
        }
        if (renewed) {
            saveKeystore(keystoreFile);
        }
    }

    private static KeyCredential credential(KeyStore store, String alias, char[] password)
            throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        Certificate[] chain = store.getCertificateChain(alias);
        if (key == null || chain == null) {
            throw new IllegalStateException("the demo PKI key store lacks the entry '" + alias + "'");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : chain) {
            certificates.add((X509Certificate) certificate);
        }
        return new KeyCredential(key, certificates);
    }

    private void saveKeystore(Path keystoreFile) {
        try {
            char[] password = settings.keystorePassword().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12", BC);
            store.load(null, null);
            for (CaId ca : CaId.values()) {
                put(store, ca.id(), cas.get(ca), password);
                put(store, "ocsp-" + ca.id(), responders.get(ca), password);
            }
            KeyCredential tsaCredential = loaded.containsKey(TSA_ALIAS) ? loaded.get(TSA_ALIAS) : tsa;
            KeyCredential sealCredential = loaded.containsKey(SEAL_ALIAS) ? loaded.get(SEAL_ALIAS) : seal;
            put(store, TSA_ALIAS, tsaCredential, password);
            put(store, SEAL_ALIAS, sealCredential, password);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            AtomicFiles.write(keystoreFile, out.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write " + keystoreFile, e);
        }
    }

    private static void put(KeyStore store, String alias, KeyCredential credential, char[] password)
            throws GeneralSecurityException {
        store.setKeyEntry(alias, credential.privateKey(), password,
                credential.chain().toArray(new Certificate[0]));
    }

    // ---------------------------------------------------------------- certificate issuance

    /** Adds the profile-specific extensions; the common ones (SKI, AKI, AIA, CDP) are added by {@link #issue}. */
    @FunctionalInterface
    interface Extensions {
        void addTo(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private X509Certificate issue(CaId issuerId, X500Name subject, SubjectPublicKeyInfo key, Duration validity,
            Extensions extensions) {
        KeyCredential issuer = cas.get(issuerId);
        X509Certificate certificate = issueCertificate(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.privateKey(), issuer.certificate(), issuerId, subject, key, validity, extensions);
        recordIssued(certificate, issuerId);
        return certificate;
    }

    private X509Certificate issueCertificate(X500Name issuerName, PrivateKey issuerKey, X509Certificate issuerCert,
            CaId issuerId, X500Name subject, SubjectPublicKeyInfo key, Duration validity, Extensions extensions) {
        Instant now = clock.instant();
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.plus(validity);
        if (issuerCert != null && notAfter.isAfter(issuerCert.getNotAfter().toInstant())) {
            // a certificate must not outlive its issuer
            notAfter = issuerCert.getNotAfter().toInstant();
        }
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, newSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject, key);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            if (issuerCert != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerCert.getPublicKey()));
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription[] {
                            new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caCertificateUrl(issuerId))),
                            new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocspUrl()))}));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                        new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                                new GeneralNames(uri(crlUrl(issuerId)))), null, null)}));
            }
            extensions.addTo(builder);
            X509CertificateHolder holder = builder.build(signer(issuerKey));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    private void recordIssued(X509Certificate certificate, CaId issuer) {
        index.add(new IssuedCertificate(certificate.getSerialNumber(), issuer, displayName(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                CertificateStatus.GOOD, null, null));
    }

    /** RFC 4514 order (most specific first) with readable attribute names such as SURNAME. */
    static String displayName(X509Certificate certificate) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs();
        RDN[] reversed = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            reversed[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(BCStyle.INSTANCE, reversed).toString();
    }

    /** Random, positive, at least 64 bits (CA/B Forum habit), never reused. */
    private BigInteger newSerial() {
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            BigInteger serial = new BigInteger(1, bytes);
            if (serial.bitLength() >= 64 && !index.contains(serial)) {
                return serial;
            }
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the CA key", e);
        }
    }

    private static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private List<X509Certificate> chainOf(X509Certificate certificate, CaId issuer) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(cas.get(issuer).chain());
        return chain;
    }

    private static X500Name caName(CaId ca) {
        return name(ca.commonName());
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "BE")
                .addRDN(BCStyle.O, "paraaf")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    public String caCertificateUrl(CaId ca) {
        return baseUrl + "/pki/ca/" + ca.id() + ".crt";
    }

    public String crlUrl(CaId ca) {
        return baseUrl + "/pki/crl/" + ca.id() + ".crl";
    }

    public String ocspUrl() {
        return baseUrl + "/pki/ocsp";
    }

    public String tsaUrl() {
        return baseUrl + "/pki/tsa";
    }
}
