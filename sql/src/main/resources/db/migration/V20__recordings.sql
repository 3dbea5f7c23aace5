-- Call recordings: the archive index, the ingest jobs that fill it, retention
-- policies, legal holds, the purge runs and their deletion audit, and the access
-- trail. The audio itself lives in files under the recorder's archive root; only
-- the index and the hashes live here.

-- How long each class of recording is kept, counted from the call's time.
-- Data, not code: IT staff change a row, the next purge applies it.
create table retention_policies (
    retention_class text primary key,
    keep_for        interval not null check (keep_for > interval '0'),
    description     text not null,
    updated_at      timestamptz not null default clock_timestamp(),
    updated_by      text not null default 'migration'
);

insert into retention_policies (retention_class, keep_for, description) values
    ('audio',                   interval '1 year',  'voice recordings of calls (the rules: 1 year)'),
    ('criminal-offence',        interval '5 years', 'material of criminal offences'),
    ('administrative-offence',  interval '3 years', 'material of administrative offences'),
    ('certification-interview', interval '3 years', 'recordings of certification interviews');

create table recordings (
    id              uuid primary key,
    call_id         text not null,
    incident_id     text,                          -- set when the call's incident card is linked
    call_at         timestamptz not null,          -- the call's time as the PBX reported it: retention counts from here
    caller_number   text,
    operator        text,
    source_name     text not null,                 -- the PBX file name it came from
    path            text not null,                 -- relative to the archive root
    sha256          char(64) not null,
    size_bytes      bigint not null check (size_bytes > 0),
    duration_ms     bigint not null check (duration_ms >= 0),
    codec           text not null,
    retention_class text not null references retention_policies (retention_class),
    retain_from     timestamptz not null,          -- call_at, unless the PBX's clock made it implausible: then ingested_at
    ingested_at     timestamptz not null,
    deleted_at      timestamptz,                   -- set by the purge, with a row in recording_deletions
    file_removed_at timestamptz                    -- the file is gone too (a purge cut short leaves it null)
);

-- Archive search: newest first with keyset paging on (call_at, id), each filter with its own index.
create index recordings_call_at_idx on recordings (call_at desc, id desc) where deleted_at is null;
create index recordings_caller_idx on recordings (caller_number, call_at desc, id desc) where deleted_at is null;
create index recordings_operator_idx on recordings (operator, call_at desc, id desc) where deleted_at is null;
create index recordings_call_idx on recordings (call_id);
create index recordings_incident_idx on recordings (incident_id) where incident_id is not null;
create index recordings_path_idx on recordings (path);
-- The purge and the integrity check walk live recordings by class and age.
create index recordings_retention_idx on recordings (retention_class, retain_from) where deleted_at is null;
create index recordings_unremoved_idx on recordings (deleted_at) where deleted_at is not null and file_removed_at is null;

-- One job per PBX file: the ingest state machine, resumable after a crash.
create table recording_ingest_jobs (
    id              uuid primary key,
    source_name     text not null unique,          -- idempotency: the same file is ingested once
    call_id         text not null,
    call_at         timestamptz not null,
    caller_number   text,
    operator        text,
    retention_class text not null,
    state           text not null check (state in ('pending', 'archived', 'done', 'quarantined', 'empty', 'missing')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,                   -- a node working on it; expires if that node dies
    recording_id    uuid references recordings (id),
    error_code      text,
    error_detail    text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index recording_ingest_jobs_due_idx on recording_ingest_jobs (next_attempt_at) where state in ('pending', 'archived');

create table legal_holds (
    id           uuid primary key,
    recording_id uuid not null references recordings (id),
    reason       text not null,
    reference    text not null,                    -- the case, request or court order number
    placed_by    text not null,
    placed_at    timestamptz not null,
    lifted_by    text,
    lifted_at    timestamptz,
    lift_reason  text,
    lift_reference text,
    check ((lifted_at is null) = (lifted_by is null))
);

create index legal_holds_active_idx on legal_holds (recording_id) where lifted_at is null;

-- Every purge run: the clock guard compares against the latest one.
create table retention_purge_runs (
    id            uuid primary key,
    clock_at      timestamptz not null,            -- what the application's clock said
    effective_at  timestamptz not null,            -- the time the run deleted against (clamped)
    database_at   timestamptz not null,            -- what the database's clock said
    finished_at   timestamptz,
    deleted_count integer not null default 0
);

create index retention_purge_runs_effective_idx on retention_purge_runs (effective_at desc);

-- The audit of every deletion: what, why, when, by which run.
create table recording_deletions (
    id              bigserial primary key,
    recording_id    uuid not null references recordings (id),
    call_id         text not null,
    sha256          char(64) not null,
    path            text not null,
    call_at         timestamptz not null,
    retain_from     timestamptz not null,
    retention_class text not null,
    keep_for        interval not null,
    purge_run_id    uuid not null references retention_purge_runs (id),
    deleted_at      timestamptz not null,
    unique (recording_id)
);

-- Who opened or downloaded which recording, on what legal basis.
create table recording_access_log (
    id           bigserial primary key,
    recording_id uuid not null references recordings (id),
    user_id      text not null,
    legal_basis  text not null,
    reference    text,
    kind         text not null check (kind in ('stream', 'download')),
    range_start  bigint,
    range_end    bigint,
    at           timestamptz not null
);

create index recording_access_log_recording_idx on recording_access_log (recording_id, at);
create index recording_access_log_user_idx on recording_access_log (user_id, at);
