-- The daily operational report: every registered card of a watch (08:00 to 08:00 in
-- the centre's zone) with its outcome. report_lines is the rollup the report reads:
-- one line per registered card, written by the report feed route (DailyReportRoutes)
-- from 'report' jobs in incident_jobs, never by the report itself.
create table report_lines (
    incident_id    uuid primary key references incidents (id),
    -- the local date the card's watch starts on (the watch of registered_at)
    watch_day      date not null,
    kui_number     text not null,
    registered_at  timestamptz not null,
    category       text,
    type_code      text,
    priority       smallint,
    scene_address  text,
    scene_unknown  boolean not null default false,
    caller_number  text,
    caller_name    text,
    status         text not null,
    result         text,
    -- call signs of the units sent to the card, in the order they were first sent
    units          jsonb not null default '[]',
    repeat_count   integer not null default 0,
    closed_at      timestamptz,
    -- the card's version and repeat count the line was made from: an older reading never
    -- overwrites a newer one when two feed jobs of one card run at once
    card_version   integer not null,
    updated_at     timestamptz not null default clock_timestamp()
);
create index report_lines_watch on report_lines (watch_day, registered_at);

-- The sign-off fences a watch by registered_at; the feed and the guard look cards up by it.
create index incidents_registered_at on incidents (registered_at) where registered_at is not null;

-- A watch's report signed off by the duty officer: who, when, and the report exactly as
-- signed (snapshot: JSON text, kept byte for byte) with the SHA-256 of that text. One
-- row per watch; the row is never changed (V59).
create table report_signoffs (
    watch_day    date primary key,
    watch_start  timestamptz not null,
    watch_end    timestamptz not null,
    signed_by    text not null,
    signed_at    timestamptz not null,
    snapshot     text not null,
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    check (watch_end > watch_start)
);

-- Changes the feed saw on a card of a watch after its report was signed: kept beside the
-- signed report, never written into it. One row per distinct reading of the card (the
-- SHA-256 of its line), so a job run again adds nothing.
create table report_addenda (
    id            bigserial primary key,
    watch_day     date not null references report_signoffs (watch_day),
    -- no foreign key: the addendum stays whatever happens to the card's row
    incident_id   uuid not null,
    line          jsonb not null,
    line_sha256   text not null,
    seen_at       timestamptz not null default clock_timestamp(),
    unique (incident_id, line_sha256)
);
create index report_addenda_watch on report_addenda (watch_day, id);
