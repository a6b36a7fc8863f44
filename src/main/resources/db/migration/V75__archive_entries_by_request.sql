-- GET /api/archive?requestId=… (the dashboard's evidence download): the entry of one request without scanning the
-- organisation's entries. Portable between H2 2.x and PostgreSQL, like V4.
create index archive_entries_request on archive_entries (request_id);
