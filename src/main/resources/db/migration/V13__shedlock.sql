-- ShedLock's lock table (be.paraaf.persistence.JobLocks): one row per job name; a node runs the job only while it
-- holds the row (lock_until in the future, database time), so jobs run once across nodes. Portable H2/PostgreSQL.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);
