package be.paraaf.citizen;

import be.paraaf.system.ProblemType;
import be.paraaf.system.Digests;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.ParaafException;
import be.paraaf.consent.itsme.ConsentOutcome;
import be.paraaf.consent.itsme.ConsentRequest;
import be.paraaf.consent.itsme.ItsmeException;
import be.paraaf.consent.itsme.ItsmeSigning;
import be.paraaf.consent.itsme.VerificationCodes;
import be.paraaf.identity.CertificateIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.identity.CertificateChains;
import be.paraaf.trust.TrustedChainVerifier;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens log in to see their own signing requests and archived documents: with the eID (the server's one-time
 * challenge signed by the card's Authentication key, whose certificate chains to a trusted root and carries the
 * national register number) or with itsme (a push approval of the same challenge, signed by the account's remote
 * key). A login yields a session token (256 bits, stored as SHA-256) valid for a short time.
 *
 * <p>A browser cannot reach the card, so a web page logs in with the eID through the local agent, like an OAuth
 * device flow (RFC 8628): the page starts the login and keeps the pickup token (256 bits, stored as SHA-256),
 * shows the agent its link; the agent fetches the challenge, answers it with the card ({@link #agentAnswer}),
 * and learns nothing that opens a session; the page then exchanges its pickup token for the session, once.
 */
@Service
public class CitizenLogin {

    /** The header that carries a citizen's session token. */
    public static final String SESSION_HEADER = "Paraaf-Citizen-Session";
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);
    /** How long after the challenge expired the page may still pick up a session the agent obtained in time. */
    static final Duration PICKUP_GRACE = Duration.ofMinutes(1);
    // RSA-4096 signatures are 512 bytes and DER ECDSA P-521 ones 139: anything far larger is not a signature
    private static final int MAX_SIGNATURE_BYTES = 1024;
    // an eID chain (leaf, Citizen CA, root) is about 5 KB in PEM
    private static final int MAX_CHAIN_BYTES = 64 * 1024;
    private static final int MAX_TOKEN_LENGTH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What {@link ItsmeSigning#requestConsent} says when the person has no account that could approve. */
    private static final Set<String> NO_USABLE_ACCOUNT = Set.of(ItsmeException.ACCOUNT_NOT_FOUND,
            ItsmeException.ACCOUNT_NOT_ACTIVE, ItsmeException.ACCOUNT_LOCKED);

    private final JdbcClient jdbc;
    private final TrustedChainVerifier trustedChains;
    private final ItsmeSigning itsme;
    private final Clock clock;
    private final CitizenLinks links;

    CitizenLogin(JdbcClient jdbc, TrustedChainVerifier trustedChains, ItsmeSigning itsme, Clock clock,
            CitizenLinks links) {
        this.jdbc = jdbc;
        this.trustedChains = trustedChains;
        this.itsme = itsme;
        this.clock = clock;
        this.links = links;
    }

    /**
     * A fresh challenge for the eID card to sign with its Authentication key. The page that asked keeps
     * {@code pickupToken} to itself and hands the local agent {@code agentLink} (the absolute URL of the challenge).
     */
    public record Challenge(String id, String challenge, Instant expiresAt, String pickupToken, String agentLink) {
    }

    /** What the agent sees of a challenge: nothing that picks up a session. */
    public record AgentChallenge(String id, String challenge, Instant expiresAt) {
    }

    /** The agent's answer was accepted; the national register number is masked but for its last 4 digits. */
    public record AgentAnswer(String status, String nationalRegisterNumber) {
    }

    /** An itsme login waiting for the approval in the app. */
    public record ItsmeLogin(String id, String verificationCode, Instant expiresAt) {
    }

    /** A successful login; {@code name} is the holder's as their certificate gives it, for the page to greet. */
    public record Session(String token, String nationalRegisterNumber, String name, String method, Instant expiresAt) {
    }

    /** Who a verified certificate names. */
    private record Holder(String nationalNumber, String name) {
    }

    public Challenge eidChallenge() {
        String id = random(16);
        String challenge = random(32);
        String pickupToken = random(32);
        Instant expires = clock.instant().plus(CHALLENGE_LIFETIME);
        jdbc.sql("""
                insert into citizen_challenges (id, challenge, method, expires_at, used, pickup_sha256, picked_up)
                values (?, ?, 'EID', ?, false, ?, false)""")
                .params(id, challenge, utc(expires), sha256(pickupToken)).update();
        return new Challenge(id, challenge, expires, pickupToken, links.agentChallenge(id));
    }

    /**
     * Checks the card's answer: the signature over the challenge by the Authentication certificate, whose chain
     * must reach a trusted root; the challenge is used once.
     */
    public Session eidLogin(String challengeId, byte[] certificateChain, byte[] signature) {
        String challenge = claim(challengeId, "EID");
        return open(verifiedHolder(challenge, certificateChain, signature), "EID");
    }

    /** The challenge of an open eID login, for the agent: 404 if unknown, 410 once answered or expired. */
    public AgentChallenge agentChallenge(String id) {
        EidLoginRow row = eidLoginRow(id).orElseThrow(CitizenLogin::notFound);
        if (row.used()) {
            throw gone(ProblemType.LOGIN_ALREADY_ANSWERED,
                    "This login was already answered; start a new one in the browser.");
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            throw gone(ProblemType.LOGIN_EXPIRED, "This login expired; start a new one in the browser.");
        }
        return new AgentChallenge(id, row.challenge(), row.expiresAt());
    }

    /**
     * The agent's answer to an eID login: the same checks as {@link #eidLogin}, but no session — the page that
     * started the login picks it up with its pickup token. Unlike the direct login, a refused answer leaves the
     * login open (whoever saw the link could otherwise spoil it with garbage); a good answer is taken once,
     * by a conditional update.
     */
    public AgentAnswer agentAnswer(String id, byte[] certificateChain, byte[] signature) {
        EidLoginRow row = eidLoginRow(id).orElseThrow(() -> refused("Unknown login challenge."));
        if (row.used()) {
            throw refused("This login was already answered; start a new one in the browser.");
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            throw refused("This login expired before the card answered; start a new one in the browser.");
        }
        Holder holder = verifiedHolder(row.challenge(), certificateChain, signature);
        String nrn = holder.nationalNumber();
        Instant now = clock.instant();
        int answered = jdbc.sql("""
                update citizen_challenges set used = true, national_number = ?, holder_name = ?, answered_at = ?
                where id = ? and method = 'EID' and used = false and expires_at > ?""")
                .params(nrn, holder.name(), utc(now), id, utc(now)).update();
        if (answered != 1) {
            throw refused("The login challenge was already used or has expired.");
        }
        return new AgentAnswer("ANSWERED", masked(nrn));
    }

    /**
     * The page picks up the session of an eID login answered by the agent: empty while the agent has not
     * answered, the session exactly once after (a conditional update decides among concurrent pickups), a
     * 410 afterwards or once the login expired, a 401 without the right pickup token.
     */
    @Transactional
    public Optional<Session> pickup(String id, String pickupToken) {
        EidLoginRow row = eidLoginRow(id).orElseThrow(CitizenLogin::notFound);
        if (pickupToken == null || pickupToken.isBlank() || pickupToken.length() > MAX_TOKEN_LENGTH
                || row.pickupSha256() == null || !MessageDigest.isEqual(
                        sha256(pickupToken).getBytes(StandardCharsets.US_ASCII),
                        row.pickupSha256().getBytes(StandardCharsets.US_ASCII))) {
            throw new LoginException(ProblemType.PICKUP_TOKEN_REFUSED, "The pickup token is missing or wrong: only the "
                    + "page that started this login can pick up its session.");
        }
        if (row.pickedUp()) {
            throw gone(ProblemType.LOGIN_ALREADY_PICKED_UP, "The session of this login was already picked up.");
        }
        Instant now = clock.instant();
        if (row.answeredAt() != null) {
            int picked = jdbc.sql("""
                    update citizen_challenges set picked_up = true
                    where id = ? and picked_up = false and answered_at is not null and expires_at > ?""")
                    .params(id, utc(now.minus(PICKUP_GRACE))).update();
            if (picked != 1) {
                throw row.expiresAt().plus(PICKUP_GRACE).isAfter(now)
                        ? gone(ProblemType.LOGIN_ALREADY_PICKED_UP, "The session of this login was already picked up.")
                        : gone(ProblemType.LOGIN_EXPIRED,
                                "This login expired before its session was picked up; log in again.");
            }
            return Optional.of(open(new Holder(row.nationalNumber(), row.holderName()), "EID"));
        }
        if (row.used()) {
            throw gone(ProblemType.LOGIN_ALREADY_ANSWERED,
                    "This challenge was used by a direct eID login; start a new one.");
        }
        if (!row.expiresAt().isAfter(now)) {
            throw gone(ProblemType.LOGIN_EXPIRED, "This login expired before the card answered; start a new one.");
        }
        return Optional.empty();
    }

    /** The holder of the Authentication certificate that signed {@code challenge}. */
    private Holder verifiedHolder(String challenge, byte[] certificateChain, byte[] signature) {
        if (certificateChain != null && certificateChain.length > MAX_CHAIN_BYTES) {
            throw new InvalidInputException(ProblemType.INVALID_CERTIFICATE, "The certificate chain is larger than "
                    + MAX_CHAIN_BYTES / 1024 + " KB; an eID chain is a few KB.");
        }
        if (signature == null || signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE,
                    "The signature is empty or longer than "
                    + MAX_SIGNATURE_BYTES + " bytes.");
        }
        List<X509Certificate> chain = CertificateChains.parse(certificateChain);
        X509Certificate certificate = chain.get(0);
        if (!trustedChains.isTrusted(chain, clock.instant())) {
            throw refused("The eID certificate does not chain to a trusted root or is not valid now.");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || !usage[0]) {
            throw refused("Log in with the card's Authentication certificate (digitalSignature).");
        }
        if (!verifies(certificate, challenge.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw refused("The signature over the challenge does not verify with the certificate.");
        }
        String nrn = CertificateIdentity.nationalNumber(certificate).map(NationalRegisterNumber::value)
                .orElseThrow(() -> refused("The certificate carries no Belgian national register number."));
        return new Holder(nrn, CertificateIdentity.holderName(certificate));
    }

    private record EidLoginRow(String challenge, Instant expiresAt, boolean used, String pickupSha256,
            String nationalNumber, String holderName, Instant answeredAt, boolean pickedUp) {
    }

    private Optional<EidLoginRow> eidLoginRow(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select challenge, expires_at, used, pickup_sha256, national_number, holder_name, answered_at, picked_up
                from citizen_challenges where id = ? and method = 'EID'""").param(id)
                .query((rs, n) -> new EidLoginRow(rs.getString(1), instant(rs.getTimestamp(2)), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)),
                        rs.getBoolean(8)))
                .optional();
    }

    /** All digits but the last 4 hidden: enough for the holder to recognise, little for anyone else. */
    static String masked(String nationalRegisterNumber) {
        int shown = Math.min(4, nationalRegisterNumber.length());
        return "*".repeat(nationalRegisterNumber.length() - shown)
                + nationalRegisterNumber.substring(nationalRegisterNumber.length() - shown);
    }

    /**
     * Starts an itsme login: the app shows the verification code; the citizen approves with their code. A number
     * without an active account gets the same answer, and a login that only ever expires.
     */
    public ItsmeLogin itsmeStart(String nationalRegisterNumber) {
        if (!NationalRegisterNumber.isValid(nationalRegisterNumber)) {
            throw new InvalidInputException(ProblemType.INVALID_NATIONAL_REGISTER_NUMBER,
                    "The national register number is not valid (11 digits with a mod-97 check).");
        }
        String nrn = NationalRegisterNumber.parse(nationalRegisterNumber).value();
        String id = random(16);
        String challenge = "paraaf-login:" + id + ":" + random(16);
        ConsentRequest consent;
        try {
            consent = itsme.requestConsent(nrn, "paraaf: aanmelden / connexion / log in",
                    challenge.getBytes(StandardCharsets.US_ASCII), "SHA256withECDSA");
        } catch (ItsmeException e) {
            if (!NO_USABLE_ACCOUNT.contains(e.problemType())) {
                throw e;
            }
            // the same answer as for an account, so the login tells nobody whether this person has one (or whether
            // it is locked or still pending): a login nobody can approve, which expires like an unanswered one
            consent = new ConsentRequest(null, VerificationCodes.deriveFromHex(sha256(challenge)),
                    clock.instant().plus(CHALLENGE_LIFETIME).truncatedTo(ChronoUnit.MILLIS));
        }
        jdbc.sql("""
                insert into citizen_challenges (id, challenge, method, national_number, consent_id, expires_at, used)
                values (?, ?, 'ITSME', ?, ?, ?, false)""")
                .params(id, challenge, nrn, consent.id(), utc(consent.expiresAt())).update();
        return new ItsmeLogin(id, consent.verificationCode(), consent.expiresAt());
    }

    /** Polls an itsme login: empty while the app has not answered; a session once approved. */
    public Optional<Session> itsmeResult(String loginId) {
        var row = jdbc.sql("select national_number, consent_id, challenge, used, expires_at from citizen_challenges "
                + "where id = ? and method = 'ITSME'").param(loginId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                    String.valueOf(rs.getBoolean(4)), instant(rs.getTimestamp(5)).toString()}).optional()
                .orElseThrow(() -> new LoginException(ProblemType.LOGIN_NOT_FOUND, "No such itsme login."));
        ConsentOutcome outcome = row[1] != null ? itsme.outcome(row[1])
                : clock.instant().isBefore(Instant.parse(row[4])) ? new ConsentOutcome.Pending()
                : new ConsentOutcome.Expired(); // a login for a number without a usable account (see itsmeStart)
        if (outcome.status() == ConsentOutcome.Status.PENDING) {
            return Optional.empty();
        }
        if (!(outcome instanceof ConsentOutcome.Approved approved)) {
            throw refused("The itsme login was " + outcome.status().name().toLowerCase() + ".");
        }
        List<X509Certificate> chain = itsme.signingChain(row[0]);
        if (!verifies(chain.get(0), row[2].getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                approved.signatureValue())) {
            throw refused("The itsme approval does not verify.");
        }
        claim(loginId, "ITSME");
        return Optional.of(open(new Holder(row[0], CertificateIdentity.holderName(chain.get(0))), "ITSME"));
    }

    /** The session of a token, if it is known and not expired. */
    public Optional<CitizenSession> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select national_number, method, expires_at from citizen_sessions where token_sha256 = ?")
                .param(sha256(token))
                .query((rs, n) -> new CitizenSession(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toLocalDateTime().toInstant(ZoneOffset.UTC))).optional()
                .filter(session -> session.expiresAt().isAfter(clock.instant()));
    }

    /**
     * Deletes challenges past their pickup grace and expired sessions, so the tables do not grow with every login
     * ever made; how many rows went. Runs every {@code paraaf.citizen.purge-interval} (10 minutes).
     */
    @Scheduled(fixedDelayString = "${paraaf.citizen.purge-interval:10m}",
            initialDelayString = "${paraaf.citizen.purge-interval:10m}")
    public int purgeExpired() {
        Instant now = clock.instant();
        return jdbc.sql("delete from citizen_challenges where expires_at < ?").param(utc(now.minus(PICKUP_GRACE)))
                .update() + jdbc.sql("delete from citizen_sessions where expires_at < ?").param(utc(now)).update();
    }

    /** The session of a token; 401 (problem {@code unauthenticated}) when there is none. */
    public CitizenSession require(String token) {
        return session(token).orElseThrow(() -> new LoginException(ProblemType.UNAUTHENTICATED,
                "Log in with the eID or "
                + "itsme first (POST /api/citizen/login/…) and send the session in the " + SESSION_HEADER + " header."));
    }

    /** Ends a session (log out); an unknown token is ignored. */
    public void logout(String token) {
        if (token != null && !token.isBlank()) {
            jdbc.sql("delete from citizen_sessions where token_sha256 = ?").param(sha256(token)).update();
        }
    }

    private Session open(Holder holder, String method) {
        String nrn = holder.nationalNumber();
        String token = random(32);
        Instant expires = clock.instant().plus(SESSION_LIFETIME);
        jdbc.sql("insert into citizen_sessions (token_sha256, national_number, method, expires_at) values (?, ?, ?, ?)")
                .params(sha256(token), nrn, method, utc(expires)).update();
        return new Session(token, nrn, holder.name(), method, expires);
    }

    /** Marks a challenge used (once, before it expires) and returns it. */
    private String claim(String id, String method) {
        String challenge = jdbc.sql("select challenge from citizen_challenges where id = ? and method = ?")
                .params(id == null ? "" : id, method).query(String.class).optional()
                .orElseThrow(() -> refused("Unknown login challenge."));
        int claimed = jdbc.sql("update citizen_challenges set used = true where id = ? and used = false and expires_at > ?")
                .params(id, utc(clock.instant())).update();
        if (claimed != 1) {
            throw refused("The login challenge was already used or has expired.");
        }
        return challenge;
    }

    private static boolean verifies(X509Certificate certificate, byte[] data, byte[] signature) {
        String algorithm = certificate.getPublicKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static LoginException refused(String detail) {
        return new LoginException(ProblemType.CITIZEN_LOGIN_REFUSED, detail);
    }

    private static LoginException notFound() {
        return new LoginException(ProblemType.LOGIN_NOT_FOUND, "No such eID login.");
    }

    private static LoginException gone(ProblemType type, String detail) {
        return new LoginException(type, detail);
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String sha256(String text) {
        return Digests.sha256Hex(text);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A login that cannot go on. */
    static final class LoginException extends ParaafException {

        /** A problem of the catalogue, with its status. */
        LoginException(ProblemType type, String detail) {
            super(type, detail);
        }
    }
}
