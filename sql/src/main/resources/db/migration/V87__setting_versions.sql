-- One home for every versioned setting (kz.line102.callcenter.settings): the routing
-- rules and the queue configuration were two copies of the same tables (V30, V60); the
-- next settings (line-health targets, certification commissions, watch registers) add
-- rows here under a name of their own instead of a third and fourth copy.
--
-- setting_versions is append-only: every save, import or restore adds a version of its
-- setting, and the highest version of a setting is the one in force on every node.
-- setting_audit keeps every attempt to change a setting, refused ones included.

create table setting_versions (
    setting       text not null check (setting ~ '^[a-z][a-z0-9-]*$'),
    version       integer not null check (version > 0),
    payload       jsonb not null,               -- the setting itself, as its API shows it
    created_by    text not null,
    created_at    timestamptz not null default clock_timestamp(),
    action        text not null check (action in ('initial', 'save', 'import', 'restore')),
    comment       text,
    restored_from integer,
    changes       jsonb not null default '[]',  -- what differs from the version before, one sentence each
    primary key (setting, version),
    foreign key (setting, restored_from) references setting_versions (setting, version)
);

create table setting_audit (
    id      bigserial primary key,
    setting text not null,
    at      timestamptz not null default clock_timestamp(),
    actor   text not null,
    action  text not null,                      -- initial, save, import, restore, rejected
    version integer,
    detail  jsonb not null,
    foreign key (setting, version) references setting_versions (setting, version)
);

create index setting_audit_setting_idx on setting_audit (setting, id desc);

-- The rows move as they are; audit entries keep their order within each setting (their
-- ids are new: the two old tables numbered theirs independently).
insert into setting_versions (setting, version, payload, created_by, created_at, action, comment, restored_from,
                              changes)
select 'routing-rules', version, rule_set, created_by, created_at, action, comment, restored_from, changes
from routing_rule_sets order by version;

insert into setting_versions (setting, version, payload, created_by, created_at, action, comment, restored_from,
                              changes)
select 'queue-config', version, config, created_by, created_at, action, comment, restored_from, changes
from queue_config_versions order by version;

insert into setting_audit (setting, at, actor, action, version, detail)
select 'routing-rules', at, actor, action, version, detail from routing_audit order by id;

insert into setting_audit (setting, at, actor, action, version, detail)
select 'queue-config', at, actor, action, version, detail from queue_config_audit order by id;

drop table routing_audit;
drop table routing_rule_sets;
drop table queue_config_audit;
drop table queue_config_versions;
