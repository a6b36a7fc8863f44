-- The evidence package (ASiC-E) of an entry, made on its first download and kept: its XAdES seal is a signature
-- and two TSA/OCSP round trips, not worth repeating per download. It is valid for one state of the entry's
-- evidence record (record_sha256): a renewal deletes it, and a download that finds another record rebuilds it.
-- Deleted with the entry at the end of retention (it holds the document).
create table archive_evidence_packages (
    entry_id      varchar(36)  primary key,
    record_sha256 varchar(64)  not null,
    content       bytea        not null,
    created_at    timestamp with time zone not null
);
