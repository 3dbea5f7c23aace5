-- Operator states: the current one per operator, and every change with who, when and why.
--
-- state: offline (not in any queue), ready, paused (reason from the configured list),
-- wrap-up (paused after a call until wrap_up_until, then ready again). queues lists the
-- queues the PBX last reported the operator's interface in. Asterisk is the truth for
-- membership and pause: a reconciliation that finds a difference corrects this row and
-- writes a change with source 'reconcile' and both sides in detail.

create table operator_states (
    user_id        bigint primary key references users (id),
    state          text not null check (state in ('offline', 'ready', 'paused', 'wrap-up')),
    reason         text,
    interface      text,
    queues         text[] not null default '{}',
    since          timestamptz not null default clock_timestamp(),
    wrap_up_until  timestamptz,
    updated_at     timestamptz not null default clock_timestamp()
);

create index operator_states_wrap_up_idx on operator_states (wrap_up_until) where state = 'wrap-up';

create table operator_state_changes (
    id         bigserial primary key,
    user_id    bigint not null references users (id),
    at         timestamptz not null default clock_timestamp(),
    state      text not null,
    reason     text,
    interface  text,
    source     text not null,                   -- operator, sign-in, sign-out, call, wrap-up-ended, reconcile
    actor      text not null,                   -- the user who asked, or 'system'
    detail     text
);

create index operator_state_changes_user_idx on operator_state_changes (user_id, at desc);
create index operator_state_changes_at_idx on operator_state_changes (at desc);
