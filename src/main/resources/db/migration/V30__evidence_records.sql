-- RFC 4998 evidence records over batches of archive entries. A batch is one archive time-stamp over the Merkle
-- tree of its entries; its token and its time-stamp renewals are stored once, here, and only the reduced hash
-- tree is stored per entry. An entry's record is its leaves (one per archive time-stamp chain, oldest first)
-- each completed by its batch's token and renewals.
create table archive_evidence_batches (
    id               varchar(36)  primary key,
    digest_algorithm varchar(16)  not null,
    entries          integer      not null,
    created_at       timestamp with time zone not null,
    timestamp_token  bytea        not null,
    valid_until      timestamp with time zone not null,
    renew_after      timestamp with time zone not null,
    renewals         integer      not null default 0,
    superseded_at    timestamp with time zone
);
create index archive_evidence_batches_due on archive_evidence_batches (renew_after);

create table archive_evidence_renewals (
    batch_id          varchar(36)  not null references archive_evidence_batches (id),
    seq               integer      not null,
    archive_timestamp bytea        not null,
    created_at        timestamp with time zone not null,
    primary key (batch_id, seq)
);

-- batch_id null: waiting for the next batch (the entry's parts are already durable and B-LTA time-stamped)
create table archive_evidence_leaves (
    entry_id          varchar(36)  not null,
    chain             integer      not null,
    batch_id          varchar(36)  references archive_evidence_batches (id),
    reduced_hash_tree bytea,
    primary key (entry_id, chain)
);
-- (batch_id, entry_id): the waiting leaves in id order, and the members of a batch, without a scan
create index archive_evidence_leaves_batch on archive_evidence_leaves (batch_id, entry_id);
