package kz.line102.callcenter.stats;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads calls as {@link CallFact}s: the record (test calls left out), whether an operator's
 * phone was ringing when the caller hung up (an OperatorRang with no OperatorMissed of the
 * same operator after it), the operator's wrap-up after the call (the operator-state
 * timeline), repeat calls and call-backs (other records of the same number), and who sat at
 * the desks that were rung (operator_sessions). Reads the call, operator and security
 * modules' tables; writes nothing.
 */
public class JdbcCallFacts {

    /** A wrap-up that starts this close to a call's end belongs to it (the PBX and we log the end apart). */
    private static final String WRAP_BEFORE = "5 seconds";
    private static final String WRAP_AFTER = "30 seconds";

    private final JdbcTemplate jdbc;
    private final StatsProperties props;

    public JdbcCallFacts(JdbcTemplate jdbc, StatsProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    private static final String SQL = """
            select c.id, c.queue, c.queued_at, c.operator, c.operator_user, c.caller_number_e164, c.caller_number,
                   c.offered_at, c.answered_at, c.ended_at, c.outcome, c.wait_seconds, c.talk_seconds,
                   c.missed_operators,
                   case when c.outcome = 'abandoned' and c.answered_at is null then exists (
                       select 1 from call_events r where r.call_id = c.id and r.type = 'OperatorRang'
                          and not exists (select 1 from call_events m where m.call_id = c.id
                              and m.type = 'OperatorMissed' and m.at >= r.at
                              and (m.payload->>'body')::jsonb->>'operator' = (r.payload->>'body')::jsonb->>'operator'))
                   else false end as ringing,
                   case when c.answered_at is not null and c.operator_user is not null then (
                       select extract(epoch from coalesce(
                                  (select min(n.at) from operator_state_changes n
                                    where n.user_id = w.user_id and n.at > w.at), w.at) - w.at)
                         from operator_state_changes w join users u on u.id = w.user_id
                        where u.username = c.operator_user and w.state = 'wrap-up'
                          and w.at between c.ended_at - interval '%1$s' and c.ended_at + interval '%2$s'
                        order by w.at limit 1)
                   end as wrap_up,
                   coalesce(c.caller_number_e164, c.caller_number) is not null and exists (
                       select 1 from calls p where p.caller_number_e164 = c.caller_number_e164 and p.id <> c.id
                          and not p.test_call and p.offered_at < c.offered_at
                          and p.offered_at >= c.offered_at - ? * interval '1 second') as repeat,
                   case when c.outcome = 'abandoned' and c.answered_at is null
                        and c.caller_number_e164 is not null then (
                       select coalesce(bool_or(p.answered_at is not null), false)::int + count(*)::int * 2
                         from calls p where p.caller_number_e164 = c.caller_number_e164 and p.id <> c.id
                          and not p.test_call and p.offered_at > c.offered_at
                          and p.offered_at <= coalesce(c.ended_at, c.offered_at) + ? * interval '1 second')
                   else 0 end as callback
              from calls c
             where not c.test_call and c.offered_at >= ? and c.offered_at < ? %3$s
             order by c.offered_at, c.id
            """;

    /** Every call offered in [from, to). */
    public List<CallFact> between(Instant from, Instant to) {
        return query(from, to, "");
    }

    /** The calls with these ids offered in [from, to) (tests: one scenario's calls among others). */
    public List<CallFact> between(Instant from, Instant to, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return query(from, to, "and c.id::text = any(?)", (Object) ids.toArray(String[]::new));
    }

    private List<CallFact> query(Instant from, Instant to, String extra, Object... more) {
        Map<String, List<Session>> sessions = sessions(from, to.plus(props.callbackWindow()));
        String sql = SQL.formatted(WRAP_BEFORE, WRAP_AFTER, extra);
        List<Object> args = new ArrayList<>(List.of(props.repeatWindow().toSeconds(),
                props.callbackWindow().toSeconds(), Timestamp.from(from), Timestamp.from(to)));
        for (Object m : more) {
            args.add(m);
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement(sql);
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof String[] s) {
                    ps.setArray(i + 1, con.createArrayOf("text", s));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            return ps;
        }, (rs, n) -> fact(rs, sessions));
    }

    private CallFact fact(ResultSet rs, Map<String, List<Session>> sessions) throws SQLException {
        Instant offered = rs.getTimestamp("offered_at").toInstant();
        String outcome = rs.getString("outcome");
        CallFact.Kind kind = kind(outcome, rs.getTimestamp("answered_at") != null, rs.getTimestamp("queued_at") != null,
                rs.getBoolean("ringing"));
        String user = rs.getString("operator_user");
        String ext = rs.getString("operator");
        String operator = kind == CallFact.Kind.ANSWERED ? (user != null ? user : ext == null ? null : "ext:" + ext)
                : null;
        List<String> rna = new ArrayList<>();
        Array missed = rs.getArray("missed_operators");
        if (missed != null) {
            for (String m : (String[]) missed.getArray()) {
                rna.add(whoSatAt(sessions, m, offered));
            }
        }
        Integer wait = (Integer) rs.getObject("wait_seconds");
        Integer talk = (Integer) rs.getObject("talk_seconds");
        Object wrap = rs.getObject("wrap_up");
        int callback = rs.getInt("callback");
        return new CallFact(rs.getString("id"), rs.getString("queue"), operator,
                rs.getString("caller_number_e164"), offered, kind, wait == null ? 0 : wait, talk == null ? 0 : talk,
                wrap == null ? null : (int) Math.round(((Number) wrap).doubleValue()), rna, rs.getBoolean("repeat"),
                callback >= 2, (callback & 1) == 1);
    }

    static CallFact.Kind kind(String outcome, boolean answered, boolean queued, boolean ringing) {
        if (outcome == null) {
            return CallFact.Kind.IN_PROGRESS;
        }
        return switch (outcome) {
            case "answered" -> CallFact.Kind.ANSWERED;
            case "abandoned" -> answered ? CallFact.Kind.ANSWERED : !queued ? CallFact.Kind.ABANDONED_BEFORE_QUEUE
                    : ringing ? CallFact.Kind.ABANDONED_RINGING : CallFact.Kind.ABANDONED_IN_QUEUE;
            case "timed-out" -> CallFact.Kind.TIMED_OUT;
            default -> CallFact.Kind.FAILED;
        };
    }

    private record Session(String user, Instant start, Instant end) {
    }

    private Map<String, List<Session>> sessions(Instant from, Instant to) {
        Map<String, List<Session>> byExtension = new HashMap<>();
        jdbc.query("""
                select s.extension, u.username, s.started_at, s.ended_at from operator_sessions s
                  join users u on u.id = s.user_id
                 where s.started_at < ? and (s.ended_at is null or s.ended_at > ?)
                """, rs -> {
            Timestamp end = rs.getTimestamp("ended_at");
            byExtension.computeIfAbsent(rs.getString("extension"), k -> new ArrayList<>()).add(new Session(
                    rs.getString("username"), rs.getTimestamp("started_at").toInstant(),
                    end == null ? Instant.MAX : end.toInstant()));
        }, Timestamp.from(to), Timestamp.from(from));
        return byExtension;
    }

    private static String whoSatAt(Map<String, List<Session>> sessions, String extension, Instant at) {
        for (Session s : sessions.getOrDefault(extension, List.of())) {
            if (!at.isBefore(s.start()) && at.isBefore(s.end())) {
                return s.user();
            }
        }
        return "ext:" + extension;
    }
}
