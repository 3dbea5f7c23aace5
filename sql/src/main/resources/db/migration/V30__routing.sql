-- Routing rules for incoming 102 calls.
--
-- routing_rule_sets is append-only: every save, import or restore adds a version, and
-- the highest version is the one in force on every node. routing_audit keeps every
-- attempt to change the rules, refused ones included.

create table routing_rule_sets (
    version       integer primary key check (version > 0),
    rule_set      jsonb not null,               -- {defaultQueue, defaultPriority, rules: [...]} as in conf/routing-rules.json
    created_by    text not null,
    created_at    timestamptz not null default clock_timestamp(),
    action        text not null check (action in ('save', 'import', 'restore')),
    comment       text,
    restored_from integer references routing_rule_sets (version),
    changes       jsonb not null default '[]'   -- what differs from the version before, one sentence each
);

create table routing_audit (
    id      bigserial primary key,
    at      timestamptz not null default clock_timestamp(),
    actor   text not null,
    action  text not null,                      -- save, import, restore, rejected
    version integer references routing_rule_sets (version),
    detail  jsonb not null
);

create index routing_audit_at_idx on routing_audit (at desc);
