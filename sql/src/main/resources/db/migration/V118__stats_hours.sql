-- The 15-minute history rolled up by the hour. Long periods (a quarter per operator, a year by
-- day) read these rows for their whole hours and the 15-minute rows only at their ragged ends:
-- a quarter per operator sums a quarter of the rows it would otherwise. Hours are whole hours
-- of UTC, so they align with every grouping the history offers (hour, watch, day, week, month,
-- quarter in the centre's zone) for a zone a whole number of hours from UTC.
-- The rows of an hour are rebuilt from its intervals whenever one of them is written
-- (stats_roll_hours, in the interval's transaction).

create table stats_queue_hours (like stats_queue_intervals including all);
create table stats_operator_hours (like stats_operator_intervals including all);
create table stats_operator_time_hours (like stats_operator_time including all);

-- Element-wise sum of the wait-band arrays.
create function stats_array_add(a integer[], b integer[]) returns integer[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) order by i), '{}')
      from generate_series(1, greatest(coalesce(cardinality(a), 0), coalesce(cardinality(b), 0))) i
$$;
create aggregate stats_array_sum(integer[]) (sfunc = stats_array_add, stype = integer[], initcond = '{}');

-- Key-wise sum of {"reason": seconds} objects.
create function stats_jsonb_add(a jsonb, b jsonb) returns jsonb
    language sql immutable parallel safe as $$
    select coalesce(jsonb_object_agg(k, v), '{}')
      from (select k, sum(v) as v
              from (select key as k, value::bigint as v from jsonb_each_text(a)
                    union all
                    select key, value::bigint from jsonb_each_text(b)) x
             group by k) y
$$;
create aggregate stats_jsonb_sum(jsonb) (sfunc = stats_jsonb_add, stype = jsonb, initcond = '{}');

-- Rebuilds the hour rows of [from_at, to_at) from their intervals (from_at and to_at on whole hours).
create function stats_roll_hours(from_at timestamptz, to_at timestamptz) returns void
    language sql as $$
    delete from stats_queue_hours where interval_start >= from_at and interval_start < to_at;
    insert into stats_queue_hours
    select to_timestamp(floor(extract(epoch from interval_start) / 3600) * 3600), queue,
           sum(offered), sum(answered), sum(abandoned_in_queue), sum(abandoned_ringing),
           sum(abandoned_before_queue), sum(timed_out), sum(failed), sum(in_progress),
           sum(answer_wait_sum), sum(abandon_wait_sum), max(wait_max), sum(talk_sum), sum(wrap_up_sum),
           sum(wrap_up_count), sum(repeats), sum(abandoned_called_back), sum(abandoned_called_back_answered),
           stats_array_sum(answered_waits), stats_array_sum(abandoned_waits), max(computed_at)
      from stats_queue_intervals
     where interval_start >= from_at and interval_start < to_at
     group by 1, 2;

    delete from stats_operator_hours where interval_start >= from_at and interval_start < to_at;
    insert into stats_operator_hours
    select to_timestamp(floor(extract(epoch from interval_start) / 3600) * 3600), queue, operator,
           sum(answered), sum(ring_no_answer), sum(answer_wait_sum), sum(talk_sum), sum(wrap_up_sum),
           sum(wrap_up_count)
      from stats_operator_intervals
     where interval_start >= from_at and interval_start < to_at
     group by 1, 2, 3;

    delete from stats_operator_time_hours where interval_start >= from_at and interval_start < to_at;
    insert into stats_operator_time_hours
    select to_timestamp(floor(extract(epoch from interval_start) / 3600) * 3600), operator,
           sum(signed_in), sum(ready), sum(wrap_up), sum(paused), stats_jsonb_sum(paused_by_reason)
      from stats_operator_time
     where interval_start >= from_at and interval_start < to_at
     group by 1, 2;
$$;

-- The history already there.
select stats_roll_hours('-infinity', 'infinity');
