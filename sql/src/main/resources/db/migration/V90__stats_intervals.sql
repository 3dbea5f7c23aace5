-- Queue statistics (kz.line102.callcenter.stats), pre-aggregated per 15-minute interval.
--
-- The rows are a cache of the call records and the operator-state timeline, never a
-- source: an interval is recomputed whole from them whenever a record of it changes (a
-- late event, a record rebuilt from the PBX's logs). Figures that are ratios are not
-- stored; docs/statistics.md derives each of them from these counters, for one interval
-- or a year alike. Waits are kept as counts per wait band (stats.WaitBins: one per second
-- 0..60 s, then 61-90, 91-120, 121-180, 181-300, 301-600, over 600), so a service level
-- for any band edge and the abandons under any short-abandon threshold are exact sums.

create table stats_queue_intervals (
    interval_start                 timestamptz not null,
    queue                          text not null,            -- '' for calls that reached no queue
    offered                        integer not null,
    answered                       integer not null,
    abandoned_in_queue             integer not null,
    abandoned_ringing              integer not null,
    abandoned_before_queue         integer not null,
    timed_out                      integer not null,
    failed                         integer not null,
    in_progress                    integer not null,
    answer_wait_sum                bigint not null,
    abandon_wait_sum               bigint not null,
    wait_max                       integer not null,
    talk_sum                       bigint not null,
    wrap_up_sum                    bigint not null,
    wrap_up_count                  integer not null,
    repeats                        integer not null,
    abandoned_called_back          integer not null,
    abandoned_called_back_answered integer not null,
    answered_waits                 integer[] not null,
    abandoned_waits                integer[] not null,
    computed_at                    timestamptz not null default clock_timestamp(),
    primary key (interval_start, queue)
);

-- Per operator (the signed-in user, or ext:<extension>) and queue.
create table stats_operator_intervals (
    interval_start  timestamptz not null,
    queue           text not null,
    operator        text not null,
    answered        integer not null,
    ring_no_answer  integer not null,
    answer_wait_sum bigint not null,
    talk_sum        bigint not null,
    wrap_up_sum     bigint not null,
    wrap_up_count   integer not null,
    primary key (interval_start, queue, operator)
);
create index stats_operator_intervals_operator_idx on stats_operator_intervals (operator, interval_start);

-- Per operator: seconds signed in (operator_sessions) and in each state (operator_state_changes).
create table stats_operator_time (
    interval_start timestamptz not null,
    operator       text not null,
    signed_in      integer not null,
    ready          integer not null,
    wrap_up        integer not null,
    paused         integer not null,
    paused_by_reason jsonb not null default '{}',   -- {"reason": seconds}
    primary key (interval_start, operator)
);

-- Intervals to recompute; a mark made while one is recomputed stays for the next pass.
create table stats_dirty_intervals (
    interval_start timestamptz primary key,
    marked_at      timestamptz not null default clock_timestamp()
);

-- The interval each call was last counted in: a record whose offered_at moves marks both.
create table stats_call_marks (
    call_id        uuid primary key,
    interval_start timestamptz not null
);

-- How far the drain has read the call records (updated_at) and the operator-state timeline (id).
create table stats_marks (
    name          text primary key,
    read_until    timestamptz,
    last_id       bigint,
    last_key      text
);

-- The drain finds changed records by their updated_at.
create index calls_updated_at_idx on calls (updated_at);
