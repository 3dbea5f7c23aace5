-- The retention purge of the watch's journals and serious-event reports (nomenclature of cases):
-- whole years of one journal, or of the reports, are removed once the end of the year plus the
-- retention class has passed. Everything else stays append-only: an UPDATE is still refused by
-- line102_append_only (so the application role keeps no UPDATE or DELETE on these tables, see
-- line102_grant_app_role), and a DELETE only inside the purge functions below, which run as the
-- owner and decide themselves what may go.

create function watch_purge_gate() returns trigger language plpgsql as $$
begin
    if current_setting('line102.watch_purge', true) = 'on' then
        return old;
    end if;
    raise exception '% is append-only: % refused (only the retention purge removes whole years)', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

do $$
declare
    t text;
begin
    foreach t in array array['watch_entries', 'watch_attachments', 'watch_entry_incidents', 'watch_entry_overdue',
                             'watch_orientation_cancellations', 'watch_serious_reports', 'watch_serious_report_versions',
                             'watch_serious_report_signatures', 'watch_serious_report_deliveries'] loop
        execute format('drop trigger %I on %I', t || '_append_only', t);
        execute format('create trigger %I before update on %I for each row execute function line102_append_only()',
                       t || '_append_only', t);
        execute format('create trigger %I before delete on %I for each row execute function watch_purge_gate()',
                       t || '_purge_only', t);
    end loop;
end $$;

-- One year of one journal. The application passes when the year expired by its rule; the
-- database refuses a claim in its own future or under the shortest retention class (a year).
-- Returns what it removed, or nothing removed and why the year waits:
--   corrected-later   an entry of another year corrects one of this year (its numbering would break)
--   unreported-crime  an entry about a crime was never reported to the chief
--   undelivered       an outgoing message has no delivery confirmed (journals that track it)
--   active-orientation an orientation was never cancelled
create function watch_purge_journal_year(p_kind text, p_year integer, p_expired_at timestamptz, p_delivery boolean,
                                         p_orientations boolean)
    returns table (entries integer, attachments integer, links integer, waits text)
    language plpgsql security definer set search_path from current as $$
declare
    ids bigint[];
begin
    if p_expired_at > clock_timestamp() then
        raise exception 'journal % year % expires at %, after the database''s now', p_kind, p_year, p_expired_at
            using errcode = 'check_violation';
    end if;
    if p_expired_at < make_timestamptz(p_year + 2, 1, 1, 0, 0, 0, 'UTC') - interval '1 day' then
        raise exception 'journal % year %: a retention under a year (expiry %) is refused', p_kind, p_year, p_expired_at
            using errcode = 'check_violation';
    end if;
    select array_agg(id) into ids from watch_entries where kind = p_kind and year = p_year;
    if ids is null then
        return query select 0, 0, 0, null::text;
        return;
    end if;
    if exists (select 1 from watch_entries c where c.corrects = any (ids) and not c.id = any (ids)) then
        return query select 0, 0, 0, 'corrected-later';
        return;
    end if;
    if exists (select 1 from watch_entries e where e.id = any (ids) and e.deadline_at is not null
               and not exists (select 1 from watch_entries r where r.corrects = e.id and r.fields->>'reportedTo' is not null)) then
        return query select 0, 0, 0, 'unreported-crime';
        return;
    end if;
    if p_delivery and exists (select 1 from watch_entries e where e.id = any (ids) and e.corrects is null
               and not exists (select 1 from watch_entries d where (d.id = e.id or d.corrects = e.id)
                               and lower(d.fields->>'deliveryConfirmed') in ('true', 'yes', 'да', 'иә', '1'))) then
        return query select 0, 0, 0, 'undelivered';
        return;
    end if;
    if p_orientations and exists (select 1 from watch_entries e where e.id = any (ids) and e.corrects is null
               and not exists (select 1 from watch_orientation_cancellations oc where oc.entry_id = e.id)) then
        return query select 0, 0, 0, 'active-orientation';
        return;
    end if;
    perform set_config('line102.watch_purge', 'on', true);
    delete from watch_entry_overdue where entry_id = any (ids);
    delete from watch_orientation_cancellations where entry_id = any (ids) or record_id = any (ids);
    with a as (delete from watch_attachments where entry_id = any (ids) returning 1) select count(*) into attachments from a;
    with l as (delete from watch_entry_incidents where entry_id = any (ids) returning 1) select count(*) into links from l;
    with e as (delete from watch_entries where id = any (ids) returning 1) select count(*) into entries from e;
    perform set_config('line102.watch_purge', 'off', true);
    waits := null;
    return next;
end;
$$;

-- One year (drafted in the centre's zone) of serious-event reports with their versions,
-- signature and delivery. A report not signed, or signed and not delivered, holds its year.
create function watch_purge_serious_reports_year(p_year integer, p_zone text, p_expired_at timestamptz)
    returns table (reports integer, waits text)
    language plpgsql security definer set search_path from current as $$
declare
    ids bigint[];
begin
    if p_expired_at > clock_timestamp() then
        raise exception 'serious reports of % expire at %, after the database''s now', p_year, p_expired_at
            using errcode = 'check_violation';
    end if;
    if p_expired_at < make_timestamptz(p_year + 2, 1, 1, 0, 0, 0, 'UTC') - interval '1 day' then
        raise exception 'serious reports of %: a retention under a year (expiry %) is refused', p_year, p_expired_at
            using errcode = 'check_violation';
    end if;
    select array_agg(id) into ids from watch_serious_reports
        where extract(year from drafted_at at time zone p_zone)::integer = p_year;
    if ids is null then
        return query select 0, null::text;
        return;
    end if;
    if exists (select 1 from unnest(ids) r(id)
               where not exists (select 1 from watch_serious_report_signatures s where s.report_id = r.id)) then
        return query select 0, 'unsigned-report';
        return;
    end if;
    if exists (select 1 from unnest(ids) r(id)
               where not exists (select 1 from watch_serious_report_deliveries d where d.report_id = r.id)) then
        return query select 0, 'undelivered';
        return;
    end if;
    perform set_config('line102.watch_purge', 'on', true);
    delete from watch_serious_report_deliveries where report_id = any (ids);
    delete from watch_serious_report_signatures where report_id = any (ids);
    delete from watch_serious_report_versions where report_id = any (ids);
    with r as (delete from watch_serious_reports where id = any (ids) returning 1) select count(*) into reports from r;
    perform set_config('line102.watch_purge', 'off', true);
    waits := null;
    return next;
end;
$$;
