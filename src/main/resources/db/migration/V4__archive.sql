-- Archive (be.paraaf.archive). Portable between H2 2.x and PostgreSQL, like V1.
-- Blobs live in the content-addressed document store (files or document_blobs); these tables hold only
-- metadata and SHA-256 addresses. An entry is written in one transaction after all its blobs are durable,
-- so a crash leaves a complete entry or none (at worst an unreferenced blob).

create table archive_entries (
    id                      varchar(36)  primary key,
    owner_client_id         varchar(64)  not null references api_clients (id),
    document_type           varchar(64)  not null,
    request_id              varchar(100),
    archived_at             timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    retain_until            timestamp with time zone not null,
    legal_hold              boolean      not null default false,
    -- verdict of the signed PDF when it was archived (VALID, INDETERMINATE, INVALID)
    verdict                 varchar(20)  not null,
    -- earliest end of validity of the TSA certificates behind the newest archive time-stamps (PDF and sealed
    -- evidence); preservation renews entries whose date comes within its horizon
    timestamps_valid_until  timestamp with time zone,
    timestamp_digest        varchar(20),
    renewals                integer      not null default 0,
    last_renewed_at         timestamp with time zone
);
create index archive_entries_owner on archive_entries (owner_client_id, archived_at);
create index archive_entries_type on archive_entries (document_type, archived_at);
create index archive_entries_renewal on archive_entries (timestamps_valid_until);
create index archive_entries_retention on archive_entries (retain_until);

create table archive_parties (
    entry_id        varchar(36)  not null references archive_entries (id),
    seq             integer      not null,
    name            varchar(200) not null,
    national_number varchar(11),
    role            varchar(64)  not null,
    primary key (entry_id, seq)
);
create index archive_parties_national_number on archive_parties (national_number);

-- Every part of an entry, versioned: renewal adds a new version of document.pdf and evidence.xml and
-- never overwrites; the highest version is the current one.
create table archive_parts (
    entry_id   varchar(36)  not null references archive_entries (id),
    name       varchar(64)  not null,
    version    integer      not null,
    media_type varchar(100) not null,
    sha256     varchar(64)  not null,
    size_bytes bigint       not null,
    created_at timestamp with time zone not null,
    primary key (entry_id, name, version)
);
create index archive_parts_sha256 on archive_parts (sha256);

-- What remains of an entry deleted at the end of its retention period: no names, no national numbers,
-- only the id, dates and the hashes of its parts (one "name v<version> <sha256>" per line).
create table archive_tombstones (
    id               varchar(36)  primary key,
    owner_client_id  varchar(64)  not null,
    document_type    varchar(64)  not null,
    archived_at      timestamp with time zone not null,
    retain_until     timestamp with time zone not null,
    deleted_at       timestamp with time zone not null,
    part_hashes      varchar(8000) not null,
    -- set once the unreferenced blobs are gone; a crash before leaves it null and the next run finishes
    blobs_purged_at  timestamp with time zone
);

-- Deletion records: who or what deleted which entry, when and why.
create table archive_deletions (
    entry_id      varchar(36)  not null,
    deleted_at    timestamp with time zone not null,
    reason        varchar(200) not null,
    blobs_deleted integer,
    primary key (entry_id)
);
