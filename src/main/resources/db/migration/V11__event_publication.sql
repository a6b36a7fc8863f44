-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.1), written
-- portably for H2 2.x and PostgreSQL so Flyway owns it (spring.modulith.events.jdbc.schema-initialization stays
-- off). A publication row is written in the transaction that publishes the event (e.g. RequestCompleted) and
-- completed when its listener returned; incomplete ones are resubmitted (at restart and by
-- be.paraaf.request.HandOffResubmission). Modulith's own PostgreSQL script uses text and a hash index: varchar
-- keeps the file valid on H2, and the events paraaf publishes are a few dozen bytes.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_listener_and_event on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date on event_publication (completion_date);
