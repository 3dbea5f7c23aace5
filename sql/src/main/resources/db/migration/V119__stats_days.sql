-- The operator history rolled up by the centre's day. A quarter per operator over hour rows is
-- every operator's every hour (about 2,200 rows each); by day it is 92. Days are the centre's
-- (local midnight to local midnight), so their rows are keyed by the instant of that midnight and
-- only read for whole days of a period; its ragged ends come from the hour and 15-minute rows.
-- Which zone the rows were cut in is kept beside them: the application rebuilds them all when its
-- configured zone is not that one (first start after this migration, or a changed zone).

create table stats_operator_days (like stats_operator_intervals including all);
create table stats_operator_time_days (like stats_operator_time including all);

create table stats_day_zone (
    only_row boolean primary key default true check (only_row),
    zone     text not null
);

-- Rebuilds the day rows of the days that start in [from_at, to_at) (both local midnights of zone)
-- from the hour rows (from_hours: the zone is a whole number of hours from UTC) or the 15-minute
-- rows. Pause reasons are summed key by key in one pass (jsonb_each_text, then one object per row).
create function stats_roll_days(from_at timestamptz, to_at timestamptz, zone text, from_hours boolean)
    returns void language plpgsql as $$
declare
    calls text := case when from_hours then 'stats_operator_hours' else 'stats_operator_intervals' end;
    times text := case when from_hours then 'stats_operator_time_hours' else 'stats_operator_time' end;
    day text := format('(date_trunc(''day'', interval_start at time zone %L) at time zone %L)', zone, zone);
begin
    delete from stats_operator_days where interval_start >= from_at and interval_start < to_at;
    execute format($q$
        insert into stats_operator_days
        select %s, queue, operator, sum(answered), sum(ring_no_answer), sum(answer_wait_sum), sum(talk_sum),
               sum(wrap_up_sum), sum(wrap_up_count)
          from %I where interval_start >= $1 and interval_start < $2
         group by 1, 2, 3$q$, day, calls) using from_at, to_at;

    delete from stats_operator_time_days where interval_start >= from_at and interval_start < to_at;
    execute format($q$
        insert into stats_operator_time_days
        with src as (select %s as d, * from %I where interval_start >= $1 and interval_start < $2),
             t as (select d, operator, sum(signed_in) si, sum(ready) re, sum(wrap_up) wu, sum(paused) pa
                     from src group by 1, 2),
             r as (select d, operator, jsonb_object_agg(k, v) reasons
                     from (select d, operator, e.key k, sum(e.value::bigint) v
                             from src, jsonb_each_text(paused_by_reason) e group by 1, 2, 3) x
                    group by 1, 2)
        select t.d, t.operator, t.si, t.re, t.wu, t.pa, coalesce(r.reasons, '{}')
          from t left join r using (d, operator)$q$, day, times) using from_at, to_at;
end
$$;
