-- The resubmission jobs (be.paraaf.request.HandOffResubmission, WebhookDispatcher.resubmitDue, every second) ask
-- Spring Modulith for failed publications, oldest first: by this index, not by reading every completed one.
create index event_publication_by_status on event_publication (status, publication_date);
