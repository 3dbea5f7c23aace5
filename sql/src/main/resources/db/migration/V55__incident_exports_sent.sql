-- What each external registry has acknowledged: one row per card version and target,
-- written when the registry answered (HTTP 2xx, or the file renamed into its drop
-- folder). The export route's idempotent consumer reads it, so an export job that runs
-- again after it was delivered (a replay, a node that died before completing the job)
-- sends nothing a second time.
create table incident_exports_sent (
    idempotency_key text primary key,
    incident_id     uuid not null references incidents (id),
    target          text not null,
    version         integer not null,
    sent_at         timestamptz not null default clock_timestamp()
);
create index incident_exports_sent_incident on incident_exports_sent (incident_id);
