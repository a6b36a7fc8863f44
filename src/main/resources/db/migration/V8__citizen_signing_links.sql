-- A citizen logged in with the eID or itsme may open their turn in a signing request from their own page
-- instead of the link the agency sent: paraaf issues a second, short-lived link for that signer. Only the
-- SHA-256 of the token is stored, as for request_signers.token_sha256. Portable between H2 2.x and PostgreSQL.
create table citizen_signing_links (
    token_sha256    varchar(64)  primary key,
    request_id      varchar(36)  not null,
    position        integer      not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    foreign key (request_id, position) references request_signers (request_id, position)
);
