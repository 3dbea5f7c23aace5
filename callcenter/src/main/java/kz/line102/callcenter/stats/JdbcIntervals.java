package kz.line102.callcenter.stats;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 15-minute history: writes an interval's rows whole (from its facts and operator
 * time) and sums rows over any period, grouped as asked. The grouping expressions are
 * chosen from a fixed list ({@link Group}), never built from request text.
 */
public class JdbcIntervals {

    public static final Duration INTERVAL = Duration.ofMinutes(15);
    static final Duration HOUR = Duration.ofHours(1);
    /** Each 15-minute table's roll-up by the hour (V118: the same columns). */
    private static final Map<String, String> HOURS = Map.of("stats_queue_intervals", "stats_queue_hours",
            "stats_operator_intervals", "stats_operator_hours", "stats_operator_time", "stats_operator_time_hours");

    /** The operator tables' roll-up by the centre's day (V119). */
    private static final Map<String, String> DAYS = Map.of("stats_operator_intervals", "stats_operator_days",
            "stats_operator_time", "stats_operator_time_days");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final StatsDays days;

    public JdbcIntervals(JdbcTemplate jdbc, JsonMapper json, java.time.ZoneId zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.days = new StatsDays(jdbc, zone);
    }

    /** Whether the day rows are cut in the centre's zone (a node configured otherwise may have cut them). */
    boolean daysCut() {
        return days.ready();
    }

    /** See {@link StatsDays#rebuildIfCutElsewhere()}. */
    int cutDays() {
        return days.rebuildIfCutElsewhere();
    }

    public static Instant floor(Instant at) {
        long s = INTERVAL.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), s) * s);
    }

    /** Replaces the interval's rows (call it in a transaction). */
    void write(Instant start, List<CallFact> facts, Map<String, OperatorTally> time) {
        Timestamp at = Timestamp.from(start);
        jdbc.update("delete from stats_queue_intervals where interval_start = ?", at);
        jdbc.update("delete from stats_operator_intervals where interval_start = ?", at);
        jdbc.update("delete from stats_operator_time where interval_start = ?", at);
        Map<String, Tally> byQueue = new LinkedHashMap<>();
        Map<List<String>, OperatorTally> byOperator = new LinkedHashMap<>();
        for (CallFact f : facts) {
            byQueue.computeIfAbsent(f.queue(), q -> new Tally()).add(f);
            if (f.kind() == CallFact.Kind.ANSWERED && f.operator() != null) {
                byOperator.computeIfAbsent(List.of(f.queue(), f.operator()), k -> new OperatorTally()).answered(f);
            }
            for (String o : f.ringNoAnswer()) {
                byOperator.computeIfAbsent(List.of(f.queue(), o), k -> new OperatorTally()).ringNoAnswer++;
            }
        }
        String cols = String.join(", ", Tally.SCALAR_COLUMNS);
        String marks = IntStream.range(0, Tally.SCALAR_COLUMNS.length).mapToObj(i -> "?").collect(
                Collectors.joining(", "));
        for (Map.Entry<String, Tally> e : byQueue.entrySet()) {
            List<Object> args = new ArrayList<>(List.of(at, e.getKey()));
            for (long v : e.getValue().scalars()) {
                args.add(v);
            }
            args.add(ints(e.getValue().answeredWaits));
            args.add(ints(e.getValue().abandonedWaits));
            jdbc.update(con -> {
                var ps = con.prepareStatement("insert into stats_queue_intervals (interval_start, queue, " + cols
                        + ", answered_waits, abandoned_waits) values (?, ?, " + marks + ", ?, ?)");
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    ps.setObject(i + 1, a instanceof Integer[] arr ? con.createArrayOf("integer", arr) : a);
                }
                return ps;
            });
        }
        for (Map.Entry<List<String>, OperatorTally> e : byOperator.entrySet()) {
            OperatorTally t = e.getValue();
            jdbc.update("""
                    insert into stats_operator_intervals (interval_start, queue, operator, answered, ring_no_answer,
                        answer_wait_sum, talk_sum, wrap_up_sum, wrap_up_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, at, e.getKey().get(0), e.getKey().get(1), t.answered, t.ringNoAnswer, t.answerWaitSum,
                    t.talkSum, t.wrapUpSum, t.wrapUpCount);
        }
        for (Map.Entry<String, OperatorTally> e : time.entrySet()) {
            OperatorTally t = e.getValue();
            jdbc.update("""
                    insert into stats_operator_time (interval_start, operator, signed_in, ready, wrap_up, paused,
                        paused_by_reason) values (?, ?, ?, ?, ?, ?, ?::jsonb)
                    """, at, e.getKey(), t.signedIn, t.ready, t.wrapUp, t.paused,
                    json.writeValueAsString(t.pausedByReason));
        }
        Instant hour = floorHour(start);
        rollHours(hour, hour.plus(HOUR));
        days.roll(start);
    }

    /** Rebuilds the hour rows of [from, to) (whole hours) from their intervals; call it in a transaction. */
    public void rollHours(Instant from, Instant to) {
        jdbc.query("select stats_roll_hours(?, ?)", rs -> { }, Timestamp.from(from), Timestamp.from(to));
    }

    /** Whether the zone's hours are UTC's (a whole number of hours apart), so hour rows group right in it. */
    static boolean wholeHours(String zone, Instant from, Instant to) {
        java.time.zone.ZoneRules rules = java.time.ZoneId.of(zone).getRules();
        return rules.getOffset(from).getTotalSeconds() % 3600 == 0 && rules.getOffset(to).getTotalSeconds() % 3600 == 0;
    }

    static Instant floorHour(Instant at) {
        long s = HOUR.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), s) * s);
    }

    /**
     * The rows of [from, to) as one source {@code s}: the day table's for the centre's whole days
     * (when asked and cut in its zone), the hour table's for the whole hours, the 15-minute table's
     * for the ragged ends (or all of it from the 15-minute table when asked).
     */
    private String span(String table, Instant from, Instant to, boolean hours, boolean byDay, List<Object> args) {
        List<String> parts = new ArrayList<>();
        Instant firstDay = days.dayStartFrom(from);
        Instant lastDay = days.dayStart(to);
        if (byDay && DAYS.containsKey(table) && firstDay.isBefore(lastDay) && days.ready()) {
            parts.add(range(DAYS.get(table), firstDay, lastDay, args));
            hourParts(table, from, firstDay, hours, parts, args);
            hourParts(table, lastDay, to, hours, parts, args);
        } else {
            hourParts(table, from, to, hours, parts, args);
        }
        return "(" + (parts.isEmpty() ? range(table, from, to, args) : String.join(" union all ", parts)) + ") s";
    }

    private static void hourParts(String table, Instant from, Instant to, boolean hours, List<String> parts,
                                  List<Object> args) {
        if (!from.isBefore(to)) {
            return;
        }
        Instant first = floorHour(from).equals(from) ? from : floorHour(from).plus(HOUR);
        Instant last = floorHour(to);
        if (!hours || !first.isBefore(last)) {
            parts.add(range(table, from, to, args));
            return;
        }
        if (from.isBefore(first)) {
            parts.add(range(table, from, first, args));
        }
        parts.add(range(HOURS.get(table), first, last, args));
        if (last.isBefore(to)) {
            parts.add(range(table, last, to, args));
        }
    }

    private static String range(String table, Instant from, Instant to, List<Object> args) {
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        return "select * from " + table + " where interval_start >= ? and interval_start < ?";
    }

    private static Integer[] ints(long[] v) {
        Integer[] out = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    /** Whether every key of the group is a whole number of the centre's days, so day rows group right. */
    private static boolean dayAligned(Group g) {
        return switch (g) {
            case ALL, DAY, WEEK, MONTH, QUARTER, DAY_OF_WEEK -> true;
            default -> false;
        };
    }

    /** How rows are grouped; each maps to a fixed SQL expression in the centre's zone. */
    public enum Group {
        ALL, INTERVAL, HOUR, WATCH, DAY, WEEK, MONTH, QUARTER, HOUR_OF_DAY, DAY_OF_WEEK, QUEUE;

        String sql(String zone, int watchHour) {
            String local = "(interval_start at time zone '" + zone + "')";
            return switch (this) {
                case ALL -> "'all'";
                case INTERVAL -> "to_char(" + local + ", 'YYYY-MM-DD\"T\"HH24:MI')";
                case HOUR -> "to_char(" + local + ", 'YYYY-MM-DD\"T\"HH24:00')";
                case WATCH -> "to_char(" + local + " - interval '" + watchHour + " hours', 'YYYY-MM-DD')";
                case DAY -> "to_char(" + local + ", 'YYYY-MM-DD')";
                case WEEK -> "to_char(" + local + ", 'IYYY-\"W\"IW')";
                case MONTH -> "to_char(" + local + ", 'YYYY-MM')";
                case QUARTER -> "to_char(" + local + ", 'YYYY-\"Q\"Q')";
                case HOUR_OF_DAY -> "to_char(" + local + ", 'HH24')";
                case DAY_OF_WEEK -> "extract(isodow from " + local + ")::text";
                case QUEUE -> "queue";
            };
        }
    }

    /** The queue rows of [from, to) summed per group key (the keys joined with '|'). */
    Map<String, Tally> queues(Instant from, Instant to, String queue, List<Group> groups, String zone, int watchHour) {
        String key = groups.stream().map(g -> g.sql(zone, watchHour)).collect(Collectors.joining(" || '|' || "));
        StringBuilder select = new StringBuilder("select " + key + " as k");
        for (String c : Tally.SCALAR_COLUMNS) {
            select.append(c.equals("wait_max") ? ", max(" : ", sum(").append(c).append(")");
        }
        for (String arr : new String[] {"answered_waits", "abandoned_waits"}) {
            for (int i = 1; i <= WaitBins.COUNT; i++) {
                select.append(", sum(").append(arr).append('[').append(i).append("])");
            }
        }
        List<Object> args = new ArrayList<>();
        select.append(" from ").append(span("stats_queue_intervals", from, to,
                !groups.contains(Group.INTERVAL) && wholeHours(zone, from, to), false, args))
                .append(" where true");
        if (queue != null) {
            select.append(" and queue = ?");
            args.add(queue);
        }
        select.append(" group by 1 order by 1");
        Map<String, Tally> out = new LinkedHashMap<>();
        int n = Tally.SCALAR_COLUMNS.length;
        jdbc.query(select.toString(), rs -> {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = rs.getLong(2 + i);
            }
            long[] a = new long[WaitBins.COUNT];
            long[] b = new long[WaitBins.COUNT];
            for (int i = 0; i < WaitBins.COUNT; i++) {
                a[i] = rs.getLong(2 + n + i);
                b[i] = rs.getLong(2 + n + WaitBins.COUNT + i);
            }
            out.put(rs.getString(1), Tally.fromScalars(v, a, b));
        }, args.toArray());
        return out;
    }

    /** Per operator over [from, to): the calls (all queues, or one) and the time (signed in, states). */
    Map<String, OperatorTally> operators(Instant from, Instant to, String queue, String operator) {
        Map<String, OperatorTally> out = new HashMap<>();
        List<Object> args = new ArrayList<>();
        String calls = span("stats_operator_intervals", from, to, true, true, args);
        String where = "";
        if (queue != null) {
            where += " and queue = ?";
            args.add(queue);
        }
        if (operator != null) {
            where += " and operator = ?";
            args.add(operator);
        }
        jdbc.query("""
                select operator, sum(answered), sum(ring_no_answer), sum(answer_wait_sum), sum(talk_sum),
                       sum(wrap_up_sum), sum(wrap_up_count)
                  from %s where true %s
                 group by operator
                """.formatted(calls, where), rs -> {
            OperatorTally t = out.computeIfAbsent(rs.getString(1), k -> new OperatorTally());
            t.answered = rs.getLong(2);
            t.ringNoAnswer = rs.getLong(3);
            t.answerWaitSum = rs.getLong(4);
            t.talkSum = rs.getLong(5);
            t.wrapUpSum = rs.getLong(6);
            t.wrapUpCount = rs.getLong(7);
        }, args.toArray());
        List<Object> targs = new ArrayList<>();
        String time = span("stats_operator_time", from, to, true, true, targs);
        String twhere = "";
        if (operator != null) {
            twhere = " and operator = ?";
            targs.add(operator);
        }
        jdbc.query("""
                select operator, sum(signed_in), sum(ready), sum(wrap_up), sum(paused)
                  from %s where true %s group by operator
                """.formatted(time, twhere), rs -> {
            OperatorTally t = out.computeIfAbsent(rs.getString(1), k -> new OperatorTally());
            t.signedIn = rs.getLong(2);
            t.ready = rs.getLong(3);
            t.wrapUp = rs.getLong(4);
            t.paused = rs.getLong(5);
        }, targs.toArray());
        jdbc.query("""
                select operator, r.key, sum(r.value::bigint)
                  from %s, jsonb_each_text(paused_by_reason) r
                 where true %s group by 1, 2
                """.formatted(time, twhere), rs -> {
            out.computeIfAbsent(rs.getString(1), k -> new OperatorTally()).pausedByReason.put(rs.getString(2),
                    rs.getLong(3));
        }, targs.toArray());
        return out;
    }

    /** Seconds signed in and in each state over all operators (or one), per group key of {@code group}. */
    Map<String, long[]> stateTime(Instant from, Instant to, String operator, Group group, String zone, int watchHour) {
        List<Object> args = new ArrayList<>();
        String time = span("stats_operator_time", from, to, group != Group.INTERVAL && wholeHours(zone, from, to),
                dayAligned(group), args);
        String where = "";
        if (operator != null) {
            where = " and operator = ?";
            args.add(operator);
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        jdbc.query("select " + group.sql(zone, watchHour) + ", sum(signed_in), sum(ready), sum(wrap_up), sum(paused)"
                + " from " + time + " where true" + where
                + " group by 1 order by 1", rs -> {
            out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        }, args.toArray());
        return out;
    }
}
