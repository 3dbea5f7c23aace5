package kz.line102.callcenter.security;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The need-to-know rule for calls (see package-info): whether a call is one of this
 * user's, found from the call's own events and the user's sign-in history. Read-only;
 * knows nothing of the web.
 */
@Component
public class CallAccess {

    /**
     * The desk a call reached, at the time it reached it: a ring, an answer or a
     * completion at the extension (or interface) of one of the user's sessions while
     * that session was open. The few seconds of grace cover the PBX's and the
     * database's clocks disagreeing; a queue rings a desk only after its sign-in.
     */
    private static final String AT_USERS_DESK = """
            from call_events e
            join operator_sessions s
              on ((e.payload->>'body')::jsonb->>'operator') in (s.extension, s.interface)
             and e.at >= s.started_at - interval '5 seconds'
             and (s.ended_at is null or e.at <= s.ended_at + interval '5 seconds')
            join users u on u.id = s.user_id
            where e.type in ('OperatorRang', 'CallAnswered', 'CallCompleted') and u.username = ?
            """;
    private static final String ANSWERED_AT_USERS_DESK = AT_USERS_DESK.replace(
            "('OperatorRang', 'CallAnswered', 'CallCompleted')", "('CallAnswered', 'CallCompleted')");

    private final JdbcTemplate jdbc;
    private final CurrentWatch watch;

    CallAccess(JdbcTemplate jdbc, CurrentWatch watch) {
        this.jdbc = jdbc;
        this.watch = watch;
    }

    /** The call rang or was answered at this user's desk, since the current watch began. */
    public boolean handledInWatch(String username, UUID callId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 " + AT_USERS_DESK
                + " and e.call_id = ? and e.at >= ?)", Boolean.class, username, callId, since()));
    }

    /** This user answered the call (at their desk, while signed in there), whenever that was. */
    public boolean answeredBy(String username, Collection<UUID> callIds) {
        if (callIds.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.query(con -> {
            var ps = con.prepareStatement("select exists (select 1 " + ANSWERED_AT_USERS_DESK
                    + " and e.call_id = any(?))");
            ps.setString(1, username);
            ps.setArray(2, con.createArrayOf("uuid", callIds.toArray()));
            return ps;
        }, rs -> rs.next() && rs.getBoolean(1)));
    }

    /** The call was answered by someone, at a desk not this user's: another operator's call. */
    public boolean answeredElsewhere(String username, UUID callId) {
        boolean answered = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from call_events where call_id = ? and type = 'CallAnswered')",
                Boolean.class, callId));
        return answered && !answeredBy(username, java.util.List.of(callId));
    }

    /** The call was offered (or first seen) since the current watch began. */
    public boolean inWatch(UUID callId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from calls c where c.id = ?
                  and coalesce(c.offered_at, (select min(at) from call_events where call_id = c.id)) >= ?)""",
                Boolean.class, callId, since()));
    }

    /** The latest call of this watch from the number (raw as sent, or E.164) that rang at or was answered at this user's desk. */
    public Optional<UUID> handledCallFrom(String username, String raw, String e164) {
        return jdbc.query("select e.call_id " + AT_USERS_DESK.replace("from call_events e",
                        "from calls c join call_events e on e.call_id = c.id")
                        + " and (c.caller_number = ? or c.caller_number_e164 = ?) and e.at >= ?"
                        + " order by e.at desc limit 1",
                (rs, n) -> rs.getObject(1, UUID.class), username, raw, e164 == null ? raw : e164, since())
                .stream().findFirst();
    }

    /** The latest call of this watch from the number, whoever took it (the duty officer's view). */
    public Optional<UUID> callInWatchFrom(String raw, String e164) {
        return jdbc.query("""
                        select id from calls where (caller_number = ? or caller_number_e164 = ?) and offered_at >= ?
                        order by offered_at desc limit 1""",
                (rs, n) -> rs.getObject(1, UUID.class), raw, e164 == null ? raw : e164, since()).stream().findFirst();
    }

    private Timestamp since() {
        return Timestamp.from(watch.currentWatchStart());
    }
}
