-- the name on the eID Authentication certificate that answered a login through the agent, so the page that picks up
-- the session can greet the citizen by name (the number alone is not a greeting)
alter table citizen_challenges add column holder_name varchar(200);
