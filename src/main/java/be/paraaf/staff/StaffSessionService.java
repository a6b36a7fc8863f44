package be.paraaf.staff;

import be.paraaf.access.ApiClient;
import be.paraaf.citizen.CitizenLogin;
import be.paraaf.citizen.CitizenSession;
import be.paraaf.system.Digests;
import be.paraaf.system.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Staff sessions. A member proves who they are exactly as a citizen does — eID (the card's Authentication key,
 * through the local agent) or itsme — and trades that fresh citizen session, once, for a staff session in one
 * organisation they belong to. The staff session is a new random token (256 bits, stored as SHA-256) minted at
 * login, never one the browser brought, so a planted cookie cannot become someone's session (session fixation).
 * It ends after {@code idle-timeout} without use, {@code max-lifetime} after login, at logout, or when the member
 * is removed. Rows in the database, so every node serves every session.
 *
 * <p>The CSRF token is derived from the session token (SHA-256 of a fixed label and the token): the page reads it
 * from {@code GET /api/staff/session} and sends it with every state-changing request; another site can neither
 * read it nor compute it, since the session cookie is HttpOnly and SameSite.
 */
@Service
public class StaffSessionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A busy session's last use is written at most this often, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final CitizenLogin citizenLogin;
    private final MembershipService memberships;
    private final StaffProperties properties;
    private final Clock clock;

    StaffSessionService(JdbcClient jdbc, CitizenLogin citizenLogin, MembershipService memberships, StaffProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.citizenLogin = citizenLogin;
        this.memberships = memberships;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new staff session: the cookie token (shown once), who it is for, and its CSRF token. */
    public record Opened(String token, StaffMember member, String csrfToken, Instant expiresAt) {
    }

    /**
     * Trades a citizen session (eID or itsme login) for a staff session in {@code organisation} (may be null when the
     * person belongs to exactly one). The citizen session ends here: it was made for this and is not needed again.
     */
    public Opened open(String citizenSessionToken, String organisation) {
        CitizenSession citizen = citizenLogin.require(citizenSessionToken);
        citizenLogin.logout(citizenSessionToken);
        List<MembershipService.Membership> all = memberships.of(citizen.nationalRegisterNumber());
        if (all.isEmpty()) {
            throw new StaffException(ProblemType.NOT_A_STAFF_MEMBER, "You are logged in, but you do not belong to "
                    + "any organisation on paraaf. An admin of your organisation can add you.");
        }
        MembershipService.Membership chosen;
        if (organisation == null || organisation.isBlank()) {
            if (all.size() > 1) {
                throw new StaffException(ProblemType.BAD_REQUEST, "You belong to several organisations: say which "
                        + "one in 'organisation'.", Map.of("organisations",
                        all.stream().map(m -> m.organisation().id()).toList()));
            }
            chosen = all.get(0);
        } else {
            chosen = all.stream().filter(m -> m.organisation().id().equals(organisation.strip())).findFirst()
                    .orElseThrow(() -> new StaffException(ProblemType.NOT_A_STAFF_MEMBER,
                            "You do not belong to organisation " + organisation.strip() + "."));
        }
        String token = random();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.maxLifetime());
        jdbc.sql("""
                insert into staff_sessions (token_sha256, client_id, national_number, method, created_at,
                    last_seen_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Digests.sha256Hex(token), chosen.organisation().id(), citizen.nationalRegisterNumber(),
                        citizen.method(), utc(now), utc(now), utc(expires)).update();
        StaffMember member = new StaffMember(chosen.organisation(), citizen.nationalRegisterNumber(), chosen.role(),
                citizen.method());
        return new Opened(token, member, csrfToken(token), expires);
    }

    /**
     * The member of a live session: known, not idle longer than the idle timeout, not past its lifetime, and still
     * a member (with the role they have now).
     */
    public Optional<StaffMember> find(String token) {
        return find(token, true);
    }

    /**
     * As {@link #find(String)}; {@code touch} false for a page's own background refresh, which must not keep an
     * unattended session alive past its idle timeout.
     */
    public Optional<StaffMember> find(String token, boolean touch) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Digests.sha256Hex(token);
        Instant now = clock.instant();
        record Row(ApiClient organisation, String number, String role, String method, Instant lastSeen) {
        }
        Optional<Row> row = jdbc.sql("""
                select c.id, c.name, c.demo, s.national_number, m.role, s.method, s.last_seen_at
                from staff_sessions s
                join organisation_members m on m.client_id = s.client_id and m.national_number = s.national_number
                join api_clients c on c.id = s.client_id
                where s.token_sha256 = ? and s.expires_at > ? and s.last_seen_at > ? and c.disabled_at is null""")
                .params(hash, utc(now), utc(now.minus(properties.idleTimeout())))
                .query((rs, n) -> new Row(new ApiClient(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).optional();
        row.filter(found -> touch && found.lastSeen().plus(TOUCH_EVERY).isBefore(now)).ifPresent(found -> jdbc
                .sql("update staff_sessions set last_seen_at = ? where token_sha256 = ?").params(utc(now), hash)
                .update());
        return row.map(found -> new StaffMember(found.organisation(), found.number(), StaffRole.valueOf(found.role()),
                found.method()));
    }

    /** Ends a session (logout); an unknown token is ignored. */
    public void close(String token) {
        if (token != null && !token.isBlank()) {
            jdbc.sql("delete from staff_sessions where token_sha256 = ?").param(Digests.sha256Hex(token)).update();
        }
    }

    /** The CSRF token belonging to a session token. */
    public static String csrfToken(String sessionToken) {
        return Digests.sha256Hex("paraaf-staff-csrf:" + sessionToken);
    }

    /** Whether {@code presented} is the CSRF token of this session (compared in constant time). */
    public static boolean csrfMatches(String sessionToken, String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken(sessionToken).getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    public Duration idleTimeout() {
        return properties.idleTimeout();
    }

    public boolean secureCookie() {
        return properties.secureCookie();
    }

    /** Deletes sessions past their lifetime or idle timeout; how many. */
    @Scheduled(fixedDelayString = "${paraaf.citizen.purge-interval:10m}",
            initialDelayString = "${paraaf.citizen.purge-interval:10m}")
    public int purgeExpired() {
        Instant now = clock.instant();
        return jdbc.sql("delete from staff_sessions where expires_at < ? or last_seen_at < ?")
                .params(utc(now), utc(now.minus(properties.idleTimeout()))).update();
    }

    private static String random() {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
