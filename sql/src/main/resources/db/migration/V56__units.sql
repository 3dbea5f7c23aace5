-- Patrol units and on-duty groups, and the electronic duty sheet: which of them are on
-- duty now, with which crew, on which patrol route, in which state, and where.
--
-- A unit's state changes only together with a row in unit_status_history (the
-- timeline the centre answers for afterwards); units are disabled, never deleted.

create table units (
    id           bigserial primary key,
    call_sign    text not null unique check (length(call_sign) between 1 and 32),
    kind         text not null check (kind in ('patrol', 'dsog', 'traffic', 'other')),
    status       text not null default 'off-duty'
                 check (status in ('off-duty', 'available', 'busy', 'dispatched', 'on-scene')),
    crew         jsonb not null default '[]',       -- who rides in it this watch: ["ст. л-т Ахметов", ...]
    patrol_route text,
    lat          double precision check (lat between -90 and 90),
    lon          double precision check (lon between -180 and 180),
    position_at  timestamptz,
    status_since timestamptz not null default clock_timestamp(),
    incident_id  uuid,                              -- the card it is sent to, while dispatched or on scene
    enabled      boolean not null default true,
    created_at   timestamptz not null default clock_timestamp(),
    updated_at   timestamptz not null default clock_timestamp(),
    check ((lat is null) = (lon is null)),
    check ((status in ('dispatched', 'on-scene')) = (incident_id is not null)),
    check (enabled or status = 'off-duty')
);

create table unit_status_history (
    id          bigserial primary key,
    unit_id     bigint not null references units (id),
    status      text not null,
    at          timestamptz not null default clock_timestamp(),
    by_user     text not null,
    incident_id uuid,
    lat         double precision,
    lon         double precision,
    detail      jsonb not null default '{}'
);

create index unit_status_history_unit_idx on unit_status_history (unit_id, at desc);
create index unit_status_history_incident_idx on unit_status_history (incident_id) where incident_id is not null;
create index units_incident_idx on units (incident_id) where incident_id is not null;
