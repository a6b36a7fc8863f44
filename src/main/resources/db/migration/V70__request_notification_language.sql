-- the language of the notices a request's notificationEmail receives (declined, expired, completed): nl, fr or en;
-- null keeps the earlier behaviour, Dutch
alter table signing_requests add column notification_language varchar(2);
