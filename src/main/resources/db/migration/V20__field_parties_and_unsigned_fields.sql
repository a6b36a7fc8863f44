-- Identity binding: who a template document names under each of its signature fields (a signing request's
-- signer for that field must carry that national register number), and the fields a request explicitly leaves
-- unsigned. Portable between H2 2.x and PostgreSQL.
create table document_field_parties (
    document_id     varchar(36)  not null references documents (id),
    field_name      varchar(64)  not null,
    role            varchar(200) not null,
    name            varchar(200) not null,
    national_number varchar(11),
    primary key (document_id, field_name)
);

-- Comma-separated field names; empty when every empty field of the document has a signer.
alter table signing_requests add column unsigned_fields varchar(2000) default '' not null;

-- Notifications: the language each signer reads their mails in, the agency's address for notices about a
-- request (declined, expired), and one row per mail handed to the SMTP server, so a resubmitted hand-off
-- (be.paraaf.request.RequestNotifications) does not send a mail twice.
alter table request_signers add column language varchar(2) default 'nl' not null;
alter table signing_requests add column notification_email varchar(254);
create table notification_deliveries (
    delivery_key varchar(200) primary key,
    request_id   varchar(36)  not null references signing_requests (id),
    kind         varchar(16)  not null,
    created_at   timestamp with time zone not null,
    sent_at      timestamp with time zone
);
