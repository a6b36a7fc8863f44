-- eID login through the local agent (a device flow): the page that starts the login holds a pickup token
-- (stored by hash only), the agent answers the challenge with the card, the page picks up the session once.
alter table citizen_challenges add column pickup_sha256 varchar(64);
alter table citizen_challenges add column answered_at timestamp;
alter table citizen_challenges add column picked_up boolean default false not null;
