-- Durable work for the incident routes: one row per step (and target) of a card, so a
-- step is enqueued once and survives a restart. 'running' rows carry a lease: a node
-- that dies leaves a lease that runs out, and another node takes the row again.
create table incident_jobs (
    id              bigserial primary key,
    incident_id     uuid not null references incidents (id),
    step            text not null,
    target          text not null default '',
    status          text not null default 'pending' check (status in ('pending', 'running', 'done', 'dead')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    lease_until     timestamptz,
    claimed_by      text,
    last_error      text,
    payload         jsonb not null default '{}',
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    done_at         timestamptz,
    unique (incident_id, step, target)
);
create index incident_jobs_due on incident_jobs (step, next_attempt_at) where status = 'pending';
create index incident_jobs_leased on incident_jobs (step, lease_until) where status = 'running';
create index incident_jobs_dead on incident_jobs (step, updated_at) where status = 'dead';
