-- Line health: the targets and the test-call schedule become one versioned setting
-- ('line-health-targets' in setting_versions and setting_audit, kz.line102.callcenter.settings),
-- no longer rows changed one by one with an audit table of their own.
--
-- line_health_targets stays: it is where each version is applied (a row per target name,
-- with the target's state and the probing node's lease), so probes and incidents keep
-- pointing at the same row for as long as the name stays in the set. config_version is
-- the version of the set a row holds; a node applying an older version changes nothing.
-- The hysteresis (N failures to go down, M successes to come back) and the thresholds of
-- "degraded" are per target; null follows the configuration.

alter table line_health_targets
    add column failures_to_down integer check (failures_to_down between 1 and 100),
    add column successes_to_up  integer check (successes_to_up between 1 and 100),
    add column degraded_window  integer check (degraded_window between 1 and 64),
    add column slow_rtt_ms      integer check (slow_rtt_ms between 1 and 60000),
    add column config_version   integer not null default 0;

-- An installation that has targets keeps them: they are the set's first version (the
-- test-call schedule stays the configured one: testCalls null).
insert into setting_versions (setting, version, payload, created_by, action, comment, changes)
select 'line-health-targets', 1,
       jsonb_build_object('targets', jsonb_agg(jsonb_build_object(
               'name', name, 'host', host, 'port', port, 'transport', transport, 'intervalMs', interval_ms,
               'timeoutMs', timeout_ms, 'expectedCodes', to_jsonb(expected_codes), 'enabled', enabled)
               order by name), 'testCalls', null),
       'system', 'initial', 'the targets kept one by one before the target set was versioned (V107)', '[]'
from line_health_targets
where deleted_at is null
having count(*) > 0;

update line_health_targets set config_version = 1
where exists (select 1 from setting_versions where setting = 'line-health-targets' and version = 1);

-- The old audit moves as it is (its versions were each target's own, not the set's).
insert into setting_audit (setting, at, actor, action, version, detail)
select 'line-health-targets', at, actor, action, null,
       detail || jsonb_build_object('targetVersion', version, 'before', 'V107')
from line_health_audit order by id;

insert into setting_audit (setting, actor, action, version, detail)
select 'line-health-targets', 'system', 'initial', 1, jsonb_build_object('comment', comment)
from setting_versions where setting = 'line-health-targets' and version = 1;

drop table line_health_audit;
