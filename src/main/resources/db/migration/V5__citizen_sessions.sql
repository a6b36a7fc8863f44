-- Citizens authenticated with the eID (challenge signed by the Authentication key) or itsme (push approval):
-- one-time challenges and short sessions, both stored by hash only.
create table citizen_challenges (
    id             varchar(40)   primary key,
    challenge      varchar(100)  not null,
    method         varchar(10)   not null,
    national_number varchar(11),
    consent_id     varchar(100),
    expires_at     timestamp     not null,
    used           boolean       not null
);

create table citizen_sessions (
    token_sha256    varchar(64)  primary key,
    national_number varchar(11)  not null,
    method          varchar(10)  not null,
    expires_at      timestamp    not null
);
