-- Agency staff (#13): an organisation is an API client (api_clients); its members are people, by national
-- register number, with a role. A member logs in with the eID or itsme (the citizen login) and gets a staff
-- session: a random cookie token, stored only as its SHA-256, so any node can serve it. The role is read from
-- organisation_members on every request, so removing a member ends their sessions at once.
-- Portable between H2 2.x and PostgreSQL.
create table organisation_members (
    client_id       varchar(64)  not null references api_clients (id),
    national_number varchar(11)  not null,
    role            varchar(8)   not null,
    added_at        timestamp with time zone not null,
    added_by        varchar(200) not null,
    primary key (client_id, national_number)
);
create index organisation_members_person on organisation_members (national_number);

create table staff_sessions (
    token_sha256    varchar(64)  primary key,
    client_id       varchar(64)  not null references api_clients (id),
    national_number varchar(11)  not null,
    method          varchar(8)   not null,
    created_at      timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index staff_sessions_expiry on staff_sessions (expires_at);
