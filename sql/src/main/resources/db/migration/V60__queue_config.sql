-- Queue configuration for app_queue, managed by IT staff and rendered as queues.conf.
--
-- queue_config_versions is append-only like routing_rule_sets: every save or restore
-- adds a version and the highest is in force. The first version is written by the
-- application from its bundled default (the one conf/asterisk/queues.conf is rendered
-- from). queue_config_audit keeps every attempt to change it, refused ones included.

create table queue_config_versions (
    version       integer primary key check (version > 0),
    config        jsonb not null,               -- {queues: [...]} as GET /api/v1/queues/config shows it
    created_by    text not null,
    created_at    timestamptz not null default clock_timestamp(),
    action        text not null check (action in ('initial', 'save', 'restore')),
    comment       text,
    restored_from integer references queue_config_versions (version),
    changes       jsonb not null default '[]'
);

create table queue_config_audit (
    id      bigserial primary key,
    at      timestamptz not null default clock_timestamp(),
    actor   text not null,
    action  text not null,                      -- initial, save, restore, rejected
    version integer references queue_config_versions (version),
    detail  jsonb not null
);

create index queue_config_audit_at_idx on queue_config_audit (at desc);
