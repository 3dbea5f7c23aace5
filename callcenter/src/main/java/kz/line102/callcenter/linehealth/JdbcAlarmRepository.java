package kz.line102.callcenter.linehealth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code line_health_incidents}: at most one open per condition; rows are never deleted. */
@Repository
class JdbcAlarmRepository {

    private static final String COLUMNS = "id, kind, target_id, subject, started_at, ended_at, alert_id, detail";

    private final JdbcTemplate jdbc;

    JdbcAlarmRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An incident of a condition; {@code targetId} null for the test calls. */
    record Alarm(long id, String kind, Long targetId, String subject, Instant startedAt, Instant endedAt,
                 Long alertId, String detail) {
    }

    /** The new incident, or empty when one is open for the condition already (another node, a retry). */
    Optional<Alarm> open(String kind, Long targetId, String subject, String detail) {
        return jdbc.query("insert into line_health_incidents (kind, target_id, subject, detail) values (?, ?, ?, ?)"
                        + " on conflict (kind, coalesce(target_id, 0)) where ended_at is null do nothing returning "
                        + COLUMNS, this::row, kind, targetId, subject, detail).stream().findFirst();
    }

    void attachAlert(long id, long alertId) {
        jdbc.update("update line_health_incidents set alert_id = ? where id = ?", alertId, id);
    }

    /** Ends the open incident of the condition; empty when none was open. */
    Optional<Alarm> close(String kind, Long targetId) {
        return jdbc.query("update line_health_incidents set ended_at = clock_timestamp() where kind = ?"
                        + " and coalesce(target_id, 0) = coalesce(?, 0) and ended_at is null returning " + COLUMNS,
                this::row, kind, targetId).stream().findFirst();
    }

    List<Alarm> recent(Instant since, int limit) {
        return jdbc.query("select " + COLUMNS + " from line_health_incidents where started_at >= ? or ended_at is null"
                + " order by started_at desc, id desc limit ?", this::row, Timestamp.from(since), limit);
    }

    List<Alarm> ofTarget(long targetId, int limit) {
        return jdbc.query("select " + COLUMNS + " from line_health_incidents where target_id = ?"
                + " order by started_at desc, id desc limit ?", this::row, targetId, limit);
    }

    private Alarm row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp(6);
        return new Alarm(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), ended == null ? null : ended.toInstant(), (Long) rs.getObject(7),
                rs.getString(8));
    }
}
