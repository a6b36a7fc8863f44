package be.paraaf.consent.itsme;

import static be.paraaf.consent.itsme.SignatureActivation.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The {@code itsme_*} tables (V3__itsme.sql). State changes are conditional updates, safe across nodes. */
@Repository
class ItsmeRepository {

    record Account(String id, String nationalRegisterNumber, String phone, String codeHash, AccountState state,
            int wrongCodes, String keyAlias, String publicKey, String certificateChain) {
    }

    record Device(String id, String accountId, String publicKey) {
    }

    record Consent(String id, String accountId, String documentTitle, byte[] dataToSign, String dataSha256,
            String signatureAlgorithm, String verificationCode, ConsentOutcome.Status state, Instant expiresAt,
            byte[] signatureValue) {

        PendingConsent view() {
            return new PendingConsent(id, documentTitle, dataSha256, verificationCode, expiresAt);
        }
    }

    private static final String ACCOUNT_COLUMNS = "id, national_register_number, phone, code_hash, state, "
            + "wrong_codes, key_alias, public_key, certificate_chain";
    private static final String CONSENT_COLUMNS = "id, account_id, document_title, data_to_sign, data_sha256, "
            + "signature_algorithm, verification_code, state, expires_at, signature_value";

    /** Transient state of a consent whose approval is being signed (not a public outcome). */
    private static final String SIGNING = "SIGNING";

    private final JdbcClient jdbc;

    ItsmeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ accounts and devices

    void insertAccount(Account account, Instant now) {
        jdbc.sql("insert into itsme_accounts (id, national_register_number, phone, code_hash, state, wrong_codes, "
                        + "key_alias, public_key, created_at) values (?, ?, ?, ?, ?, 0, ?, ?, ?)")
                .params(account.id(), account.nationalRegisterNumber(), account.phone(), account.codeHash(),
                        account.state().name(), account.keyAlias(), account.publicKey(), utc(now))
                .update();
    }

    void insertDevice(Device device, Instant now) {
        jdbc.sql("insert into itsme_devices (id, account_id, public_key, created_at) values (?, ?, ?, ?)")
                .params(device.id(), device.accountId(), device.publicKey(), utc(now)).update();
    }

    Optional<Account> account(String id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from itsme_accounts where id = ?").param(id)
                .query(ItsmeRepository::account).optional();
    }

    /** The active or locked account of this person, if any (at most one: unique active_nrn). */
    Optional<Account> usableAccount(String nationalRegisterNumber) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from itsme_accounts where active_nrn = ?")
                .param(nationalRegisterNumber).query(ItsmeRepository::account).optional();
    }

    boolean anyAccount(String nationalRegisterNumber) {
        return jdbc.sql("select count(*) from itsme_accounts where national_register_number = ?")
                .param(nationalRegisterNumber).query(Long.class).single() > 0;
    }

    Optional<Device> device(String id) {
        return jdbc.sql("select id, account_id, public_key from itsme_devices where id = ?").param(id)
                .query((rs, row) -> new Device(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Accounts still waiting for their eID confirmation that were enrolled before {@code before}, oldest first. */
    List<Account> unconfirmedBefore(Instant before, int limit) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from itsme_accounts where state = ? and created_at < ? "
                        + "order by created_at fetch first " + limit + " rows only")
                .params(AccountState.PENDING_EID_CONFIRMATION.name(), utc(before)).query(ItsmeRepository::account)
                .list();
    }

    /**
     * Deletes an account that is still waiting for its eID confirmation, with its devices and what they left; false
     * (and nothing deleted) if it was confirmed meanwhile.
     */
    @Transactional
    public boolean deleteUnconfirmed(String accountId) {
        jdbc.sql("delete from itsme_nonces where device_id in (select id from itsme_devices where account_id = ?)")
                .param(accountId).update();
        jdbc.sql("delete from itsme_sads where account_id = ?").param(accountId).update();
        jdbc.sql("delete from itsme_consents where account_id = ?").param(accountId).update();
        jdbc.sql("delete from itsme_devices where account_id = ?").param(accountId).update();
        if (jdbc.sql("delete from itsme_accounts where id = ? and state = ?")
                .params(accountId, AccountState.PENDING_EID_CONFIRMATION.name()).update() == 1) {
            return true;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly(); // confirmed meanwhile: keep it all
        }
        return false;
    }

    /** PENDING → ACTIVE with the chain; false if another account of the person is already usable. */
    boolean activate(String accountId, String nationalRegisterNumber, String chainPem, String contractSha256,
            Instant now) {
        try {
            return jdbc.sql("update itsme_accounts set state = ?, active_nrn = ?, certificate_chain = ?, "
                            + "eid_contract_sha256 = ?, activated_at = ? where id = ? and state = ?")
                    .params(AccountState.ACTIVE.name(), nationalRegisterNumber, chainPem, contractSha256, utc(now),
                            accountId, AccountState.PENDING_EID_CONFIRMATION.name())
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Adds one wrong code; locks at {@code max}. Returns the count after this attempt. */
    int wrongCode(String accountId, int max, Instant now) {
        jdbc.sql("update itsme_accounts set wrong_codes = wrong_codes + 1 where id = ?").param(accountId).update();
        jdbc.sql("update itsme_accounts set state = ?, locked_at = ? where id = ? and state = ? and wrong_codes >= ?")
                .params(AccountState.LOCKED.name(), utc(now), accountId, AccountState.ACTIVE.name(), max).update();
        return jdbc.sql("select wrong_codes from itsme_accounts where id = ?").param(accountId).query(Integer.class)
                .single();
    }

    void resetWrongCodes(String accountId) {
        jdbc.sql("update itsme_accounts set wrong_codes = 0 where id = ?").param(accountId).update();
    }

    boolean unlock(String accountId) {
        return jdbc.sql("update itsme_accounts set state = ?, wrong_codes = 0, locked_at = null "
                        + "where id = ? and state = ?")
                .params(AccountState.ACTIVE.name(), accountId, AccountState.LOCKED.name()).update() == 1;
    }

    // ------------------------------------------------------------------ consents

    void insertConsent(Consent consent, Instant now) {
        jdbc.sql("insert into itsme_consents (" + CONSENT_COLUMNS + ", created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)")
                .params(consent.id(), consent.accountId(), consent.documentTitle(), consent.dataToSign(),
                        consent.dataSha256(), consent.signatureAlgorithm(), consent.verificationCode(),
                        consent.state().name(), utc(consent.expiresAt()), utc(now))
                .update();
    }

    Optional<Consent> consent(String id) {
        return jdbc.sql("select " + CONSENT_COLUMNS + " from itsme_consents where id = ?").param(id)
                .query(ItsmeRepository::consent).optional();
    }

    List<Consent> pendingConsents(String accountId, Instant now) {
        return jdbc.sql("select " + CONSENT_COLUMNS + " from itsme_consents where account_id = ? and state = ? "
                        + "and expires_at > ? order by created_at")
                .params(accountId, ConsentOutcome.Status.PENDING.name(), utc(now))
                .query(ItsmeRepository::consent).list();
    }

    /** PENDING → {@code to}; false if it was no longer pending (decided by a concurrent call). */
    boolean decide(String consentId, ConsentOutcome.Status to, byte[] signatureValue, Instant now) {
        return jdbc.sql("update itsme_consents set state = ?, signature_value = ?, decided_at = ? "
                        + "where id = ? and state = ?")
                .params(to.name(), signatureValue, utc(now), consentId, ConsentOutcome.Status.PENDING.name())
                .update() == 1;
    }

    /**
     * PENDING → SIGNING: the one approval that may make the remote key sign for this consent; false if
     * another answer got there first. SIGNING reads as PENDING to everyone else.
     */
    boolean claimForSigning(String consentId) {
        return jdbc.sql("update itsme_consents set state = ? where id = ? and state = ?")
                .params(SIGNING, consentId, ConsentOutcome.Status.PENDING.name()).update() == 1;
    }

    /** SIGNING → APPROVED with the signature value, or back to PENDING (signature null) if signing failed. */
    void finishSigning(String consentId, byte[] signatureValue, Instant now) {
        if (signatureValue == null) {
            jdbc.sql("update itsme_consents set state = ? where id = ? and state = ?")
                    .params(ConsentOutcome.Status.PENDING.name(), consentId, SIGNING).update();
        } else {
            jdbc.sql("update itsme_consents set state = ?, signature_value = ?, decided_at = ? where id = ? and state = ?")
                    .params(ConsentOutcome.Status.APPROVED.name(), signatureValue, utc(now), consentId, SIGNING)
                    .update();
        }
    }

    /** Records a device nonce; false if the device has used it before (a replay). */
    boolean useNonce(String deviceId, String nonce, String consentId, Instant now) {
        try {
            jdbc.sql("insert into itsme_nonces (device_id, nonce, consent_id, used_at) values (?, ?, ?, ?)")
                    .params(deviceId, nonce, consentId, utc(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                AccountState.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getString(9));
    }

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        return new Consent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getString(5),
                rs.getString(6), rs.getString(7),
                SIGNING.equals(rs.getString(8)) ? ConsentOutcome.Status.PENDING : ConsentOutcome.Status.valueOf(rs.getString(8)),
                rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getBytes(10));
    }
}
