-- One row per signing request handed to the archive (be.paraaf.request.RequestArchiving). Inserted in the
-- transaction that inserts the archive entry, so a request is archived at most once however often the hand-off
-- runs (at-least-once delivery, resubmission after a crash, two nodes at once): the primary key refuses a second.
create table request_archivings (
    request_id       varchar(36) primary key references signing_requests (id),
    archive_entry_id varchar(36),
    archived_at      timestamp with time zone not null
);
