-- Calls and the events they were built from.
--
-- call_events is the append-only record of what the bridge reported; calls is a
-- projection of it, recomputed whenever a new event of the call arrives, so the
-- order in which several consumers commit events does not matter.

create table calls (
    id                    uuid primary key,
    caller_number         text,                  -- exactly as the network sent it; null when withheld
    caller_number_e164    text,                  -- null when it could not be parsed
    caller_number_status  text,                  -- valid, withheld, short, invalid
    caller_name           text,
    dialed_number         text,
    queue                 text,
    operator              text,                  -- extension of the operator who answered
    outcome               text check (outcome in ('answered', 'abandoned', 'timed-out', 'failed')),
    offered_at            timestamptz,
    queued_at             timestamptz,
    answered_at           timestamptz,
    ended_at              timestamptz,
    wait_seconds          integer,
    talk_seconds          integer,
    hung_up_by            text,                  -- caller or agent, as the PBX reports it
    end_cause             integer,
    end_cause_text        text,
    missed_operators      text[] not null default '{}',
    fully_observed        boolean not null default true, -- false when a resync filled a gap
    recording_file        text,
    recording_finished_at timestamptz,
    event_count           integer not null default 0,
    updated_at            timestamptz not null default clock_timestamp()
);

create index calls_offered_at_idx on calls (offered_at desc, id desc);
create index calls_e164_idx on calls (caller_number_e164, offered_at desc);
create index calls_raw_number_idx on calls (caller_number, offered_at desc);
create index calls_outcome_idx on calls (outcome, offered_at desc);

create table call_events (
    event_id    uuid primary key,
    call_id     uuid not null,
    type        text not null,
    at          timestamptz not null,
    payload     jsonb not null,                 -- the event as the bridge encoded it
    stream_id   text,                           -- Redis Stream entry id it came in
    received_at timestamptz not null default clock_timestamp()
);

create index call_events_call_idx on call_events (call_id, at);

-- Stream entries that could not be read as call events: kept, never silently dropped.
create table call_event_rejects (
    id          bigserial primary key,
    stream_id   text,
    fields      jsonb not null,
    reason      text not null,
    received_at timestamptz not null default clock_timestamp()
);
