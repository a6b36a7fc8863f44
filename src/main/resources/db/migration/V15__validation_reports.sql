-- Validation reports shared by every node (be.paraaf.validation.ValidationReportsInDatabase, used with
-- paraaf.validation.reports.store=database, the postgres profile). Portable between H2 2.x and PostgreSQL.
-- A read is one primary-key lookup that checks expires_at; expired reports and, over the caps, the oldest are
-- deleted by the expiry index. validation_report_usage is one row counting the reports and their bytes, so the
-- caps are checked without counting the table; every change to the reports updates it in the same transaction.
create table validation_reports (
    id         varchar(32) primary key,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    bytes      bigint      not null
);
create index validation_reports_expiry on validation_reports (expires_at);
create table validation_report_files (
    report_id varchar(32) not null references validation_reports (id),
    name      varchar(64) not null,
    content   bytea       not null,
    primary key (report_id, name)
);
create table validation_report_usage (
    id           integer primary key,
    report_count bigint  not null,
    total_bytes  bigint  not null
);
insert into validation_report_usage (id, report_count, total_bytes) values (1, 0, 0);
