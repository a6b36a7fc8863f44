package be.paraaf.consent.itsme;

import be.paraaf.system.ProblemType;
import be.paraaf.identity.CertificateChains;
import be.paraaf.system.Digests;
import be.paraaf.identity.CitizenIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * itsme-style accounts and push consent: enrolment (phone + national number + device key + secret code,
 * a remote signing key created at once), confirmation with the eID (the Remote Signing CA certifies the
 * key), consent requests pushed to the device, and approval → Signature Activation Data → remote signature.
 *
 * <p>Order of checks on an approval, chosen so that only the device holder can spend code attempts:
 * device belongs to the consent's account → device signature over {consent id, hash, nonce} → account
 * not locked → consent still pending → not expired → hash equals the consent's → nonce unused → secret
 * code → the consent is claimed (PENDING → SIGNING, one winner among concurrent answers). Only then is a
 * SAD issued, bound to account + key + hash + expiry, and consumed by the key store.
 */
@Service
public class ItsmeService implements ItsmeSigning {

    private static final Logger log = LoggerFactory.getLogger(ItsmeService.class);
    private static final int MAX_DATA_TO_SIGN = 64 * 1024;

    private final ItsmeRepository repository;
    private final RemoteKeyStore keys;
    private final SignatureActivation activation;
    private final ObjectProvider<RemoteSigningCertificates> remoteSigningCa;
    private final ItsmeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ItsmeService(ItsmeRepository repository, RemoteKeyStore keys, SignatureActivation activation,
            ObjectProvider<RemoteSigningCertificates> remoteSigningCa, ItsmeProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.activation = activation;
        this.remoteSigningCa = remoteSigningCa;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ enrolment

    /**
     * Creates an account in state PENDING_EID_CONFIRMATION with the device and a new remote signing key.
     * The key is certified only by {@link #confirmEnrolment}: no certificate names a person before the eID
     * has confirmed who they are.
     */
    public EnrolmentResult enrol(Enrolment enrolment) {
        if (enrolment == null) {
            throw invalid("The enrolment is missing.");
        }
        if (!NationalRegisterNumber.isValid(enrolment.nationalRegisterNumber())) {
            throw invalid("The national register number is not valid (11 digits with a mod-97 check).");
        }
        String nrn = NationalRegisterNumber.parse(enrolment.nationalRegisterNumber()).value();
        String phone = enrolment.phone() == null ? "" : enrolment.phone().replaceAll("[\\s./-]", "");
        if (!phone.matches("\\+?[0-9]{8,15}")) {
            throw invalid("The phone number must have 8 to 15 digits, optionally after '+'.");
        }
        if (!SecretCodes.wellFormed(enrolment.code())) {
            throw invalid("The secret code must be exactly five digits.");
        }
        PublicKey deviceKey = DeviceSignatures.parsePublicKey(enrolment.devicePublicKey());
        if (!DeviceSignatures.verify(deviceKey, DeviceSignatures.enrolment(nrn, phone),
                decode(enrolment.proofOfPossession()))) {
            throw new ItsmeException(ItsmeException.DEVICE_AUTHENTICATION_FAILED, 403,
                    "The proof of possession does not verify with the device public key.");
        }
        // no "already has an account" answer here: anyone can call this, and it would tell who has itsme. A second
        // enrolment waits like any other; its eID confirmation, which only the person can give, is refused then.
        String accountId = UUID.randomUUID().toString();
        String alias = "itsme-" + accountId;
        PublicKey remoteKey = keys.createKey(alias);
        Instant now = clock.instant();
        repository.insertAccount(new ItsmeRepository.Account(accountId, nrn, phone,
                SecretCodes.hash(enrolment.code(), properties.codeHashIterations()),
                AccountState.PENDING_EID_CONFIRMATION, 0, alias,
                Base64.getEncoder().encodeToString(remoteKey.getEncoded()), null), now);
        String deviceId = UUID.randomUUID().toString();
        repository.insertDevice(new ItsmeRepository.Device(deviceId, accountId,
                Base64.getEncoder().encodeToString(deviceKey.getEncoded())), now);
        log.info("itsme account {} enrolled, awaiting eID confirmation", accountId);
        return new EnrolmentResult(accountId, deviceId, AccountState.PENDING_EID_CONFIRMATION);
    }

    /**
     * Deletes the enrolments that waited longer than {@code paraaf.itsme.enrolment-lifetime} for their eID
     * confirmation, with their device and remote key (each a file or a token entry), so unconfirmed enrolments do
     * not pile up; how many went.
     */
    @Scheduled(fixedDelayString = "${paraaf.itsme.enrolment-purge-interval:10m}",
            initialDelayString = "${paraaf.itsme.enrolment-purge-interval:10m}")
    public int expireUnconfirmedEnrolments() {
        int expired = 0;
        List<ItsmeRepository.Account> batch;
        do {
            batch = repository.unconfirmedBefore(clock.instant().minus(properties.enrolmentLifetime()), 100);
            for (ItsmeRepository.Account account : batch) {
                if (repository.deleteUnconfirmed(account.id())) {
                    keys.deleteKey(account.keyAlias());
                    expired++;
                }
            }
        } while (batch.size() == 100 && expired > 0);
        if (expired > 0) {
            log.info("{} itsme enrolment(s) expired unconfirmed and were deleted", expired);
        }
        return expired;
    }

    /**
     * PENDING_EID_CONFIRMATION → ACTIVE, called by the signing-request flow once the person has signed the
     * itsme contract with the eID (or by the dev activation endpoint). The eID signer must be the enrolled
     * person; the Remote Signing CA then certifies the remote key with the eID's names and national number.
     *
     * @return the remote-signing certificate chain
     */
    public List<X509Certificate> confirmEnrolment(String accountId, EidConfirmation proof) {
        ItsmeRepository.Account account = repository.account(accountId).orElseThrow(ItsmeService::accountNotFound);
        if (account.state() != AccountState.PENDING_EID_CONFIRMATION) {
            throw new ItsmeException(ProblemType.ITSME_ACCOUNT_NOT_ACTIVE,
                    "The account is " + account.state() + ", not awaiting eID confirmation.");
        }
        if (!account.nationalRegisterNumber().equals(proof.nationalRegisterNumber())) {
            throw new ItsmeException(ProblemType.ITSME_IDENTITY_MISMATCH,
                    "The eID that signed the contract belongs to someone else than the enrolled person.");
        }
        RemoteSigningCertificates ca = remoteSigningCa.getIfAvailable();
        if (ca == null) {
            throw new ItsmeException(ProblemType.ITSME_NO_REMOTE_SIGNING_CA,
                    "No remote signing certification authority is configured: itsme enrolments cannot be confirmed.");
        }
        PublicKey remoteKey = publicKey(account.publicKey());
        List<X509Certificate> chain;
        try {
            chain = ca.certify(new CitizenIdentity(proof.givenName(), proof.surname(),
                    NationalRegisterNumber.parse(proof.nationalRegisterNumber())), remoteKey);
        } catch (IllegalArgumentException e) {
            throw invalid("The eID names are not usable in a certificate: " + e.getMessage());
        }
        if (!repository.activate(accountId, account.nationalRegisterNumber(), CertificateChains.toStoredText(chain),
                proof.signedContractSha256(), clock.instant())) {
            throw new ItsmeException(ProblemType.ITSME_ACCOUNT_EXISTS,
                    "This person already has an active itsme account, or the account changed meanwhile.");
        }
        log.info("itsme account {} confirmed with the eID and active", accountId);
        return chain;
    }

    /** LOCKED → ACTIVE with the wrong-code counter reset (an administrator's decision). */
    public void unlock(String accountId) {
        repository.account(accountId).orElseThrow(ItsmeService::accountNotFound);
        if (!repository.unlock(accountId)) {
            throw new ItsmeException(ProblemType.ITSME_ACCOUNT_NOT_ACTIVE, "The account is not locked.");
        }
        log.info("itsme account {} unlocked", accountId);
    }

    /** Who enrolled an account (national number, phone) and where it stands; for the eID confirmation. */
    public record EnrolledAccount(String id, String nationalRegisterNumber, String phone, AccountState state) {
    }

    /** The account if it exists. */
    public Optional<EnrolledAccount> findAccount(String accountId) {
        return repository.account(accountId).map(account -> new EnrolledAccount(account.id(),
                account.nationalRegisterNumber(), account.phone(), account.state()));
    }

    /** True if this enrolled device is known (the demo seeding keeps devices across restarts). */
    public boolean deviceExists(String deviceId) {
        return repository.device(deviceId).isPresent();
    }

    /** The person's confirmed account (active or locked), if any. */
    public Optional<EnrolledAccount> confirmedAccount(String nationalRegisterNumber) {
        return repository.usableAccount(nationalRegisterNumber).map(account -> new EnrolledAccount(account.id(),
                account.nationalRegisterNumber(), account.phone(), account.state()));
    }

    /** True if this person already has an account that can sign or is awaiting its eID confirmation. */
    public boolean hasUsableAccount(String nationalRegisterNumber) {
        return repository.usableAccount(nationalRegisterNumber).isPresent();
    }

    public EnrolledAccount enrolledAccount(String accountId) {
        ItsmeRepository.Account account = repository.account(accountId).orElseThrow(ItsmeService::accountNotFound);
        return new EnrolledAccount(account.id(), account.nationalRegisterNumber(), account.phone(), account.state());
    }

    public AccountState state(String accountId) {
        return repository.account(accountId).orElseThrow(ItsmeService::accountNotFound).state();
    }

    // ------------------------------------------------------------------ the port

    @Override
    public List<X509Certificate> signingChain(String nationalRegisterNumber) {
        return CertificateChains.fromStoredText(usable(nationalRegisterNumber).certificateChain());
    }

    @Override
    public ConsentRequest requestConsent(String nationalRegisterNumber, String documentTitle, byte[] dataToSign,
            String signatureAlgorithm) {
        ItsmeRepository.Account account = usable(nationalRegisterNumber);
        checkTitle(documentTitle);
        if (dataToSign == null || dataToSign.length == 0 || dataToSign.length > MAX_DATA_TO_SIGN) {
            throw new ItsmeException(ProblemType.INVALID_CONSENT_REQUEST,
                    "The data to be signed must be 1 byte to 64 KiB.");
        }
        if (signatureAlgorithm == null || !signatureAlgorithm.matches("SHA(256|384|512)withECDSA")) {
            throw new ItsmeException(ProblemType.INVALID_CONSENT_REQUEST,
                    "The remote key is an EC P-256 key: ask for SHA256withECDSA (or SHA384/512withECDSA), not "
                            + signatureAlgorithm + ".");
        }
        byte[] hash = Digests.sha256(dataToSign);
        return startConsent(account, documentTitle, dataToSign.clone(), signatureAlgorithm,
                VerificationCodes.derive(hash));
    }

    /**
     * A consent over a SHA-256 computed elsewhere (the CSC signHash model of a remote-signing provider): on approval
     * the key signs that hash itself ({@code NONEwithECDSA}), which equals {@code SHA256withECDSA} over the data it
     * came from. The verification code derives from the same hash as for {@link #requestConsent}, so the page that
     * computed the hash shows the code the app shows.
     */
    public ConsentRequest requestConsentForHash(String nationalRegisterNumber, String documentTitle, byte[] sha256) {
        ItsmeRepository.Account account = usable(nationalRegisterNumber);
        checkTitle(documentTitle);
        if (sha256 == null || sha256.length != 32) {
            throw new ItsmeException(ProblemType.INVALID_CONSENT_REQUEST,
                    "The hash must be 32 bytes (SHA-256).");
        }
        return startConsent(account, documentTitle, sha256.clone(), "NONEwithECDSA", VerificationCodes.derive(sha256));
    }

    private ConsentRequest startConsent(ItsmeRepository.Account account, String documentTitle, byte[] toSign,
            String signatureAlgorithm, String code) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.consentLifetime()).truncatedTo(ChronoUnit.MILLIS);
        ItsmeRepository.Consent consent = new ItsmeRepository.Consent(UUID.randomUUID().toString(), account.id(),
                documentTitle.strip(), toSign, SignatureActivation.boundHash(toSign, signatureAlgorithm),
                signatureAlgorithm, code,
                ConsentOutcome.Status.PENDING, expiresAt, null);
        repository.insertConsent(consent, now);
        events.publishEvent(new ConsentRequested(account.id(), consent.view()));
        return new ConsentRequest(consent.id(), code, expiresAt);
    }

    private static void checkTitle(String documentTitle) {
        if (documentTitle == null || documentTitle.isBlank() || documentTitle.length() > 200
                || documentTitle.chars().anyMatch(Character::isISOControl)) {
            throw new ItsmeException(ProblemType.INVALID_CONSENT_REQUEST,
                    "The document title must be 1-200 characters without control characters.");
        }
    }

    @Override
    public ConsentOutcome outcome(String consentId) {
        ItsmeRepository.Consent consent = consent(consentId);
        if (consent.state() == ConsentOutcome.Status.PENDING) {
            if (expired(consent)) {
                return expire(consent);
            }
            if (repository.account(consent.accountId()).map(ItsmeRepository.Account::state)
                    .orElse(AccountState.LOCKED) == AccountState.LOCKED) {
                return new ConsentOutcome.Locked();
            }
        }
        return outcomeOf(consent);
    }

    // ------------------------------------------------------------------ the device side

    /**
     * Authenticates a device on the push channel by its signature over {@link DeviceSignatures#channel}
     * with a Unix time within {@code paraaf.itsme.channel-clock-skew} of ours. Within that window the same
     * signature can be presented again; it only opens a read of pending consents for this device.
     */
    public String authenticateDevice(String deviceId, long epochSecond, String signature) {
        ItsmeRepository.Device device = repository.device(deviceId == null ? "" : deviceId)
                .orElseThrow(() -> new ItsmeException(ProblemType.ITSME_DEVICE_NOT_FOUND, "Unknown device."));
        long skew = Math.abs(clock.instant().getEpochSecond() - epochSecond);
        if (skew > properties.channelClockSkew().toSeconds()
                || !DeviceSignatures.verify(publicKey(device.publicKey()),
                        DeviceSignatures.channel(deviceId, epochSecond), decode(signature))) {
            throw new ItsmeException(ProblemType.DEVICE_AUTHENTICATION_FAILED,
                    "The device signature over the channel challenge is missing, stale or invalid.");
        }
        return device.accountId();
    }

    /** The pending, unexpired consents of the device's account (after {@link #authenticateDevice}). */
    public List<PendingConsent> pending(String accountId) {
        ItsmeRepository.Account account = repository.account(accountId).orElseThrow(ItsmeService::accountNotFound);
        if (account.state() != AccountState.ACTIVE) {
            return List.of();
        }
        return repository.pendingConsents(accountId, clock.instant()).stream().map(ItsmeRepository.Consent::view)
                .toList();
    }

    /**
     * Long-poll: waits up to {@code wait} (at most 30 s) for a pending consent, checking every 250 ms so it
     * also sees consents created on another node.
     */
    public List<PendingConsent> awaitPending(String accountId, Duration wait) {
        // elapsed time, not the (replaceable) clock: a frozen test clock must not make this spin forever
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), Duration.ofSeconds(30).toNanos());
        while (true) {
            List<PendingConsent> found = pending(accountId);
            if (!found.isEmpty() || System.nanoTime() - deadline >= 0) {
                return found;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** The app approves: see the class comment for the order of checks. */
    public ConsentOutcome approve(String deviceId, Approval approval) {
        Checked checked = checkAnswer(deviceId, approval, true);
        ItsmeRepository.Account account = checked.account;
        ItsmeRepository.Consent consent = checked.consent;
        Instant now = clock.instant();
        if (!SecretCodes.matches(approval.code(), account.codeHash())) {
            int wrong = repository.wrongCode(account.id(), properties.maxWrongCodes(), now);
            if (wrong >= properties.maxWrongCodes()) {
                log.warn("itsme account {} locked after {} wrong secret codes", account.id(), wrong);
                lockPendingConsents(account.id());
                throw locked();
            }
            throw new ItsmeException(ProblemType.WRONG_SECRET_CODE, "The secret code is wrong.",
                    Map.of("attemptsLeft", properties.maxWrongCodes() - wrong));
        }
        repository.resetWrongCodes(account.id());
        if (!repository.claimForSigning(consent.id())) {
            throw alreadyDecided(); // a concurrent answer won: the key signs once per consent
        }
        byte[] signatureValue = null;
        try {
            Instant sadExpiry = min(consent.expiresAt(), now.plus(properties.sadLifetime()));
            SignatureActivationData sad = activation.issue(new SignatureActivation.Binding(account.id(),
                    account.keyAlias(), consent.dataSha256(), sadExpiry));
            signatureValue = keys.sign(account.keyAlias(), sad, consent.dataToSign(), consent.signatureAlgorithm());
        } finally {
            repository.finishSigning(consent.id(), signatureValue, clock.instant());
        }
        ConsentOutcome outcome = new ConsentOutcome.Approved(signatureValue);
        events.publishEvent(new ConsentDecided(consent.id(), outcome));
        return outcome;
    }

    /** The app rejects (signed by the device like an approval; no secret code needed). */
    public ConsentOutcome reject(String deviceId, Approval rejection) {
        Checked checked = checkAnswer(deviceId, rejection, false);
        if (!repository.decide(checked.consent.id(), ConsentOutcome.Status.REJECTED, null, clock.instant())) {
            throw alreadyDecided();
        }
        ConsentOutcome outcome = new ConsentOutcome.Rejected();
        events.publishEvent(new ConsentDecided(checked.consent.id(), outcome));
        return outcome;
    }

    private record Checked(ItsmeRepository.Account account, ItsmeRepository.Consent consent) {
    }

    private Checked checkAnswer(String deviceId, Approval answer, boolean approve) {
        if (answer == null || answer.consentId() == null) {
            throw new ItsmeException(ProblemType.CONSENT_NOT_FOUND, "No consent named.");
        }
        ItsmeRepository.Consent consent = consent(answer.consentId());
        ItsmeRepository.Device device = repository.device(deviceId == null ? "" : deviceId)
                .filter(found -> found.accountId().equals(consent.accountId()))
                .orElseThrow(() -> new ItsmeException(ProblemType.ITSME_DEVICE_NOT_FOUND,
                        "No such device for this consent's account."));
        String hash = answer.hash() == null ? "" : answer.hash();
        String nonce = answer.nonce() == null ? "" : answer.nonce();
        if (!hash.matches("[0-9a-f]{64}") || !nonce.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new ItsmeException(ItsmeException.DEVICE_AUTHENTICATION_FAILED, 403,
                    "The answer needs the hash as 64 lower-case hex digits and a 16-64 character base64url nonce.");
        }
        byte[] message = approve ? DeviceSignatures.approval(consent.id(), hash, nonce)
                : DeviceSignatures.rejection(consent.id(), hash, nonce);
        if (!DeviceSignatures.verify(publicKey(device.publicKey()), message, decode(answer.deviceSignature()))) {
            throw new ItsmeException(ItsmeException.DEVICE_AUTHENTICATION_FAILED, 403,
                    "The device signature over {consent id, hash, nonce} does not verify with the enrolled "
                            + "device key.");
        }
        ItsmeRepository.Account account = repository.account(consent.accountId())
                .orElseThrow(ItsmeService::accountNotFound);
        if (account.state() == AccountState.LOCKED) {
            throw locked();
        }
        if (account.state() != AccountState.ACTIVE) {
            throw notActive();
        }
        if (consent.state() != ConsentOutcome.Status.PENDING) {
            throw alreadyDecided();
        }
        if (expired(consent)) {
            expire(consent);
            throw new ItsmeException(ProblemType.CONSENT_EXPIRED,
                    "The consent request expired at " + consent.expiresAt() + "; ask for a new one.");
        }
        if (!MessageDigest.isEqual(hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                consent.dataSha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new ItsmeException(ProblemType.CONSENT_HASH_MISMATCH,
                    "The approved hash is not the hash of this consent's data to be signed; nothing was signed.");
        }
        if (!repository.useNonce(device.id(), nonce, consent.id(), clock.instant())) {
            throw new ItsmeException(ProblemType.APPROVAL_REPLAYED,
                    "This nonce has been used before: the answer is a replay and is refused.");
        }
        return new Checked(account, consent);
    }

    // ------------------------------------------------------------------ helpers

    private ItsmeRepository.Account usable(String nationalRegisterNumber) {
        if (!NationalRegisterNumber.isValid(nationalRegisterNumber)) {
            throw new ItsmeException(ProblemType.ITSME_ACCOUNT_NOT_FOUND,
                    "Not a valid national register number, so no itsme account.");
        }
        String nrn = NationalRegisterNumber.parse(nationalRegisterNumber).value();
        ItsmeRepository.Account account = repository.usableAccount(nrn).orElseThrow(() -> repository.anyAccount(nrn)
                ? notActive() : accountNotFound());
        if (account.state() == AccountState.LOCKED) {
            throw locked();
        }
        return account;
    }

    private ItsmeRepository.Consent consent(String consentId) {
        return repository.consent(consentId == null ? "" : consentId).orElseThrow(() -> new ItsmeException(
                ProblemType.CONSENT_NOT_FOUND, "No such consent request."));
    }

    private boolean expired(ItsmeRepository.Consent consent) {
        return !clock.instant().isBefore(consent.expiresAt());
    }

    private ConsentOutcome expire(ItsmeRepository.Consent consent) {
        if (repository.decide(consent.id(), ConsentOutcome.Status.EXPIRED, null, clock.instant())) {
            events.publishEvent(new ConsentDecided(consent.id(), new ConsentOutcome.Expired()));
            return new ConsentOutcome.Expired();
        }
        return outcomeOf(repository.consent(consent.id()).orElseThrow());
    }

    private void lockPendingConsents(String accountId) {
        for (ItsmeRepository.Consent pending : repository.pendingConsents(accountId, Instant.EPOCH)) {
            if (repository.decide(pending.id(), ConsentOutcome.Status.LOCKED, null, clock.instant())) {
                events.publishEvent(new ConsentDecided(pending.id(), new ConsentOutcome.Locked()));
            }
        }
    }

    private static ConsentOutcome outcomeOf(ItsmeRepository.Consent consent) {
        return switch (consent.state()) {
            case PENDING -> new ConsentOutcome.Pending();
            case APPROVED -> new ConsentOutcome.Approved(consent.signatureValue());
            case REJECTED -> new ConsentOutcome.Rejected();
            case EXPIRED -> new ConsentOutcome.Expired();
            case LOCKED -> new ConsentOutcome.Locked();
        };
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }


    private static byte[] decode(String base64) {
        if (base64 == null) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return java.security.KeyFactory.getInstance("EC")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("stored public key unreadable", e);
        }
    }



    private static ItsmeException invalid(String detail) {
        return new ItsmeException(ItsmeException.INVALID_ENROLMENT, 422, detail);
    }

    private static ItsmeException accountNotFound() {
        return new ItsmeException(ProblemType.ITSME_ACCOUNT_NOT_FOUND, "No itsme account for this person.");
    }

    private static ItsmeException notActive() {
        return new ItsmeException(ProblemType.ITSME_ACCOUNT_NOT_ACTIVE,
                "The itsme account has not been confirmed with the eID yet.");
    }

    private static ItsmeException locked() {
        return new ItsmeException(ProblemType.ITSME_ACCOUNT_LOCKED,
                "The itsme account is locked after too many wrong secret codes; it must be unlocked first.");
    }

    private static ItsmeException alreadyDecided() {
        return new ItsmeException(ProblemType.CONSENT_ALREADY_DECIDED,
                "This consent has already been decided; an answer can be given only once.");
    }
}
