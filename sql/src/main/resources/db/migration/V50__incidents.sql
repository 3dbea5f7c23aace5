-- Incident cards: one message from a citizen, from the draft opened when the call is
-- answered to its closing. Status, category and priority are checked here as well as
-- in the service, so no other writer can store a card the service would refuse.
create table incidents (
    id                 uuid primary key,
    status             text not null check (status in
                           ('DRAFT', 'SUBMITTED', 'REGISTERED', 'DISPATCHED', 'ARRIVED', 'WORKED_OFF', 'CLOSED',
                            'CANCELLED')),
    category           text check (category in ('CRIMINAL_OFFENCE', 'ADMINISTRATIVE_OFFENCE', 'INCIDENT', 'OTHER')),
    type_code          text,
    -- 1 = immediate threat to life ... 4 = no urgency
    priority           smallint check (priority between 1 and 4),
    caller_number      text,
    caller_number_e164 text,
    caller_name        text,
    caller_address     text,
    scene_address      text,
    scene_lat          double precision check (scene_lat between -90 and 90),
    scene_lon          double precision check (scene_lon between -180 and 180),
    scene_unknown      boolean not null default false,
    description        text,
    persons            jsonb not null default '[]',
    vehicles           jsonb not null default '[]',
    operator_notes     text,
    result             text,
    unit_code          text not null,
    kui_number         text unique,
    kui_year           integer,
    kui_sequence       integer,
    created_by         text not null,
    repeat_count       integer not null default 0,
    version            integer not null default 1,
    created_at         timestamptz not null default clock_timestamp(),
    updated_at         timestamptz not null default clock_timestamp(),
    submitted_at       timestamptz,
    registered_at      timestamptz,
    closed_at          timestamptz,
    check ((kui_number is null) = (kui_sequence is null))
);
create index incidents_created_at on incidents (created_at);
create index incidents_status on incidents (status) where status not in ('CLOSED', 'CANCELLED');
create index incidents_caller_open on incidents (caller_number_e164, created_at)
    where status not in ('CLOSED', 'CANCELLED');
create index incidents_created_by on incidents (created_by, created_at);

-- The calls (and their recordings) of a card. A call belongs to one card at most, so a
-- replayed answer or a second node cannot open a second draft for it.
create table incident_calls (
    incident_id   uuid not null references incidents (id),
    call_id       uuid not null unique,
    recording_id  text,
    -- true for a later call about the same matter, linked by the operator
    repeat        boolean not null default false,
    linked_by     text not null,
    linked_at     timestamptz not null default clock_timestamp(),
    primary key (incident_id, call_id)
);

-- The audited timeline: every status change of every card, who made it and why.
create table incident_transitions (
    id           bigserial primary key,
    incident_id  uuid not null references incidents (id),
    from_status  text,
    to_status    text not null,
    at           timestamptz not null default clock_timestamp(),
    by_user      text not null,
    detail       jsonb not null default '{}'
);
create index incident_transitions_incident on incident_transitions (incident_id, id);
