package kz.line102.callcenter.operator;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** {@code operator_states} (one row per operator) and {@code operator_state_changes} (the timeline). */
public class JdbcOperatorStateRepository {

    private static final String SELECT = """
            select u.username, u.display_name, coalesce(st.state, 'offline') as state, st.reason,
                   coalesce(st.since, u.created_at) as since, coalesce(st.interface, s.interface) as interface,
                   w.name as workstation, coalesce(st.queues, '{}') as queues, st.wrap_up_until,
                   st.updated_at
            from users u
            left join operator_states st on st.user_id = u.id
            left join operator_sessions s on s.user_id = u.id and s.ended_at is null
            left join workstations w on w.id = s.workstation_id""";

    private final JdbcTemplate jdbc;

    public JdbcOperatorStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the operator's row (creating it) so changes from several nodes apply one after the other. */
    OperatorState lock(long userId) {
        jdbc.update("insert into operator_states (user_id, state) values (?, 'offline') on conflict do nothing",
                userId);
        jdbc.queryForObject("select 1 from operator_states where user_id = ? for update", Integer.class, userId);
        return jdbc.query(SELECT + " where u.id = ?", ROW, userId).get(0);
    }

    /**
     * Claims the operator for one change, committed at once (no transaction is open here):
     * true when nobody else holds an unexpired claim. See V72__operator_state_claims.sql.
     */
    boolean claim(long userId, String token, long millis) {
        jdbc.update("insert into operator_states (user_id, state) values (?, 'offline') on conflict do nothing",
                userId);
        return jdbc.update("""
                update operator_states set acting_token = ?,
                       acting_until = clock_timestamp() + make_interval(secs => ? / 1000.0)
                where user_id = ? and (acting_until is null or acting_until < clock_timestamp())""",
                token, millis, userId) == 1;
    }

    /** Clears the claim if it is still this one's. */
    void release(long userId, String token) {
        jdbc.update("update operator_states set acting_token = null, acting_until = null "
                + "where user_id = ? and acting_token = ?", userId, token);
    }

    Optional<OperatorState> find(String username) {
        return jdbc.query(SELECT + " where u.username = ?", ROW, username).stream().findFirst();
    }

    /** Operators with a state row or an open session: everyone a supervisor needs to see. */
    List<OperatorState> all() {
        return jdbc.query(SELECT + " where st.user_id is not null or s.id is not null order by u.username", ROW);
    }

    /** Sets the state; {@code since} moves only when the state or its reason changes. */
    void set(long userId, String state, String reason, String iface, List<String> queues, Instant wrapUpUntil) {
        jdbc.update("""
                update operator_states set
                  since = case when state is distinct from ? or reason is distinct from ? then clock_timestamp()
                               else since end,
                  state = ?, reason = ?, interface = ?, queues = ?::text[], wrap_up_until = ?, updated_at = clock_timestamp()
                where user_id = ?""", state, reason, state, reason, iface,
                // Queue names are [a-z0-9_-] (QueueConfigValidator): an array literal needs no quoting.
                "{" + String.join(",", queues) + "}",
                wrapUpUntil == null ? null : Timestamp.from(wrapUpUntil), userId);
    }

    void change(long userId, String state, String reason, String iface, String source, String actor, String detail) {
        jdbc.update("""
                insert into operator_state_changes (user_id, state, reason, interface, source, actor, detail)
                values (?, ?, ?, ?, ?, ?, ?)""", userId, state, reason, iface, source, actor, detail);
    }

    /** Wrap-ups that have run their time (each is claimed before it is ended, so one node ends it). */
    List<Long> dueWrapUps() {
        return jdbc.queryForList("""
                select user_id from operator_states where state = 'wrap-up' and wrap_up_until <= clock_timestamp()
                order by wrap_up_until limit 100""", Long.class);
    }

    Optional<OperatorState> findById(long userId) {
        return jdbc.query(SELECT + " where u.id = ?", ROW, userId).stream().findFirst();
    }

    List<Map<String, Object>> history(String username, int limit) {
        return jdbc.query("""
                select c.at, u.username, c.state, c.reason, c.interface, c.source, c.actor, c.detail
                from operator_state_changes c join users u on u.id = c.user_id
                where (?::text is null or u.username = ?) order by c.id desc limit ?""", (rs, i) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("at", rs.getTimestamp("at").toInstant());
                    row.put("username", rs.getString("username"));
                    row.put("state", rs.getString("state"));
                    row.put("reason", rs.getString("reason"));
                    row.put("iface", rs.getString("interface"));
                    row.put("source", rs.getString("source"));
                    row.put("actor", rs.getString("actor"));
                    row.put("detail", rs.getString("detail"));
                    return row;
                }, username, username, limit);
    }

    private static final org.springframework.jdbc.core.RowMapper<OperatorState> ROW = JdbcOperatorStateRepository::row;

    private static OperatorState row(ResultSet rs, int n) throws SQLException {
        Array queues = rs.getArray("queues");
        Timestamp until = rs.getTimestamp("wrap_up_until");
        return new OperatorState(rs.getString("username"), rs.getString("display_name"), rs.getString("state"),
                rs.getString("reason"), rs.getTimestamp("since").toInstant(), rs.getString("interface"),
                rs.getString("workstation"), queues == null ? List.of() : Arrays.asList((String[]) queues.getArray()),
                until == null ? null : until.toInstant(),
                rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant());
    }
}
