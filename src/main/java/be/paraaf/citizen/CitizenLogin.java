package be.paraaf.citizen;

import be.paraaf.InvalidInputException;
import be.paraaf.ParaafException;
import be.paraaf.consent.itsme.ConsentOutcome;
import be.paraaf.consent.itsme.ConsentRequest;
import be.paraaf.consent.itsme.ItsmeSigning;
import be.paraaf.identity.CertificateIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.signing.CertificateChains;
import be.paraaf.trust.TrustedChains;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Citizens log in to see their own signing requests and archived documents: with the eID (the server's one-time
 * challenge signed by the card's Authentication key, whose certificate chains to a trusted root and carries the
 * national register number) or with itsme (a push approval of the same challenge, signed by the account's remote
 * key). A login yields a session token (256 bits, stored as SHA-256) valid for a short time.
 */
@Service
public class CitizenLogin {

    /** The header that carries a citizen's session token. */
    public static final String SESSION_HEADER = "Paraaf-Citizen-Session";
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TrustedChains trustedChains;
    private final ItsmeSigning itsme;
    private final Clock clock;

    CitizenLogin(JdbcClient jdbc, TrustedChains trustedChains, ItsmeSigning itsme, Clock clock) {
        this.jdbc = jdbc;
        this.trustedChains = trustedChains;
        this.itsme = itsme;
        this.clock = clock;
    }

    /** A fresh challenge for the eID card to sign with its Authentication key. */
    public record Challenge(String id, String challenge, Instant expiresAt) {
    }

    /** An itsme login waiting for the approval in the app. */
    public record ItsmeLogin(String id, String verificationCode, Instant expiresAt) {
    }

    /** A successful login. */
    public record Session(String token, String nationalRegisterNumber, String method, Instant expiresAt) {
    }

    public Challenge eidChallenge() {
        String id = random(16);
        String challenge = random(32);
        Instant expires = clock.instant().plus(CHALLENGE_LIFETIME);
        jdbc.sql("insert into citizen_challenges (id, challenge, method, expires_at, used) values (?, ?, 'EID', ?, false)")
                .params(id, challenge, utc(expires)).update();
        return new Challenge(id, challenge, expires);
    }

    /**
     * Checks the card's answer: the signature over the challenge by the Authentication certificate, whose chain
     * must reach a trusted root; the challenge is used once.
     */
    public Session eidLogin(String challengeId, byte[] certificateChain, byte[] signature) {
        String challenge = claim(challengeId, "EID");
        List<X509Certificate> chain = CertificateChains.parse(certificateChain);
        X509Certificate certificate = chain.get(0);
        if (!trustedChains.isTrusted(chain, clock.instant())) {
            throw refused("The eID certificate does not chain to a trusted root or is not valid now.");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || !usage[0]) {
            throw refused("Log in with the card's Authentication certificate (digitalSignature).");
        }
        if (!verifies(certificate, challenge.getBytes(java.nio.charset.StandardCharsets.US_ASCII), signature)) {
            throw refused("The signature over the challenge does not verify with the certificate.");
        }
        String nrn = CertificateIdentity.nationalNumber(certificate).map(NationalRegisterNumber::value)
                .orElseThrow(() -> refused("The certificate carries no Belgian national register number."));
        return open(nrn, "EID");
    }

    /** Starts an itsme login: the app shows the verification code; the citizen approves with their code. */
    public ItsmeLogin itsmeStart(String nationalRegisterNumber) {
        if (!NationalRegisterNumber.isValid(nationalRegisterNumber)) {
            throw new InvalidInputException("invalid-national-register-number",
                    "The national register number is not valid (11 digits with a mod-97 check).");
        }
        String nrn = NationalRegisterNumber.parse(nationalRegisterNumber).value();
        String id = random(16);
        String challenge = "paraaf-login:" + id + ":" + random(16);
        ConsentRequest consent = itsme.requestConsent(nrn, "paraaf: aanmelden / connexion / log in",
                challenge.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "SHA256withECDSA");
        jdbc.sql("""
                insert into citizen_challenges (id, challenge, method, national_number, consent_id, expires_at, used)
                values (?, ?, 'ITSME', ?, ?, ?, false)""")
                .params(id, challenge, nrn, consent.id(), utc(consent.expiresAt())).update();
        return new ItsmeLogin(id, consent.verificationCode(), consent.expiresAt());
    }

    /** Polls an itsme login: empty while the app has not answered; a session once approved. */
    public Optional<Session> itsmeResult(String loginId) {
        var row = jdbc.sql("select national_number, consent_id, challenge, used from citizen_challenges "
                + "where id = ? and method = 'ITSME'").param(loginId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                    String.valueOf(rs.getBoolean(4))}).optional()
                .orElseThrow(() -> new LoginException("login-not-found", 404, "No such itsme login."));
        ConsentOutcome outcome = itsme.outcome(row[1]);
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
        return Optional.of(open(row[0], "ITSME"));
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

    /** The session of a token; 401 (problem {@code unauthenticated}) when there is none. */
    public CitizenSession require(String token) {
        return session(token).orElseThrow(() -> new LoginException("unauthenticated", 401, "Log in with the eID or "
                + "itsme first (POST /api/citizen/login/…) and send the session in the " + SESSION_HEADER + " header."));
    }

    /** Ends a session (log out); an unknown token is ignored. */
    public void logout(String token) {
        if (token != null && !token.isBlank()) {
            jdbc.sql("delete from citizen_sessions where token_sha256 = ?").param(sha256(token)).update();
        }
    }

    private Session open(String nrn, String method) {
        String token = random(32);
        Instant expires = clock.instant().plus(SESSION_LIFETIME);
        jdbc.sql("insert into citizen_sessions (token_sha256, national_number, method, expires_at) values (?, ?, ?, ?)")
                .params(sha256(token), nrn, method, utc(expires)).update();
        return new Session(token, nrn, method, expires);
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
        return new LoginException("citizen-login-refused", 401, detail);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A login that cannot go on. */
    static final class LoginException extends ParaafException {

        LoginException(String problemType, int status, String detail) {
            super(problemType, status, detail, Map.of(), null);
        }
    }
}
