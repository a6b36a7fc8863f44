-- Wonen-in-Vlaanderen actualisations (be.paraaf.actualisation.ActualisationService): a housing company asks a candidate
-- tenant, by national register number, whether they stay on the waiting list. The candidate's answer is a
-- signing request over the confirmation rendered from their choice; request_id points at the latest one.
-- Portable between H2 2.x and PostgreSQL, like V1.
create table actualisations (
    id              varchar(36)  primary key,
    owner_client_id varchar(64)  not null references api_clients (id),
    national_number varchar(11)  not null,
    candidate_name  varchar(200) not null,
    dossier_number  varchar(64)  not null,
    housing_company varchar(200),
    language        varchar(2)   not null,
    due_date        date         not null,
    created_at      timestamp with time zone not null,
    choice          varchar(10),
    request_id      varchar(36)  references signing_requests (id),
    row_version     integer      not null
);
create index actualisations_citizen on actualisations (national_number, due_date);
create unique index actualisations_round on actualisations (owner_client_id, dossier_number, due_date);
