-- Certification commissions whose composition may change (issue 17, items 16-23): every
-- composition a commission has had is kept, numbered from 1, and a decided case names the
-- one it was decided by (its attendance and votes name those members). A case still open
-- follows the commission's current composition. The versions are append-only.

alter table certification_commissions add column version integer not null default 1;

create table certification_commission_versions (
    commission_id bigint not null references certification_commissions (id),
    version       integer not null check (version >= 1),
    name          text not null,
    chair         text not null,
    secretary     text not null,
    members       text[] not null,
    changed_by    text not null,
    changed_at    timestamptz not null default clock_timestamp(),
    reason        text check (reason is null or length(reason) <= 2000),
    primary key (commission_id, version)
);

insert into certification_commission_versions (commission_id, version, name, chair, secretary, members, changed_by,
                                               changed_at)
select id, 1, name, chair, secretary, members, created_by, created_at from certification_commissions;

create function certification_commission_versions_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'certification_commission_versions are append-only: a change is a new version';
end $$;
create trigger certification_commission_versions_append_only before update or delete
    on certification_commission_versions for each row execute function certification_commission_versions_append_only();

-- The composition a case was decided by; null while the case is open.
alter table certification_cases add column commission_version integer;
update certification_cases set commission_version = 1 where decided_on is not null;
