package kz.line102.callcenter.stats;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seconds each operator spent signed in (operator_sessions) and in each state
 * (operator_state_changes: ready, paused by reason, wrap-up) within [from, to), the end
 * clipped to now for the running interval. A state lasts from its change to the
 * operator's next change; the one in force at {@code from} is the last change before it.
 */
class OperatorTime {

    private final JdbcTemplate jdbc;

    OperatorTime(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, OperatorTally> between(Instant from, Instant to, Instant now) {
        Instant end = to.isAfter(now) ? now : to;
        Map<String, OperatorTally> out = new HashMap<>();
        if (!end.isAfter(from)) {
            return out;
        }
        jdbc.query("""
                select u.username, greatest(s.started_at, ?) as a, least(coalesce(s.ended_at, ?), ?) as b
                  from operator_sessions s join users u on u.id = s.user_id
                 where s.started_at < ? and (s.ended_at is null or s.ended_at > ?)
                """, rs -> {
            long secs = seconds(rs.getTimestamp("a"), rs.getTimestamp("b"));
            if (secs > 0) {
                out.computeIfAbsent(rs.getString("username"), k -> new OperatorTally()).signedIn += secs;
            }
        }, Timestamp.from(from), Timestamp.from(end), Timestamp.from(end), Timestamp.from(end), Timestamp.from(from));

        record Change(String user, Instant at, String state, String reason) {
        }
        List<Change> changes = new ArrayList<>();
        jdbc.query("""
                select * from (
                    select distinct on (c.user_id) u.username, c.at, c.state, c.reason
                      from operator_state_changes c join users u on u.id = c.user_id
                     where c.at < ? order by c.user_id, c.at desc) before
                union all
                select u.username, c.at, c.state, c.reason from operator_state_changes c join users u on u.id = c.user_id
                 where c.at >= ? and c.at < ?
                order by 1, 2
                """, rs -> {
            changes.add(new Change(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                    rs.getString(4)));
        }, Timestamp.from(from), Timestamp.from(from), Timestamp.from(end));
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Instant a = c.at().isBefore(from) ? from : c.at();
            Instant b = i + 1 < changes.size() && changes.get(i + 1).user().equals(c.user()) ? changes.get(i + 1).at()
                    : end;
            long secs = Math.max(0, Duration.between(a, b).toSeconds());
            if (secs == 0) {
                continue;
            }
            OperatorTally t = out.computeIfAbsent(c.user(), k -> new OperatorTally());
            switch (c.state()) {
                case "ready" -> t.ready += secs;
                case "wrap-up" -> t.wrapUp += secs;
                case "paused" -> {
                    t.paused += secs;
                    t.pausedByReason.merge(c.reason() == null ? "" : c.reason(), secs, Long::sum);
                }
                default -> { }
            }
        }
        return out;
    }

    private static long seconds(Timestamp a, Timestamp b) {
        return Math.max(0, Duration.between(a.toInstant(), b.toInstant()).toSeconds());
    }
}
