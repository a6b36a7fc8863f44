-- the archive keeps the document verdict (VALID, VALID_WITH_ALLOWED_CHANGES, CHANGED_AFTER_SIGNING, …)
alter table archive_entries alter column verdict set data type varchar(32);
