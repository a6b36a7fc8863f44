-- itsme-style push consent (be.paraaf.consent.itsme). Portable between H2 2.x and PostgreSQL.

-- One account per enrolment. The 5-digit secret code is kept only as a salted PBKDF2 hash. active_nrn
-- holds the national register number only while the account is ACTIVE or LOCKED (NULL while pending),
-- so a unique index allows many pending enrolments but one usable account per person.
create table itsme_accounts (
    id                      varchar(36)   primary key,
    national_register_number varchar(11)  not null,
    active_nrn              varchar(11)   unique,
    phone                   varchar(20)   not null,
    code_hash               varchar(200)  not null,
    state                   varchar(32)   not null,
    wrong_codes             integer       not null default 0,
    key_alias               varchar(64)   not null unique,
    public_key              varchar(1000) not null,
    certificate_chain       varchar(16000),
    eid_contract_sha256     varchar(64),
    created_at              timestamp with time zone not null,
    activated_at            timestamp with time zone,
    locked_at               timestamp with time zone
);
create index itsme_accounts_nrn on itsme_accounts (national_register_number);

-- The app's device key (EC P-256): only the public key (base64 SubjectPublicKeyInfo).
create table itsme_devices (
    id         varchar(36)   primary key,
    account_id varchar(36)   not null references itsme_accounts (id),
    public_key varchar(1000) not null,
    created_at timestamp with time zone not null
);
create index itsme_devices_account on itsme_devices (account_id);

-- One consent request per signature. data_sha256 is what the app approves; the data itself stays here
-- so the remote key signs exactly what was approved.
create table itsme_consents (
    id                  varchar(36)  primary key,
    account_id          varchar(36)  not null references itsme_accounts (id),
    document_title      varchar(200) not null,
    data_to_sign        bytea        not null,
    data_sha256         varchar(64)  not null,
    signature_algorithm varchar(40)  not null,
    verification_code   varchar(8)   not null,
    state               varchar(16)  not null,
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    decided_at          timestamp with time zone,
    signature_value     bytea
);
create index itsme_consents_account on itsme_consents (account_id, state);

-- Every nonce a device has used, approve or reject: a second use is a replay.
create table itsme_nonces (
    device_id  varchar(36) not null references itsme_devices (id),
    nonce      varchar(64) not null,
    consent_id varchar(36) not null,
    used_at    timestamp with time zone not null,
    primary key (device_id, nonce)
);

-- Signature Activation Data (EN 419 241-1 SCAL2): stored only as the SHA-256 of the token, bound to
-- account, key, data hash and expiry (the token carries an HMAC over them), consumed once.
create table itsme_sads (
    sad_sha256  varchar(64) primary key,
    account_id  varchar(36) not null,
    key_alias   varchar(64) not null,
    data_sha256 varchar(64) not null,
    expires_at  timestamp with time zone not null,
    created_at  timestamp with time zone not null,
    consumed_at timestamp with time zone
);
