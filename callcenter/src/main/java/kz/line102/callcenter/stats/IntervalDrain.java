package kz.line102.callcenter.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the 15-minute history right. Each pass (one node at a time: a PostgreSQL advisory
 * lock) finds the call records changed since the last pass by their {@code updated_at}
 * (a late event, a record rebuilt from the PBX's logs, the sweeper's end) and the new
 * operator-state changes, marks the intervals whose figures they change (the call's
 * interval now and where it was counted before, and the intervals of the same number's
 * calls whose repeat or call-back status it changes), marks each interval once more when
 * it closes (signed-in time accrues without events), and recomputes marked intervals whole
 * from the records. Records are read up to {@link #SETTLE} before now: a transaction that
 * stamped updated_at earlier but commits later is still seen.
 */
public class IntervalDrain {

    private static final Logger log = LoggerFactory.getLogger(IntervalDrain.class);
    private static final long LOCK = 0x57a75L;
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final int BATCH = 2_000;
    private static final int INTERVALS_PER_PASS = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JdbcCallFacts facts;
    private final OperatorTime time;
    private final JdbcIntervals intervals;
    private final StatsProperties props;
    private final Clock clock;

    IntervalDrain(JdbcTemplate jdbc, TransactionTemplate tx, JdbcCallFacts facts, JdbcIntervals intervals,
                  StatsProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.facts = facts;
        this.time = new OperatorTime(jdbc);
        this.intervals = intervals;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${line102.callcenter.stats.drain-period:1s}", initialDelayString = "2s")
    public void scheduled() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("statistics history not brought up to date this pass (retried next pass): {}", e.toString());
        }
    }

    /** One pass; returns how many intervals were recomputed (0 when another node holds the lock). */
    public int pass() {
        if (!intervals.daysCut()) {
            tx.executeWithoutResult(s -> {
                if (locked()) {
                    intervals.cutDays();
                }
            });
        }
        Boolean marked = tx.execute(s -> locked() && mark());
        if (!Boolean.TRUE.equals(marked)) {
            return 0;
        }
        int done = 0;
        List<Object[]> due = jdbc.query("select interval_start, marked_at from stats_dirty_intervals "
                + "order by interval_start limit " + INTERVALS_PER_PASS,
                (rs, n) -> new Object[] {rs.getTimestamp(1), rs.getTimestamp(2)});
        for (Object[] d : due) {
            Timestamp start = (Timestamp) d[0];
            Boolean ok = tx.execute(s -> {
                if (!locked()) {
                    return false;
                }
                recompute(start.toInstant());
                jdbc.update("delete from stats_dirty_intervals where interval_start = ? and marked_at <= ?", start,
                        d[1]);
                return true;
            });
            if (Boolean.TRUE.equals(ok)) {
                done++;
            }
        }
        if (done > 0) {
            log.debug("statistics: {} intervals recomputed", done);
        }
        return done;
    }

    /** Recomputes one interval whole (also used by tests and the benchmark's load). */
    public void recompute(Instant start) {
        Instant end = start.plus(JdbcIntervals.INTERVAL);
        List<CallFact> f = facts.between(start, end);
        Map<String, OperatorTally> t = time.between(start, end, clock.instant());
        intervals.write(start, f, t);
    }

    private boolean locked() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK));
    }

    private boolean mark() {
        Instant now = clock.instant();
        TreeSet<Instant> dirty = new TreeSet<>();
        markCalls(now, dirty);
        markStates(dirty);
        markClosed(now, dirty);
        for (Instant i : dirty) {
            jdbc.update("""
                    insert into stats_dirty_intervals (interval_start) values (?)
                    on conflict (interval_start) do update set marked_at = clock_timestamp()
                    """, Timestamp.from(i));
        }
        return true;
    }

    private void markCalls(Instant now, TreeSet<Instant> dirty) {
        List<Object[]> marks = jdbc.query("select read_until, last_key from stats_marks where name = 'calls'",
                (rs, n) -> new Object[] {rs.getTimestamp(1), rs.getString(2)});
        Timestamp after = marks.isEmpty() ? new Timestamp(0) : (Timestamp) marks.get(0)[0];
        String afterId = marks.isEmpty() ? "00000000-0000-0000-0000-000000000000" : (String) marks.get(0)[1];
        record Changed(String id, Timestamp offered, Timestamp updated, String number, Timestamp was) {
        }
        List<Changed> changed = jdbc.query("""
                select c.id::text, c.offered_at, c.updated_at, c.caller_number_e164, m.interval_start
                  from calls c left join stats_call_marks m on m.call_id = c.id
                 where (c.updated_at, c.id) > (?, ?::uuid) and c.updated_at < ?
                 order by c.updated_at, c.id limit ?
                """, (rs, n) -> new Changed(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getString(4),
                rs.getTimestamp(5)), after, afterId, Timestamp.from(now.minus(SETTLE)), BATCH);
        if (changed.isEmpty()) {
            return;
        }
        Duration reach = props.repeatWindow().plus(props.callbackWindow()).plus(Duration.ofHours(1));
        for (Changed c : changed) {
            if (c.was() != null) {
                dirty.add(c.was().toInstant());
            }
            if (c.offered() == null) {
                continue;
            }
            Instant interval = JdbcIntervals.floor(c.offered().toInstant());
            dirty.add(interval);
            jdbc.update("""
                    insert into stats_call_marks (call_id, interval_start) values (?::uuid, ?)
                    on conflict (call_id) do update set interval_start = excluded.interval_start
                    """, c.id(), Timestamp.from(interval));
            if (c.number() != null) {
                jdbc.query("""
                        select distinct offered_at from calls where caller_number_e164 = ?
                           and offered_at between ? and ? and id <> ?::uuid
                        """, rs -> {
                    dirty.add(JdbcIntervals.floor(rs.getTimestamp(1).toInstant()));
                }, c.number(), Timestamp.from(c.offered().toInstant().minus(reach)),
                        Timestamp.from(c.offered().toInstant().plus(reach)), c.id());
            }
        }
        Changed last = changed.get(changed.size() - 1);
        jdbc.update("""
                insert into stats_marks (name, read_until, last_key) values ('calls', ?, ?)
                on conflict (name) do update set read_until = excluded.read_until, last_key = excluded.last_key
                """, last.updated(), last.id());
    }

    private void markStates(TreeSet<Instant> dirty) {
        Long last = jdbc.query("select last_id from stats_marks where name = 'states'", rs -> rs.next()
                ? (Long) rs.getObject(1) : null);
        long from = last == null ? 0 : last;
        List<Object[]> rows = jdbc.query("""
                select c.id, c.at, (select max(p.at) from operator_state_changes p
                                     where p.user_id = c.user_id and p.at < c.at) as prev
                  from operator_state_changes c where c.id > ? order by c.id limit ?
                """, (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3)}, from, BATCH);
        if (rows.isEmpty()) {
            return;
        }
        for (Object[] r : rows) {
            Instant at = ((Timestamp) r[1]).toInstant();
            Instant prev = r[2] == null ? at : ((Timestamp) r[2]).toInstant();
            if (Duration.between(prev, at).toHours() > 24) {
                prev = at.minus(Duration.ofHours(24));
            }
            for (Instant i = JdbcIntervals.floor(prev); !i.isAfter(at); i = i.plus(JdbcIntervals.INTERVAL)) {
                dirty.add(i);
            }
        }
        jdbc.update("""
                insert into stats_marks (name, last_id) values ('states', ?)
                on conflict (name) do update set last_id = excluded.last_id
                """, rows.get(rows.size() - 1)[0]);
    }

    private void markClosed(Instant now, TreeSet<Instant> dirty) {
        Instant current = JdbcIntervals.floor(now);
        Timestamp closed = jdbc.query("select read_until from stats_marks where name = 'closed'",
                rs -> rs.next() ? rs.getTimestamp(1) : null);
        Instant from = closed == null ? current.minus(JdbcIntervals.INTERVAL) : closed.toInstant();
        if (Duration.between(from, current).toDays() > 7) {
            from = current.minus(Duration.ofDays(7));
        }
        List<Instant> ended = new ArrayList<>();
        for (Instant i = from; i.isBefore(current); i = i.plus(JdbcIntervals.INTERVAL)) {
            ended.add(i);
        }
        dirty.addAll(ended);
        jdbc.update("""
                insert into stats_marks (name, read_until) values ('closed', ?)
                on conflict (name) do update set read_until = excluded.read_until
                """, Timestamp.from(current));
    }
}
