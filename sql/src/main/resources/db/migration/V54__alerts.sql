-- Alerts to the duty officer: serious incidents, units late on scene, links down.
--
-- An alert is raised once per dedup_key (the same condition seen by two nodes, or
-- seen again after a restart, is one alert). It stays open until a supervisor
-- acknowledges it. Each alert is also delivered to a configurable outbound endpoint
-- (the duty desk's system); that delivery is retried with backoff and, when it keeps
-- failing, parked as 'dead' for IT staff to see and send again. Rows are never deleted.

create table alerts (
    id                bigserial primary key,
    dedup_key         text not null unique check (length(dedup_key) between 1 and 200),
    kind              text not null check (kind ~ '^[a-z][a-z0-9-]{0,63}$'),
    severity          text not null check (severity in ('critical', 'warning', 'info')),
    title             text not null check (length(title) between 1 and 500),
    detail            jsonb not null default '{}',
    incident_id       uuid,                  -- no foreign key: alerts also concern calls, units and links
    raised_at         timestamptz not null default clock_timestamp(),
    raised_by         text not null,         -- 'system' or the user whose action raised it
    acknowledged_at   timestamptz,
    acknowledged_by   text,
    ack_comment       text,
    outbound_status   text not null check (outbound_status in ('none', 'pending', 'sent', 'dead')),
    outbound_attempts integer not null default 0,
    outbound_next_at  timestamptz,
    outbound_error    text,
    outbound_sent_at  timestamptz,
    check ((acknowledged_at is null) = (acknowledged_by is null))
);

create index alerts_open_idx on alerts (raised_at desc) where acknowledged_at is null;
create index alerts_raised_idx on alerts (raised_at desc);
create index alerts_incident_idx on alerts (incident_id) where incident_id is not null;
create index alerts_outbound_due_idx on alerts (outbound_next_at) where outbound_status = 'pending';
