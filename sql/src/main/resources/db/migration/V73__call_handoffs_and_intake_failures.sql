-- Work that follows a committed call event (recording ingest, the draft card, the
-- operator's wrap-up, the end of a screen-pop) is written as a durable job in the same
-- transaction as the event: a node that dies between the commit and the hand-off loses
-- nothing, another node (or the same one restarted) drains the job. These jobs are a
-- kind of the incident flows' jobs, keyed by call instead of by card, so the same
-- claim/lease/retry engine and the same dead-letter page serve them.
alter table incident_jobs alter column incident_id drop not null;
alter table incident_jobs add column call_id uuid;
alter table incident_jobs add constraint incident_jobs_has_subject
    check (incident_id is not null or call_id is not null);
create unique index incident_jobs_call_step_target on incident_jobs (call_id, step, target)
    where call_id is not null;

-- Stream entries that decoded but could not be stored for a reason of their own (not
-- because the database was away): counted per entry id across deliveries and nodes, so
-- an entry that keeps failing is set aside in call_event_rejects after a bounded number
-- of tries instead of stalling intake forever.
create table call_intake_failures (
    entry_id        text primary key,
    failures        integer not null,
    last_error      text,
    first_failed_at timestamptz not null default clock_timestamp(),
    last_failed_at  timestamptz not null default clock_timestamp()
);
