-- Units sent to incident cards, and the arrival deadline each was given.
--
-- A unit is on at most one card at a time (units.incident_id); this table keeps every
-- sending, so a card shows who was sent when, who arrived when and who was late.
-- late_alerted_at is set once the duty officer has been alerted that the unit missed
-- its deadline (one alert per sending, whichever node sees it first).

create table incident_units (
    id              bigserial primary key,
    incident_id     uuid not null references incidents (id),
    unit_id         bigint not null references units (id),
    priority        smallint not null check (priority between 1 and 4),
    assigned_at     timestamptz not null default clock_timestamp(),
    assigned_by     text not null,
    deadline_at     timestamptz not null,
    arrived_at      timestamptz,
    arrived_by      text,
    released_at     timestamptz,
    released_by     text,
    release_note    text,
    late_alerted_at timestamptz,
    check (deadline_at > assigned_at),
    check (arrived_at is null or arrived_at >= assigned_at),
    check (released_at is null or released_at >= assigned_at)
);

-- A unit can be sent to one card only once at a time.
create unique index incident_units_active_idx on incident_units (unit_id) where released_at is null;
create index incident_units_incident_idx on incident_units (incident_id, assigned_at);
create index incident_units_due_idx on incident_units (deadline_at)
    where arrived_at is null and released_at is null and late_alerted_at is null;
