-- The watch's rosters and breaks, the registers' deadlines and the active orientations
-- (MVD order 439, items 14, 37-38). Append-only like the rest of the watch module: a change
-- of roster or break schedule is a new row, the latest one counts.

-- Who is on which post of which shift of the rotation; the latest row per shift and user
-- counts, REMOVE taking the user off the shift.
create table watch_roster_changes (
    id          bigserial primary key,
    shift_no    integer not null check (shift_no between 1 and 6),
    username    text not null check (length(username) between 1 and 200),
    post        text check (length(post) <= 200),
    action      text not null check (action in ('ASSIGN', 'REMOVE')),
    changed_by  text not null,
    changed_at  timestamptz not null default clock_timestamp()
);
create index watch_roster_changes_shift_idx on watch_roster_changes (shift_no, username, id desc);

-- The meal and rest breaks the chief set (HH:mm-HH:mm each); the latest row is in force,
-- the configured schedule until there is one.
create table watch_break_schedules (
    id      bigserial primary key,
    breaks  jsonb not null,
    set_by  text not null,
    set_at  timestamptz not null default clock_timestamp()
);

-- The deadline an entry about a crime was registered with (its register's report-within at
-- the time), so a later change of the configuration does not rewrite the past.
alter table watch_entries add column deadline_at timestamptz;
create index watch_entries_deadline_idx on watch_entries (deadline_at) where deadline_at is not null;

-- An entry found overdue, once: the alert is raised by the pass that inserts this row.
create table watch_entry_overdue (
    entry_id    bigint primary key references watch_entries (id),
    deadline_at timestamptz not null,
    flagged_at  timestamptz not null default clock_timestamp()
);

-- An orientation taken off the active list: who recorded it, when, why, who reported the
-- cancellation, and the register entry that records it.
create table watch_orientation_cancellations (
    entry_id      bigint primary key references watch_entries (id),
    record_id     bigint not null references watch_entries (id),
    reason        text not null check (length(reason) between 1 and 4000),
    reported_by   text,
    cancelled_by  text not null,
    cancelled_at  timestamptz not null default clock_timestamp()
);

create trigger watch_roster_changes_append_only before update or delete on watch_roster_changes
    for each row execute function line102_append_only();
create trigger watch_roster_changes_no_truncate before truncate on watch_roster_changes
    for each statement execute function line102_append_only();
create trigger watch_break_schedules_append_only before update or delete on watch_break_schedules
    for each row execute function line102_append_only();
create trigger watch_break_schedules_no_truncate before truncate on watch_break_schedules
    for each statement execute function line102_append_only();
create trigger watch_entry_overdue_append_only before update or delete on watch_entry_overdue
    for each row execute function line102_append_only();
create trigger watch_entry_overdue_no_truncate before truncate on watch_entry_overdue
    for each statement execute function line102_append_only();
create trigger watch_orientation_cancellations_append_only before update or delete on watch_orientation_cancellations
    for each row execute function line102_append_only();
create trigger watch_orientation_cancellations_no_truncate before truncate on watch_orientation_cancellations
    for each statement execute function line102_append_only();
