-- One row per blob of the document store that pending two-step signatures (and whoever else adopts it) guard: a
-- writer of a reference and a deleter of the blob both take it with select ... for update, so "check that nothing
-- refers to the blob, delete it" and "insert a reference, put the blob" never interleave, on any node.
create table content_locks (
    sha256 varchar(64) primary key
);
