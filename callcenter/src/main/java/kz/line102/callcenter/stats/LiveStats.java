package kz.line102.callcenter.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.call.CallIntakeListener;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.cti.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live sliding windows (last 15 min, last hour, this watch, today) per queue. A commit
 * on any node asks for a recomputation, done at most {@code live-period} later on that
 * node from PostgreSQL (the same facts and definition as the history), published on a
 * Redis channel that every node's {@link StatsRelay} hands to its sockets: every node
 * shows the same snapshot, the newest by {@code at}. Thresholds are checked on each
 * snapshot ({@link Breaches}).
 */
public class LiveStats implements CallIntakeListener {

    private static final Logger log = LoggerFactory.getLogger(LiveStats.class);
    static final List<String> WINDOWS = List.of("15m", "1h", "watch", "today");

    private final JdbcCallFacts facts;
    private final JdbcTemplate jdbc;
    private final JdbcIntervals intervals;
    private final StatsProperties props;
    private final IncidentProperties centre;
    private final UnifiedJedis redis;
    private final JsonMapper json;
    private final Clock clock;
    private final String channel;
    private final Breaches breaches;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stats-live");
        t.setDaemon(true);
        return t;
    });
    private volatile Snapshot latest;
    /** This node's last computation of the current watch per queue, kept as counts for any T. */
    private volatile Map<String, Tally> watchTallies = Map.of();
    private volatile Instant watchTalliesAt = Instant.EPOCH;

    LiveStats(JdbcCallFacts facts, JdbcIntervals intervals, JdbcTemplate jdbc, StatsProperties props, IncidentProperties centre,
              UnifiedJedis redis, JsonMapper json, Clock clock, RedisKeys keys, Breaches breaches) {
        this.facts = facts;
        this.intervals = intervals;
        this.jdbc = jdbc;
        this.props = props;
        this.centre = centre;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.channel = channel(keys);
        this.breaches = breaches;
    }

    static String channel(RedisKeys keys) {
        return keys.key("callcenter:stats:live");
    }

    /** One queue now: callers waiting, the longest wait, and each window's figures. */
    public record QueueLive(String queue, int waiting, long longestWaitSeconds, Map<String, Figures> windows) {
    }

    public record Snapshot(Instant at, String zone, Map<String, Instant> windowStarts, List<QueueLive> queues) {

        public QueueLive queue(String name) {
            return queues.stream().filter(q -> q.queue().equals(name)).findFirst().orElse(null);
        }
    }

    @Override
    public void committed(List<CallEvent> newEvents, List<CallRecord> changedCalls) {
        if (!changedCalls.isEmpty() && pending.compareAndSet(false, true)) {
            worker.schedule(this::publishNow, props.livePeriod().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Recomputes, publishes to every node and checks the thresholds. */
    public Snapshot publishNow() {
        pending.set(false);
        try {
            Snapshot s = compute();
            latest = s;
            redis.publish(channel, json.writeValueAsString(s));
            breaches.check(s);
            return s;
        } catch (RuntimeException e) {
            log.warn("live statistics not published ({}): the next commit or tick tries again", e.toString());
            return null;
        }
    }

    void received(Snapshot s) {
        Snapshot l = latest;
        if (l == null || !s.at().isBefore(l.at())) {
            latest = s;
        }
    }

    public Snapshot snapshot() {
        Snapshot s = latest;
        return s != null ? s : compute();
    }

    Snapshot compute() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(centre.zone()).toLocalDate();
        Instant todayStart = today.atStartOfDay(centre.zone()).toInstant();
        Instant watchStart = Period.of("watch", null, null, null, centre.zone(), centre.watchStartsAt(), now).from();
        Map<String, Instant> starts = new LinkedHashMap<>();
        starts.put("15m", now.minus(Duration.ofMinutes(15)));
        starts.put("1h", now.minus(Duration.ofHours(1)));
        starts.put("watch", watchStart);
        starts.put("today", todayStart);
        // The last 75 minutes or so from the records; the older part of the watch and the day
        // from the 15-minute history (settled by then), so a recomputation reads a few hundred
        // records, not a day's worth.
        Instant recent = JdbcIntervals.floor(now.minus(Duration.ofHours(1)));
        List<CallFact> calls = facts.between(recent, now.plusSeconds(1));
        Map<String, Map<String, Tally>> older = new HashMap<>();
        for (String w : List.of("watch", "today")) {
            Instant s = starts.get(w);
            older.put(w, s.isBefore(recent) ? intervals.queues(s, recent, null, List.of(JdbcIntervals.Group.QUEUE),
                    centre.zone().getId(), centre.watchStartsAt().getHour()) : Map.of());
        }
        Map<String, int[]> waiting = waiting(now);
        TreeSet<String> queues = new TreeSet<>(waiting.keySet());
        calls.forEach(c -> queues.add(c.queue()));
        older.values().forEach(m -> queues.addAll(m.keySet()));
        List<QueueLive> out = new ArrayList<>();
        Map<String, Tally> watch = new HashMap<>();
        for (String q : queues) {
            Map<String, Figures> windows = new LinkedHashMap<>();
            for (Map.Entry<String, Instant> w : starts.entrySet()) {
                Tally t = new Tally();
                Instant s = w.getValue().isBefore(recent) && older.containsKey(w.getKey()) ? recent : w.getValue();
                calls.stream().filter(c -> c.queue().equals(q) && !c.offeredAt().isBefore(s)).forEach(t::add);
                Tally before = older.getOrDefault(w.getKey(), Map.of()).get(q);
                if (before != null) {
                    t.merge(before);
                }
                windows.put(w.getKey(), Figures.of(t, props.serviceLevelSeconds(), props.shortAbandonSeconds()));
                if (w.getKey().equals("watch")) {
                    watch.put(q, t);
                }
            }
            int[] wq = waiting.getOrDefault(q, new int[2]);
            out.add(new QueueLive(q, wq[0], wq[1], windows));
        }
        watchTallies = watch;
        watchTalliesAt = now;
        return new Snapshot(now, centre.zone().getId(), starts, out);
    }

    /**
     * A queue's figures over the current watch with its own T (the wallboard's service
     * level: the queue's configured {@code servicelevel}), by the one definition. T that is
     * no wait band edge is taken down to the nearest edge below. Recomputed here when this
     * node's counts are older than a second and than the newest snapshot of any node.
     */
    public synchronized Figures watch(String queue, int serviceLevelSeconds) {
        Snapshot l = latest;
        Instant now = clock.instant();
        if (Duration.between(watchTalliesAt, now).toMillis() > 1000
                && (l == null || l.at().isAfter(watchTalliesAt))) {
            compute();
        }
        int t = WaitBins.edges().stream().filter(e -> e <= serviceLevelSeconds).max(Integer::compare).orElse(0);
        return Figures.of(watchTallies.getOrDefault(queue, new Tally()), t, props.shortAbandonSeconds());
    }

    /** Callers in a queue now: queued, neither answered nor ended (within the last day: older ones are lost records). */
    private Map<String, int[]> waiting(Instant now) {
        Map<String, int[]> out = new HashMap<>();
        jdbc.query("""
                select queue, count(*), min(queued_at) from calls
                 where not test_call and queued_at is not null and answered_at is null and ended_at is null
                   and outcome is null and queued_at > ? group by queue
                """, rs -> {
            long longest = Math.max(0, Duration.between(rs.getTimestamp(3).toInstant(), now).toSeconds());
            out.put(rs.getString(1), new int[] {rs.getInt(2), (int) longest});
        }, Timestamp.from(now.minus(Duration.ofDays(1))));
        return out;
    }

    /** Every node republishes now and then, so a quiet queue's windows still slide and a new screen is current. */
    void tick() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::publishNow);
        }
    }

    void close() {
        worker.shutdownNow();
    }

    static Consumer<String> reader(JsonMapper json, Consumer<Snapshot> to) {
        return text -> to.accept(json.readValue(text, Snapshot.class));
    }
}
