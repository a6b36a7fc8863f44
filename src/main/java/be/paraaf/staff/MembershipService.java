package be.paraaf.staff;

import be.paraaf.access.ApiClient;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.system.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to which organisation, with which role ({@code organisation_members}). An admin adds, re-roles and
 * removes members of their own organisation; an organisation always keeps at least one admin.
 */
@Service
public class MembershipService {

    private final JdbcClient jdbc;
    private final Clock clock;

    MembershipService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One member as the organisation's admins see it. */
    public record Member(String nationalRegisterNumber, StaffRole role, Instant addedAt, String addedBy) {
    }

    /** An organisation this person belongs to, with their role there. */
    public record Membership(ApiClient organisation, StaffRole role) {
    }

    /** The organisations the person belongs to (enabled API clients only), by organisation id. */
    public List<Membership> of(String nationalRegisterNumber) {
        return jdbc.sql("""
                select c.id, c.name, c.demo, m.role from organisation_members m join api_clients c on c.id = m.client_id
                where m.national_number = ? and c.disabled_at is null order by c.id""")
                .param(nationalRegisterNumber)
                .query((rs, n) -> new Membership(new ApiClient(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                        StaffRole.valueOf(rs.getString(4)))).list();
    }

    public List<Member> list(String clientId) {
        return jdbc.sql("select * from organisation_members where client_id = ? order by role, national_number")
                .param(clientId).query(MembershipService::member).list();
    }

    /** Adds a member or changes their role; refuses to take the last admin's role away. */
    @Transactional
    public Member put(StaffMember by, String nationalRegisterNumber, String role) {
        requireAdmin(by);
        String number = number(nationalRegisterNumber);
        StaffRole newRole = StaffRole.parse(role);
        String clientId = by.organisation().id();
        Optional<Member> existing = find(clientId, number);
        if (existing.isPresent()) {
            if (existing.get().role() == StaffRole.ADMIN && newRole != StaffRole.ADMIN) {
                requireAnotherAdmin(clientId, number);
            }
            jdbc.sql("update organisation_members set role = ? where client_id = ? and national_number = ?")
                    .params(newRole.name(), clientId, number).update();
        } else {
            insert(clientId, number, newRole, by.actor().value());
        }
        return find(clientId, number).orElseThrow();
    }

    /** Removes a member (their sessions end with it); never the last admin. */
    @Transactional
    public void remove(StaffMember by, String nationalRegisterNumber) {
        requireAdmin(by);
        String number = number(nationalRegisterNumber);
        String clientId = by.organisation().id();
        Member member = find(clientId, number).orElseThrow(() -> new StaffException(ProblemType.MEMBER_NOT_FOUND,
                "Nobody with that national register number belongs to this organisation."));
        if (member.role() == StaffRole.ADMIN) {
            requireAnotherAdmin(clientId, number);
        }
        jdbc.sql("delete from organisation_members where client_id = ? and national_number = ?")
                .params(clientId, number).update();
        jdbc.sql("delete from staff_sessions where client_id = ? and national_number = ?")
                .params(clientId, number).update();
    }

    /** The operator's step (configuration, demo seed): makes this person an admin unless they already are. */
    public boolean ensureAdmin(String clientId, String nationalRegisterNumber, String by) {
        String number = number(nationalRegisterNumber);
        Optional<Member> existing = find(clientId, number);
        if (existing.isPresent() && existing.get().role() == StaffRole.ADMIN) {
            return false;
        }
        if (existing.isPresent()) {
            jdbc.sql("update organisation_members set role = 'ADMIN' where client_id = ? and national_number = ?")
                    .params(clientId, number).update();
        } else {
            insert(clientId, number, StaffRole.ADMIN, by);
        }
        return true;
    }

    Optional<Member> find(String clientId, String number) {
        return jdbc.sql("select * from organisation_members where client_id = ? and national_number = ?")
                .params(clientId, number).query(MembershipService::member).optional();
    }

    private static void requireAdmin(StaffMember by) {
        if (!by.admin()) {
            throw new StaffException(ProblemType.FORBIDDEN, "Only an admin of the organisation manages its members.");
        }
    }

    private void requireAnotherAdmin(String clientId, String number) {
        long others = jdbc.sql("select count(*) from organisation_members where client_id = ? and role = 'ADMIN' "
                + "and national_number <> ?").params(clientId, number).query(Long.class).single();
        if (others == 0) {
            throw new StaffException(ProblemType.LAST_ADMIN, "This is the organisation's last admin: make someone "
                    + "else admin first, so the organisation is never left without one.");
        }
    }

    private void insert(String clientId, String number, StaffRole role, String by) {
        jdbc.sql("insert into organisation_members (client_id, national_number, role, added_at, added_by) "
                        + "values (?, ?, ?, ?, ?)")
                .params(clientId, number, role.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), by)
                .update();
    }

    private static String number(String text) {
        if (!NationalRegisterNumber.isValid(text)) {
            throw new StaffException(ProblemType.INVALID_NATIONAL_REGISTER_NUMBER,
                    "The national register number is not valid (11 digits with a mod-97 check).",
                    Map.of("field", "nationalRegisterNumber"));
        }
        return NationalRegisterNumber.parse(text).value();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getString("national_number"), StaffRole.valueOf(rs.getString("role")),
                rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getString("added_by"));
    }

    /** All digits but the last 4 hidden. */
    static String masked(String number) {
        return "*".repeat(Math.max(0, number.length() - 4)) + number.substring(Math.max(0, number.length() - 4));
    }
}
