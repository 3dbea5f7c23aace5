-- The audit chain outlives the database owner.
--
-- 1. Keyed hashes. Entries written from now on carry HMAC-SHA256 under a key the database
--    never sees (line102.audit.hmac-key); earlier entries keep their plain SHA-256 and are
--    marked so. Verification accepts an unkeyed entry only before the first keyed one: an
--    owner who rewrites entries cannot make keyed hashes, and the signed checkpoint files
--    (line102.audit.checkpoint-dir) and signed daily reports anchor the head outside the
--    database.
alter table audit_log add column hash_alg text not null default 'sha256'
    check (hash_alg in ('sha256', 'hmac-sha256'));

-- 2. The application's role owns nothing. Migrations run as the owner (spring.flyway.user);
--    the application connects as a role given exactly what it needs by this function, which
--    the application re-applies after every migration (app.AppRoleGrants) (so tables of later
--    migrations are covered). Not granted: TRUNCATE, REFERENCES, TRIGGER (and, being no
--    owner, it cannot ALTER a table or disable its triggers); on append-only tables (those
--    guarded by line102_append_only) no UPDATE or DELETE either; on Flyway's history only SELECT.
create or replace function line102_grant_app_role(app_role text) returns void language plpgsql as $$
declare
    s text := current_schema();
    t record;
begin
    if not exists (select 1 from pg_roles where rolname = app_role) then
        raise exception 'role % does not exist: CREATE ROLE % LOGIN PASSWORD ''...'' first', app_role, app_role;
    end if;
    if exists (select 1 from pg_roles where rolname = app_role and (rolsuper or rolbypassrls)) then
        raise exception 'role % is a superuser or bypasses row security: the application role must not be', app_role;
    end if;
    if app_role = current_user then
        raise exception 'role % runs the migrations (owner): the application needs a role of its own', app_role;
    end if;
    if exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = s and c.relowner = (select oid from pg_roles where rolname = app_role)) then
        raise exception 'role % owns objects in schema %: the application role must own nothing', app_role, s;
    end if;
    execute format('grant usage on schema %I to %I', s, app_role);
    execute format('revoke all on all tables in schema %I from %I', s, app_role);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, app_role);
    execute format('grant usage, select on all sequences in schema %I to %I', s, app_role);
    -- Bulk imports stage rows in a temporary table of the session's own.
    execute format('grant temporary on database %I to %I', current_database(), app_role);
    for t in select distinct c.relname from pg_trigger tg
             join pg_class c on c.oid = tg.tgrelid
             join pg_namespace n on n.oid = c.relnamespace
             join pg_proc p on p.oid = tg.tgfoid
             where p.proname = 'line102_append_only' and n.nspname = s loop
        execute format('revoke update, delete on %I.%I from %I', s, t.relname, app_role);
    end loop;
    if exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = s and c.relname = 'flyway_schema_history') then
        execute format('revoke insert, update, delete on %I.flyway_schema_history from %I', s, app_role);
    end if;
    -- Asterisk's own logs (V70): the application reads them to check its call records.
    if exists (select 1 from pg_namespace where nspname = 'asterisk') then
        execute format('grant usage on schema asterisk to %I', app_role);
        execute format('grant select on all tables in schema asterisk to %I', app_role);
    end if;
end;
$$;
