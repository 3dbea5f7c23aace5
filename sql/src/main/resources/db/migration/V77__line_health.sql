-- Line health: is 102 reachable right now? SIP OPTIONS probes to the PBX and its
-- trunks, synthetic test calls, and the incidents (alarms) they raise.
--
-- line_health_targets are managed by IT staff over the API (every change audited in
-- line_health_audit, refused ones included). A target is deleted softly: its probes
-- and incidents stay readable. One node probes a target at a time: the one holding
-- its lease (owner, lease_until), renewed in one statement for all its targets.
-- The state columns are the owner's latest view, so a node taking over goes on from it.

create table line_health_targets (
    id             bigserial primary key,
    name           text not null check (length(name) between 1 and 100),
    host           text not null check (length(host) between 1 and 253),
    port           integer not null check (port between 1 and 65535),
    transport      text not null check (transport in ('udp', 'tcp')),
    interval_ms    integer not null check (interval_ms between 100 and 3600000),
    timeout_ms     integer not null check (timeout_ms between 50 and 60000),
    expected_codes integer[] not null default '{200}',
    enabled        boolean not null default true,
    version        integer not null default 1,
    created_at     timestamptz not null default clock_timestamp(),
    updated_at     timestamptz not null default clock_timestamp(),
    deleted_at     timestamptz,
    state          text not null default 'unknown' check (state in ('unknown', 'up', 'degraded', 'down')),
    state_since    timestamptz not null default clock_timestamp(),
    fail_streak    integer not null default 0,
    ok_streak      integer not null default 0,
    last_probe_at  timestamptz,
    last_outcome   text,
    last_status    integer,
    last_rtt_ms    double precision,
    last_detail    text,
    last_failure_at timestamptz,
    owner          text,
    lease_until    timestamptz
);

create unique index line_health_targets_name_idx on line_health_targets (name) where deleted_at is null;

-- The probes' time series; rows older than line102.callcenter.line-health.keep-probes are pruned.
create table line_health_probes (
    target_id bigint not null references line_health_targets (id),
    at        timestamptz not null,
    outcome   text not null,               -- ok, unexpected-status, timeout, transport-error, not-sent
    status    integer,                     -- the SIP status code; null when no final answer came
    rtt_ms    double precision not null,
    detail    text
);

create index line_health_probes_target_idx on line_health_probes (target_id, at desc);
create index line_health_probes_at_idx on line_health_probes (at);

-- Synthetic test calls: an INVITE to the test number, RTP echoed and measured, BYE,
-- then the call looked for on our side (the calls table) within a budget.
create table line_health_test_calls (
    id               uuid primary key,
    started_at       timestamptz not null,
    ended_at         timestamptz,
    trigger          text not null check (trigger in ('schedule', 'on-demand')),
    requested_by     text not null,
    outcome          text,                 -- null while running; passed or a failure code
    detail           text,
    sip_status       integer,
    codec            text,
    packets_sent     integer,
    packets_received integer,
    loss_pct         double precision,
    jitter_ms        double precision,
    rtt_ms           double precision,
    steps            jsonb not null default '[]',
    call_id          uuid                  -- our call record of it, once found
);

create index line_health_test_calls_started_idx on line_health_test_calls (started_at desc);

-- One open incident per condition: a target down, test calls failing. It holds the
-- alert raised for it; it ends when the condition clears. Rows are never deleted.
create table line_health_incidents (
    id          bigserial primary key,
    kind        text not null check (kind in ('target-down', 'test-call-failed')),
    target_id   bigint references line_health_targets (id),
    subject     text not null,               -- the target's name, or the test number
    started_at  timestamptz not null default clock_timestamp(),
    ended_at    timestamptz,
    alert_id    bigint,
    detail      text
);

create unique index line_health_incidents_open_idx on line_health_incidents (kind, coalesce(target_id, 0))
    where ended_at is null;
create index line_health_incidents_started_idx on line_health_incidents (started_at desc);

create table line_health_audit (
    id      bigserial primary key,
    at      timestamptz not null default clock_timestamp(),
    actor   text not null,
    action  text not null,                   -- create, update, delete, rejected
    version integer,
    detail  jsonb not null
);

create index line_health_audit_at_idx on line_health_audit (at desc);

-- Test calls reach the PBX like any caller; their records are marked so that the
-- centre's figures can leave them out.
alter table calls add column test_call boolean not null default false;
