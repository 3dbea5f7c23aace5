-- The newest entry of audit_log, written in the same transaction as the entry itself.
-- Removing the newest entries leaves a chain that still links from end to end; it
-- no longer reaches this head, and that is how such a removal is found.
create table audit_log_head (
    singleton boolean primary key default true check (singleton),
    last_id   bigint not null,
    last_hash text not null
);

insert into audit_log_head (last_id, last_hash)
select id, hash from audit_log order by id desc limit 1;
