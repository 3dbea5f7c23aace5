-- What each supervisor's wallboard shows (kz.line102.callcenter.stats): the queues and the
-- service-level target, kept here so they follow the user to another desk. The row of
-- owner '*' is the centre's default, set by IT staff; without it the configuration's
-- line102.callcenter.stats.wallboard applies.
create table stats_wallboard_settings (
    owner                 text primary key,              -- a username, or '*' for the default
    queues                text[] not null default '{}',  -- empty: every queue
    target_percent        numeric(5, 2) not null check (target_percent between 0 and 100),
    service_level_seconds integer not null check (service_level_seconds between 0 and 600),
    updated_by            text not null,
    updated_at            timestamptz not null default clock_timestamp()
);
