-- Signing requests, their signers, the signers' pending signatures, webhooks and the audit trail.
-- Portable between H2 2.x and PostgreSQL: no vendor-specific types or functions.

-- A request: one of the agency's documents, its signers and its policy. row_version guards every
-- state change (optimistic locking), so two nodes never both advance the same request.
create table signing_requests (
    id              varchar(36)   primary key,
    owner_client_id varchar(64)   not null references api_clients (id),
    document_id     varchar(36)   not null references documents (id),
    title           varchar(200)  not null,
    signature_level varchar(8)    not null,
    state           varchar(16)   not null,
    current_step    integer       not null,
    callback_url    varchar(2000),
    expires_at      timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    row_version     integer       not null
);
create index signing_requests_owner on signing_requests (owner_client_id, state);
create index signing_requests_due on signing_requests (state, expires_at);

-- A signer. The personal link token is never stored: only the hex SHA-256 of it (256 random bits).
create table request_signers (
    request_id       varchar(36)  not null references signing_requests (id),
    position         integer      not null,
    role             varchar(64)  not null,
    name             varchar(200) not null,
    national_number  varchar(11)  not null,
    phone            varchar(32),
    email            varchar(254),
    consent_methods  varchar(8)   not null,
    field_name       varchar(64)  not null,
    step             integer      not null,
    state            varchar(16)  not null,
    token_sha256     varchar(64)  not null unique,
    invited_at       timestamp with time zone,
    viewed_at        timestamp with time zone,
    acted_at         timestamp with time zone,
    last_reminded_at timestamp with time zone,
    reminder_count   integer      not null default 0,
    decline_reason   varchar(500),
    primary key (request_id, position)
);

-- A signature a signer has started (eID two-step, or a remote consent such as itsme): the signing
-- service's handle, the document version it was prepared on and the certificate it will carry.
create table signer_attempts (
    handle           varchar(100) primary key,
    request_id       varchar(36)  not null,
    position         integer      not null,
    consent_method   varchar(8)   not null,
    document_version integer      not null,
    signer_certificate varchar(8000) not null,
    consent_id       varchar(100) unique,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    foreign key (request_id, position) references request_signers (request_id, position)
);

-- The HMAC key an agency's webhooks are signed with (shared secret: kept, not hashed).
create table webhook_secrets (
    client_id  varchar(64) primary key references api_clients (id),
    secret     varchar(100) not null,
    created_at timestamp with time zone not null
);

-- Outbox: an event is written in the transaction of the state change and delivered later.
create table webhook_events (
    id              varchar(36)   primary key,
    request_id      varchar(36)   not null references signing_requests (id),
    event_type      varchar(40)   not null,
    callback_url    varchar(2000) not null,
    payload         varchar(8000) not null,
    created_at      timestamp with time zone not null,
    status          varchar(12)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone
);
create index webhook_events_due on webhook_events (status, next_attempt_at);
create index webhook_events_request on webhook_events (request_id);

create table webhook_deliveries (
    event_id     varchar(36)  not null references webhook_events (id),
    attempt      integer      not null,
    status_code  integer,
    error        varchar(500),
    attempted_at timestamp with time zone not null,
    primary key (event_id, attempt)
);

-- Hash-chained audit trail, one chain per request. The primary key makes two nodes that append at the
-- same time collide instead of forking the chain; the loser retries on top of the winner.
create table audit_entries (
    request_id      varchar(36)   not null,
    sequence        integer       not null,
    event           varchar(40)   not null,
    actor           varchar(200)  not null,
    document_sha256 varchar(64),
    details         varchar(4000) not null,
    occurred_at     timestamp with time zone not null,
    previous_hash   varchar(64)   not null,
    entry_hash      varchar(64)   not null,
    primary key (request_id, sequence)
);
