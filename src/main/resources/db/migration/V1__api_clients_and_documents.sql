-- Portable between H2 2.x (embedded default) and PostgreSQL: no vendor-specific types or functions.

-- API clients (housing agencies, integrators). The key itself is never stored: only the hex SHA-256
-- of it. Keys are 256-bit random values, so an unsalted fast hash is enough (no dictionary to attack).
create table api_clients (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    key_sha256  varchar(64)  not null unique,
    demo        boolean      not null default false,
    created_at  timestamp with time zone not null,
    disabled_at timestamp with time zone
);

-- A document belongs to exactly one client. content_sha256 names the current version's bytes in the
-- document store; every earlier version stays listed in document_versions.
create table documents (
    id              varchar(36)  primary key,
    owner_client_id varchar(64)  not null references api_clients (id),
    name            varchar(255) not null,
    source          varchar(200) not null,
    content_sha256  varchar(64)  not null,
    size_bytes      bigint       not null,
    page_count      integer      not null,
    version         integer      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index documents_owner on documents (owner_client_id);

create table document_versions (
    document_id    varchar(36) not null references documents (id),
    version        integer     not null,
    content_sha256 varchar(64) not null,
    size_bytes     bigint      not null,
    reason         varchar(200) not null,
    created_at     timestamp with time zone not null,
    primary key (document_id, version)
);

-- Content-addressed blobs, used only by the jdbc document store (paraaf.documents.store=jdbc).
create table document_blobs (
    sha256     varchar(64) primary key,
    size_bytes bigint      not null,
    content    bytea       not null,
    created_at timestamp with time zone not null
);
