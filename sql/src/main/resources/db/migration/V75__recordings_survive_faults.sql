-- Recordings that survive crashes: files no event announced (the orphan sweep), torn
-- and still-growing WAVs, sources that stay missing for days, retention by what the
-- recording is (the category of its incident card), the operator as a person beside
-- the desk's extension, and a purge clock that never runs ahead of real time.

-- One job per PBX file, whoever found it first: the call's RecordingFinished gives the
-- PBX's own path, the orphan sweep a name in the spool (or an ARI stored recording), so
-- the claim is keyed by the file name alone. MixMonitor names carry the call's uniqueid
-- and a timestamp: two different recordings never share one.
alter table recording_ingest_jobs add column source_key text;
update recording_ingest_jobs set source_key = regexp_replace(source_name, '^.*/', '');
alter table recording_ingest_jobs alter column source_key set not null;
create unique index recording_ingest_jobs_source_key_idx on recording_ingest_jobs (source_key);

alter table recording_ingest_jobs
    -- found by the sweep and matched to no call
    add column orphan             boolean not null default false,
    -- a source whose header does not vouch for its length is read only after it has
    -- looked the same (size, modification time) for the quiet period
    add column source_signature   text,
    add column source_seen_at     timestamptz,
    -- when the "still missing" alert was raised (once per job)
    add column missing_alerted_at timestamptz;

alter table recordings
    -- archived from a file no call was found for (the call id is derived from its name)
    add column orphan           boolean not null default false,
    -- why the archived audio is shorter than the call (a PBX crash cut the file), or null
    add column truncated_reason text;

-- The person, not only the desk: the user signed in at the answering extension when the
-- call was answered (operator_sessions), so an auditor finds a recording by either.
alter table recordings add column operator_user text;
create index recordings_operator_user_idx on recordings (operator_user, call_at desc, id desc)
    where deleted_at is null and operator_user is not null;

create index recordings_orphan_idx on recordings (call_at desc, id desc) where orphan and deleted_at is null;

-- The retention class a recording takes from the category of its call's incident card.
-- Data, not code: IT staff change a row, the next classification pass applies it.
-- Recordings of calls without a card keep line102.recorder.retention.default-class.
create table retention_class_by_category (
    category        text primary key check (category in
                        ('CRIMINAL_OFFENCE', 'ADMINISTRATIVE_OFFENCE', 'INCIDENT', 'OTHER')),
    retention_class text not null references retention_policies (retention_class),
    updated_at      timestamptz not null default clock_timestamp(),
    updated_by      text not null default 'migration'
);

insert into retention_class_by_category (category, retention_class) values
    ('CRIMINAL_OFFENCE',       'criminal-offence'),
    ('ADMINISTRATIVE_OFFENCE', 'administrative-offence'),
    ('INCIDENT',               'audio'),
    ('OTHER',                  'audio');

create index recordings_linked_class_idx on recordings (incident_id, retention_class)
    where incident_id is not null and deleted_at is null;

-- The purge's clock: a time that every running node moves forward by the time its own
-- monotonic clock measured, never by what a wall clock says. It can fall behind real
-- time (while no node runs) and so delay a deletion, never bring one forward.
create table retention_clock (
    id         boolean primary key default true check (id),
    trusted_at timestamptz not null,
    updated_at timestamptz not null
);
