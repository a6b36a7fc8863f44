-- Template packages an agency uploaded (be.paraaf.prepare.AgencyTemplates): the zip as uploaded, one row per
-- version, never changed after insert, so a document rendered from version n can be traced to that package.
-- Each client sees only its own. Portable between H2 2.x and PostgreSQL, like V1.
create table agency_templates (
    owner_client_id varchar(64)  not null references api_clients (id),
    name            varchar(40)  not null,
    version         integer      not null,
    package         bytea        not null,
    package_sha256  varchar(64)  not null,
    created_at      timestamp with time zone not null,
    primary key (owner_client_id, name, version)
);
