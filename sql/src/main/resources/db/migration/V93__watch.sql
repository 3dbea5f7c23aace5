-- The duty shift's own paperwork (MVD order 439): the watches, their hand-over (briefing,
-- inventory of documents and property checked item by item, both officers' signatures),
-- and the numbered journals: the Book of official reports (appendix 3), the shift notebook
-- (appendix 4) and the registers of messages and orientations (appendices 6-10), one table
-- for every kind. Everything but the number counters is append-only for everyone, the
-- application's own user included: a correction is a new entry that refers to the old one.

create table watches (
    id         bigserial primary key,
    starts_at  timestamptz not null unique,
    ends_at    timestamptz not null,
    shift_no   integer not null,                   -- which shift of the rotation is on this watch
    opened_at  timestamptz not null default clock_timestamp(),
    check (ends_at > starts_at)
);

create table watch_handover_items (
    id            bigserial primary key,
    watch_id      bigint not null references watches (id),
    kind          text not null check (kind in ('BRIEFING', 'DOCUMENT', 'PROPERTY')),
    title         text not null check (length(title) between 1 and 4000),
    serial_number text,
    quantity      integer not null default 1 check (quantity > 0),
    added_by      text not null,
    added_at      timestamptz not null default clock_timestamp()
);
create index watch_handover_items_watch_idx on watch_handover_items (watch_id, id);

-- The incoming officer's check of one item; the latest check of an item counts (a shortcoming
-- fixed is checked again).
create table watch_handover_checks (
    id          bigserial primary key,
    item_id     bigint not null references watch_handover_items (id),
    result      text not null check (result in ('PRESENT', 'MISSING', 'DAMAGED')),
    note        text,
    checked_by  text not null,
    checked_at  timestamptz not null default clock_timestamp()
);
create index watch_handover_checks_item_idx on watch_handover_checks (item_id, id desc);

create table watch_handover_signoffs (
    watch_id   bigint not null references watches (id),
    side       text not null check (side in ('OUTGOING', 'INCOMING')),
    signed_by  text not null,
    signed_at  timestamptz not null default clock_timestamp(),
    primary key (watch_id, side)
);

-- One journal engine: kind is a configured journal (official-reports, notebook,
-- telegrams-in, ...); numbers run per kind and year without gaps (allocated in the
-- inserting transaction from watch_journal_counters).
create table watch_entries (
    id          bigserial primary key,
    kind        text not null,
    year        integer not null,
    number      integer not null check (number > 0),
    watch_id    bigint not null references watches (id),
    author      text not null,
    at          timestamptz not null default clock_timestamp(),
    text        text not null check (length(text) between 1 and 20000),
    corrects    bigint references watch_entries (id),
    item_id     bigint references watch_handover_items (id),
    fields      jsonb not null default '{}',
    unique (kind, year, number)
);
-- Paging and search by period, number and watch stay indexed for years of entries.
create index watch_entries_kind_at_idx on watch_entries (kind, at desc, id desc);
create index watch_entries_watch_idx on watch_entries (watch_id, kind);
create index watch_entries_corrects_idx on watch_entries (corrects) where corrects is not null;

create table watch_journal_counters (
    kind        text not null,
    year        integer not null,
    last_number integer not null,
    primary key (kind, year)
);

-- Every write of the watch module (and refusals), same shape as the other audit trails.
create table watch_audit (
    id      bigserial primary key,
    at      timestamptz not null default clock_timestamp(),
    actor   text not null,
    action  text not null,
    version integer,
    detail  jsonb not null
);
create index watch_audit_at_idx on watch_audit (at desc);

create trigger watches_append_only before update or delete on watches
    for each row execute function line102_append_only();
create trigger watches_no_truncate before truncate on watches
    for each statement execute function line102_append_only();
create trigger watch_handover_items_append_only before update or delete on watch_handover_items
    for each row execute function line102_append_only();
create trigger watch_handover_items_no_truncate before truncate on watch_handover_items
    for each statement execute function line102_append_only();
create trigger watch_handover_checks_append_only before update or delete on watch_handover_checks
    for each row execute function line102_append_only();
create trigger watch_handover_checks_no_truncate before truncate on watch_handover_checks
    for each statement execute function line102_append_only();
create trigger watch_handover_signoffs_append_only before update or delete on watch_handover_signoffs
    for each row execute function line102_append_only();
create trigger watch_handover_signoffs_no_truncate before truncate on watch_handover_signoffs
    for each statement execute function line102_append_only();
create trigger watch_entries_append_only before update or delete on watch_entries
    for each row execute function line102_append_only();
create trigger watch_entries_no_truncate before truncate on watch_entries
    for each statement execute function line102_append_only();
create trigger watch_audit_append_only before update or delete on watch_audit
    for each row execute function line102_append_only();
create trigger watch_audit_no_truncate before truncate on watch_audit
    for each statement execute function line102_append_only();
