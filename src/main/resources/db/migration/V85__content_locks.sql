-- One row per blob of the document store that pending two-step signatures (and whoever else adopts it) guard: a
-- writer of a reference (while inserting it; it puts the blob after) and a deleter of the blob (from its check that
-- nothing refers to the blob to its delete) both take it with select ... for update, on any node.
create table content_locks (
    sha256 varchar(64) primary key
);
