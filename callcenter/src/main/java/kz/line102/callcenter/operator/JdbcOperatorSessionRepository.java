package kz.line102.callcenter.operator;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The operator_sessions table. */
@Repository
class JdbcOperatorSessionRepository {

    private static final String SELECT = """
            select s.*, u.username, w.name as workstation from operator_sessions s
            join users u on u.id = s.user_id join workstations w on w.id = s.workstation_id""";

    private final JdbcTemplate jdbc;

    JdbcOperatorSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OperatorSession> openForUser(long userId) {
        return jdbc.query(SELECT + " where s.user_id = ? and s.ended_at is null", ROW, userId).stream().findFirst();
    }

    Optional<OperatorSession> openAt(long workstationId) {
        return jdbc.query(SELECT + " where s.workstation_id = ? and s.ended_at is null", ROW, workstationId)
                .stream().findFirst();
    }

    List<OperatorSession> allOpen() {
        return jdbc.query(SELECT + " where s.ended_at is null order by u.username", ROW);
    }

    Optional<OperatorSession> openAtExtension(String extension) {
        return jdbc.query(SELECT + " where s.extension = ? and s.ended_at is null", ROW, extension).stream()
                .findFirst();
    }

    List<OperatorSession> recent(long userId, int limit) {
        return jdbc.query(SELECT + " where s.user_id = ? order by s.started_at desc, s.id desc limit ?", ROW,
                userId, limit);
    }

    OperatorSession open(long userId, Workstation ws) {
        Long id = jdbc.queryForObject("""
                insert into operator_sessions (user_id, workstation_id, extension, interface)
                values (?, ?, ?, ?) returning id""", Long.class, userId, ws.id(), ws.extension(), ws.iface());
        return jdbc.query(SELECT + " where s.id = ?", ROW, id).get(0);
    }

    /** @return whether a session was open */
    boolean closeForUser(long userId, String reason) {
        return jdbc.update("""
                update operator_sessions set ended_at = greatest(clock_timestamp(), started_at), end_reason = ?
                where user_id = ? and ended_at is null""", reason, userId) > 0;
    }

    /** Removes a session that never took effect (its sign-in was refused by the PBX). */
    void delete(long sessionId) {
        jdbc.update("delete from operator_sessions where id = ? and ended_at is null", sessionId);
    }

    void closeAt(long workstationId, String reason) {
        jdbc.update("""
                update operator_sessions set ended_at = greatest(clock_timestamp(), started_at), end_reason = ?
                where workstation_id = ? and ended_at is null""", reason, workstationId);
    }

    private static final RowMapper<OperatorSession> ROW = (rs, n) -> {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new OperatorSession(rs.getLong("id"), rs.getString("username"), rs.getString("workstation"),
                rs.getString("extension"), rs.getString("interface"), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), rs.getString("end_reason"));
    };
}
