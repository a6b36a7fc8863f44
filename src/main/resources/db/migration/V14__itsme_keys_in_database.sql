-- itsme remote keys shared by several nodes without a shared data directory (paraaf.itsme.pkcs12-in-database):
-- one PKCS#12 per key, protected by a password derived from the server secret, as the key files are.
create table itsme_remote_keys (
    alias       varchar(64)  primary key,
    pkcs12      bytea        not null,
    created_at  timestamp with time zone not null
);

-- the server secret generated once for all nodes when none is configured (paraaf.itsme.server-secret)
create table itsme_server_secret (
    id          integer      primary key,
    secret      varchar(100) not null
);
