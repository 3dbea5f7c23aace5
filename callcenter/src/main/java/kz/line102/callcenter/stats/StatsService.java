package kz.line102.callcenter.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.incident.IncidentProperties;

/**
 * The statistics' entry point: figures of any period from the 15-minute history, grouped
 * by time, queue and operator, and figures of any list of calls (the same definition).
 */
public class StatsService {

    private final JdbcIntervals intervals;
    private final JdbcCallFacts facts;
    private final StatsProperties props;
    private final IncidentProperties centre;
    private final Clock clock;

    StatsService(JdbcIntervals intervals, JdbcCallFacts facts, StatsProperties props, IncidentProperties centre,
                 Clock clock) {
        this.intervals = intervals;
        this.facts = facts;
        this.props = props;
        this.centre = centre;
        this.clock = clock;
    }

    public StatsProperties properties() {
        return props;
    }

    public String zone() {
        return centre.zone().getId();
    }

    public Period period(String kind, String at, String from, String to) {
        return Period.of(kind, at, from, to, centre.zone(), centre.watchStartsAt(), clock.instant());
    }

    /** T and S as asked, else the configured ones; refused when they are not wait band edges. */
    public int[] thresholds(Integer sl, Integer shortAbandon) {
        int t = sl == null ? props.serviceLevelSeconds() : sl;
        int s = shortAbandon == null ? props.shortAbandonSeconds() : shortAbandon;
        if (!WaitBins.isEdge(t)) {
            throw new InvalidRequestException("'sl' must be one of " + WaitBins.edges() + " seconds, got " + t);
        }
        if (s != 0 && !WaitBins.isEdge(s - 1)) {
            throw new InvalidRequestException("'short' must be 0..61 or one more than a wait band edge, got " + s);
        }
        return new int[] {t, s};
    }

    /** One row of history: its group keys and its figures. */
    public record Row(Map<String, String> key, Figures figures) {
    }

    public record History(Instant from, Instant to, String zone, List<String> groups, List<Row> rows) {
    }

    public static List<JdbcIntervals.Group> groups(String by) {
        if (by == null || by.isBlank()) {
            return List.of(JdbcIntervals.Group.ALL);
        }
        List<JdbcIntervals.Group> out = new ArrayList<>();
        for (String g : by.split(",")) {
            String name = g.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                out.add(JdbcIntervals.Group.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("'by' takes " + Arrays.stream(JdbcIntervals.Group.values())
                        .map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ", got '" + g + "'");
            }
        }
        return out;
    }

    public History history(Period p, String queue, String by, int sl, int shortAbandon) {
        List<JdbcIntervals.Group> groups = groups(by);
        Map<String, Tally> sums = intervals.queues(p.from(), p.to(), queue, groups, zone(),
                centre.watchStartsAt().getHour());
        List<String> names = groups.stream().map(g -> g.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Tally> e : sums.entrySet()) {
            String[] parts = e.getKey().split("\\|", -1);
            Map<String, String> key = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                key.put(names.get(i), i < parts.length ? parts[i] : "");
            }
            rows.add(new Row(key, Figures.of(e.getValue(), sl, shortAbandon)));
        }
        return new History(p.from(), p.to(), zone(), names, rows);
    }

    public List<OperatorTally.Figures> operators(Period p, String queue, String operator) {
        return intervals.operators(p.from(), p.to(), queue, operator).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getValue().figures(e.getKey())).toList();
    }

    /** The figures of the calls offered in [from, to), straight from the records (no history). */
    public Figures figures(Instant from, Instant to, int sl, int shortAbandon) {
        return Figures.of(Tally.of(facts.between(from, to)), sl, shortAbandon);
    }

    /**
     * How long callers waited over a period: calls per wait band (upper edges in seconds,
     * the last band open), answered and abandoned in the queue apart.
     */
    public record Waits(Instant from, Instant to, List<Integer> upperSeconds, long[] answered, long[] abandoned) {
    }

    public Waits waits(Period p, String queue) {
        Tally t = intervals.queues(p.from(), p.to(), queue, List.of(JdbcIntervals.Group.ALL), zone(),
                centre.watchStartsAt().getHour()).getOrDefault("all", new Tally());
        return new Waits(p.from(), p.to(), WaitBins.edges(), t.answeredWaits.clone(), t.abandonedWaits.clone());
    }

    /** Operators' time in one group (an interval, hour, day…): seconds signed in, ready, in wrap-up, paused. */
    public record StateTime(String key, long signedIn, long ready, long wrapUp, long paused) {
    }

    public List<StateTime> stateTime(Period p, String operator, String by) {
        List<JdbcIntervals.Group> g = groups(by == null || by.isBlank() ? "interval" : by);
        if (g.size() != 1 || g.get(0) == JdbcIntervals.Group.QUEUE) {
            throw new InvalidRequestException("'by' takes one time grouping for operator states, got '" + by + "'");
        }
        return intervals.stateTime(p.from(), p.to(), operator, g.get(0), zone(), centre.watchStartsAt().getHour())
                .entrySet().stream().map(e -> new StateTime(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3])).toList();
    }
}
