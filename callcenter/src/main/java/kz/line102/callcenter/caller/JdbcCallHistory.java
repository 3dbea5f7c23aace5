package kz.line102.callcenter.caller;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.line102.callcenter.caller.CallerCard.RecentCall;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Calls from one number, read straight from the {@code calls} table (a read model:
 * the {@code call} package depends on this one for number normalisation, so this
 * one does not depend back). One indexed query gives the list and every count.
 */
@Repository
class JdbcCallHistory {

    private static final String QUERY = """
            select id, offered_at, outcome,
                count(*) over () as n30,
                count(*) filter (where offered_at >= ?) over () as n24,
                max(offered_at) filter (where outcome in ('abandoned', 'timed-out') and offered_at >= ?) over ()
                    as abandoned,
                max(offered_at) filter (where outcome = 'answered') over () as answered
            from calls where %s = ? and offered_at >= ? and not test_call
            order by offered_at desc, id desc limit ?""";
    private static final String BY_E164 = QUERY.formatted("caller_number_e164");
    private static final String BY_RAW = QUERY.formatted("caller_number");

    private final JdbcTemplate jdbc;

    JdbcCallHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record History(int last24h, int last30d, List<RecentCall> recent, Instant lastAbandoned, Instant lastAnswered) {
        static final History NONE = new History(0, 0, List.of(), null, null);
    }

    History byE164(String e164, Instant now, int limit) {
        return query(BY_E164, e164, now, limit);
    }

    /** For numbers that do not normalise: the same raw text is the best identity there is. */
    History byRaw(String raw, Instant now, int limit) {
        return query(BY_RAW, raw, now, limit);
    }

    private History query(String sql, String number, Instant now, int limit) {
        Timestamp day = Timestamp.from(now.minus(Duration.ofHours(24)));
        Timestamp hour = Timestamp.from(now.minus(Duration.ofHours(1)));
        Timestamp month = Timestamp.from(now.minus(Duration.ofDays(30)));
        List<RecentCall> recent = new ArrayList<>();
        int[] counts = new int[2];
        Instant[] times = new Instant[2];
        jdbc.query(sql, rs -> {
            if (recent.isEmpty()) {
                counts[0] = rs.getInt("n24");
                counts[1] = rs.getInt("n30");
                times[0] = instant(rs.getTimestamp("abandoned"));
                times[1] = instant(rs.getTimestamp("answered"));
            }
            String outcome = rs.getString("outcome");
            recent.add(new RecentCall(rs.getString("id"), rs.getTimestamp("offered_at").toInstant(),
                    outcome == null ? "in-progress" : outcome));
        }, day, hour, number, month, limit);
        return recent.isEmpty() ? History.NONE : new History(counts[0], counts[1], recent, times[0], times[1]);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
