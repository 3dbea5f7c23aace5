-- Ten years of journal entries stay quick to page and to search (issue 18): the search across
-- every book and register pages by time without a kind, and the text search (ILIKE '%...%' in
-- the text and the register's fields) uses trigram indexes. pg_trgm is a trusted extension
-- (PostgreSQL 13+): the database's owner may create it. Where it cannot be had, the search
-- still works, unindexed, and the migration says so rather than fail.

create index watch_entries_at_idx on watch_entries (at desc, id desc);

do $$
declare
    ops text;
begin
    begin
        create extension if not exists pg_trgm;
    exception when others then
        raise notice 'pg_trgm is not available (%): the journals'' text search runs unindexed', sqlerrm;
    end;
    -- Named with the extension's schema: it may be installed where search_path does not look.
    select format('%I.gin_trgm_ops', n.nspname) into ops
        from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    if ops is not null then
        execute format('create index watch_entries_text_trgm_idx on watch_entries using gin (text %s)', ops);
        execute format('create index watch_entries_fields_trgm_idx on watch_entries using gin ((fields::text) %s)', ops);
    end if;
end $$;
