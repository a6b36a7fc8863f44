-- Pending two-step signatures (be.paraaf.signing.PendingSignatureStore). Portable between H2 2.x and PostgreSQL,
-- like V1. One row is one immutable prepared signature: everything needed to finish it (state: JSON of the
-- DSS parameters, the chain, the signing time, the data to be signed) and the document it signs, by its
-- SHA-256 address in the document store. The only columns that change are the claim: a completion sets
-- claim_token and claimed_until with a conditional update (one of two racing completions wins); a successful
-- or final completion deletes the row; a retryable failure clears the claim. A claim whose holder died is free
-- again after claimed_until. Expired rows are deleted by a job in bounded batches.
create table pending_signatures (
    handle          varchar(64)  primary key,
    purpose         varchar(200) not null,
    state           bytea        not null,
    document_sha256 varchar(64)  not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    claim_token     varchar(64),
    claimed_until   timestamp with time zone
);
create index pending_signatures_expiry on pending_signatures (expires_at);
create index pending_signatures_document on pending_signatures (document_sha256);
