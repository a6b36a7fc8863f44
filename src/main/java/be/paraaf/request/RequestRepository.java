package be.paraaf.request;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.signing.SignatureLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signing_requests}, {@code request_signers} and {@code signer_attempts} tables. */
@Repository
class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SigningRequest request, List<String> tokenHashes) {
        jdbc.sql("""
                insert into signing_requests (id, owner_client_id, document_id, title, signature_level, state,
                    current_step, callback_url, expires_at, created_at, updated_at, row_version, unsigned_fields,
                    notification_email, notification_language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.id(), request.ownerClientId(), request.documentId(), request.title(),
                        request.level().name(), request.state().name(), request.currentStep(), request.callbackUrl(),
                        utc(request.expiresAt()), utc(request.createdAt()), utc(request.updatedAt()),
                        request.rowVersion(), String.join(",", request.unsignedFields()),
                        request.notificationEmail(), request.notificationLanguage())
                .update();
        for (Signer signer : request.signers()) {
            jdbc.sql("""
                    insert into request_signers (request_id, position, role, name, national_number, phone, email,
                        consent_methods, field_name, step, state, token_sha256, language)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(request.id(), signer.position(), signer.role(), signer.name(), signer.number().value(),
                            signer.phone(), signer.email(), signer.methods().name(), signer.fieldName(),
                            signer.step(), signer.state().name(), tokenHashes.get(signer.position() - 1),
                            signer.language())
                    .update();
        }
    }

    Optional<SigningRequest> find(String id) {
        return jdbc.sql("select * from signing_requests where id = ?").param(id).query(this::request).optional();
    }

    Optional<SigningRequest> find(String id, String ownerClientId) {
        return jdbc.sql("select * from signing_requests where id = ? and owner_client_id = ?")
                .params(id, ownerClientId).query(this::request).optional();
    }

    /**
     * The request id and signer position a link token's hash belongs to: the link the agency sent, or a link
     * issued to the logged-in citizen that has not expired at {@code now}.
     */
    Optional<SignerRef> findByTokenHash(String tokenSha256, Instant now) {
        Optional<SignerRef> sent = jdbc.sql("select request_id, position from request_signers where token_sha256 = ?")
                .param(tokenSha256).query(RequestRepository::signerRef).optional();
        return sent.isPresent() ? sent : jdbc.sql("select request_id, position from citizen_signing_links "
                        + "where token_sha256 = ? and expires_at > ?")
                .params(tokenSha256, utc(now)).query(RequestRepository::signerRef).optional();
    }

    /** Stores a link for a logged-in citizen (by the token's hash), valid until {@code expiresAt}. */
    void insertCitizenLink(String tokenSha256, SignerRef signer, Instant now, Instant expiresAt) {
        jdbc.sql("insert into citizen_signing_links (token_sha256, request_id, position, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(tokenSha256, signer.requestId(), signer.position(), utc(now), utc(expiresAt)).update();
    }

    /** Deletes citizens' links that expired before {@code now}; how many. */
    int purgeCitizenLinks(Instant now) {
        return jdbc.sql("delete from citizen_signing_links where expires_at < ?").param(utc(now)).update();
    }

    private static SignerRef signerRef(ResultSet rs, int row) throws SQLException {
        return new SignerRef(rs.getString("request_id"), rs.getInt("position"));
    }

    record SignerRef(String requestId, int position) {
    }

    List<SigningRequest> list(String ownerClientId, RequestState state, int page, int size) {
        String sql = "select * from signing_requests where owner_client_id = ?"
                + (state == null ? "" : " and state = ?") + " order by created_at desc, id offset ? rows fetch next ? rows only";
        var statement = jdbc.sql(sql).param(ownerClientId);
        if (state != null) {
            statement = statement.param(state.name());
        }
        return statement.param(page * size).param(size).query(this::request).list();
    }

    /** Requests, of any agency, that name this national register number as a signer; newest first. */
    List<SigningRequest> naming(String nationalNumber, int page, int size) {
        return jdbc.sql("""
                select * from signing_requests where id in
                  (select request_id from request_signers where national_number = ?)
                order by created_at desc, id offset ? rows fetch next ? rows only""")
                .params(nationalNumber, page * size, size).query(this::request).list();
    }

    /** Moves the request on if nobody else did since {@code expected} was read; false on a lost race. */
    boolean update(SigningRequest expected, RequestState state, int currentStep, Instant now) {
        return jdbc.sql("""
                update signing_requests set state = ?, current_step = ?, updated_at = ?, row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(state.name(), currentStep, utc(now), expected.id(), expected.rowVersion())
                .update() == 1;
    }

    /** Changes a signer's state if it is still {@code from}; false if it changed meanwhile. */
    boolean updateSigner(Signer signer, SignerState from, SignerState to, Instant now, String declineReason) {
        String timeColumn = switch (to) {
            case INVITED -> "invited_at";
            case VIEWED -> "viewed_at";
            case SIGNED, DECLINED -> "acted_at";
            case WAITING -> throw new IllegalArgumentException("signers never go back to WAITING");
        };
        return jdbc.sql("update request_signers set state = ?, " + timeColumn + " = ?, decline_reason = ? "
                        + "where request_id = ? and position = ? and state = ?")
                .params(to.name(), utc(now), declineReason, signer.requestId(), signer.position(), from.name())
                .update() == 1;
    }

    /** Records a reminder unless another node recorded one since {@code signer} was read. */
    boolean remind(Signer signer, Instant now) {
        return jdbc.sql("""
                update request_signers set last_reminded_at = ?, reminder_count = reminder_count + 1
                where request_id = ? and position = ? and reminder_count = ?""")
                .params(utc(now), signer.requestId(), signer.position(), signer.reminderCount())
                .update() == 1;
    }

    List<String> dueForExpiry(Instant now) {
        return jdbc.sql("select id from signing_requests where state in ('DRAFT', 'IN_PROGRESS') and expires_at <= ?")
                .param(utc(now)).query(String.class).list();
    }

    /** Invited or viewing signers of running requests whose last invitation or reminder is before {@code cutoff}. */
    List<Signer> dueForReminder(Instant cutoff, int maxReminders) {
        return jdbc.sql("""
                select s.* from request_signers s join signing_requests r on r.id = s.request_id
                where r.state = 'IN_PROGRESS' and s.state in ('INVITED', 'VIEWED') and s.reminder_count < ?
                and coalesce(s.last_reminded_at, s.invited_at) <= ?""")
                .params(maxReminders, utc(cutoff)).query(RequestRepository::signer).list();
    }

    void insertAttempt(SignerAttempt attempt) {
        jdbc.sql("""
                insert into signer_attempts (handle, request_id, position, consent_method, document_version,
                    signer_certificate, consent_id, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(attempt.handle(), attempt.requestId(), attempt.position(), attempt.method().name(),
                        attempt.documentVersion(), attempt.signerCertificate(), attempt.consentId(),
                        utc(attempt.createdAt()), utc(attempt.expiresAt()))
                .update();
    }

    Optional<SignerAttempt> attempt(String handle) {
        return jdbc.sql("select * from signer_attempts where handle = ?").param(handle)
                .query(RequestRepository::attempt).optional();
    }

    Optional<SignerAttempt> attemptByConsent(String consentId) {
        return jdbc.sql("select * from signer_attempts where consent_id = ?").param(consentId)
                .query(RequestRepository::attempt).optional();
    }

    /** The attempt that became the signer's signature, if they signed. */
    Optional<SignerAttempt> finishedAttempt(String requestId, int position) {
        return jdbc.sql("select * from signer_attempts where request_id = ? and position = ? and finished_at is not null "
                        + "order by finished_at desc").params(requestId, position)
                .query(RequestRepository::attempt).list().stream().findFirst();
    }

    /** Marks an attempt used; false if it already was (a replayed completion). */
    boolean finishAttempt(String handle, Instant now) {
        return jdbc.sql("update signer_attempts set finished_at = ? where handle = ? and finished_at is null")
                .params(utc(now), handle).update() == 1;
    }

    private SigningRequest request(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<Signer> signers = jdbc.sql("select * from request_signers where request_id = ? order by position")
                .param(id).query(RequestRepository::signer).list();
        return new SigningRequest(id, rs.getString("owner_client_id"), rs.getString("document_id"),
                rs.getString("title"), SignatureLevel.valueOf(rs.getString("signature_level")),
                RequestState.valueOf(rs.getString("state")), rs.getInt("current_step"), rs.getString("callback_url"),
                instant(rs, "expires_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getInt("row_version"), signers, rs.getString("unsigned_fields").isEmpty() ? List.of()
                        : List.of(rs.getString("unsigned_fields").split(",")), rs.getString("notification_email"),
                rs.getString("notification_language"));
    }

    private static Signer signer(ResultSet rs, int row) throws SQLException {
        return new Signer(rs.getString("request_id"), rs.getInt("position"), rs.getString("role"), rs.getString("name"),
                NationalRegisterNumber.parse(rs.getString("national_number")), rs.getString("phone"),
                rs.getString("email"), ConsentMethods.valueOf(rs.getString("consent_methods")),
                rs.getString("field_name"), rs.getInt("step"), SignerState.valueOf(rs.getString("state")),
                instant(rs, "invited_at"), instant(rs, "viewed_at"), instant(rs, "acted_at"),
                instant(rs, "last_reminded_at"), rs.getInt("reminder_count"), rs.getString("decline_reason"),
                rs.getString("language"));
    }

    private static SignerAttempt attempt(ResultSet rs, int row) throws SQLException {
        return new SignerAttempt(rs.getString("handle"), rs.getString("request_id"), rs.getInt("position"),
                ConsentMethods.valueOf(rs.getString("consent_method")), rs.getInt("document_version"),
                rs.getString("signer_certificate"), rs.getString("consent_id"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "finished_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
