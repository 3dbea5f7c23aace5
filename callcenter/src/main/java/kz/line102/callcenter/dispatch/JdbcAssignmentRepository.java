package kz.line102.callcenter.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code incident_units}. */
@Repository
class JdbcAssignmentRepository {

    private static final String SELECT = "select a.id, a.incident_id, a.unit_id, u.call_sign, u.kind, u.status,"
            + " a.priority, a.assigned_at, a.assigned_by, a.deadline_at, a.arrived_at, a.arrived_by, a.released_at,"
            + " a.released_by, a.release_note, a.late_alerted_at,"
            + " coalesce(a.arrived_at, case when a.released_at is null then clock_timestamp() end) > a.deadline_at"
            + " from incident_units a join units u on u.id = a.unit_id";

    private final JdbcTemplate jdbc;

    JdbcAssignmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(UUID incidentId, long unitId, int priority, String by, Duration deadline) {
        // One reading of the clock for both, so the deadline is exactly the configured time after the sending.
        Long id = jdbc.queryForObject("with now as (select clock_timestamp() as at) insert into incident_units"
                        + " (incident_id, unit_id, priority, assigned_by, assigned_at, deadline_at)"
                        + " select ?, ?, ?, ?, now.at, now.at + ? * interval '1 millisecond' from now returning id",
                Long.class, incidentId, unitId, priority, by, deadline.toMillis());
        return id == null ? 0 : id;
    }

    Optional<Assignment> find(long id) {
        return jdbc.query(SELECT + " where a.id = ?", this::row, id).stream().findFirst();
    }

    /** The unit's sending to this card that is not yet released. */
    Optional<Assignment> active(UUID incidentId, long unitId) {
        return jdbc.query(SELECT + " where a.incident_id = ? and a.unit_id = ? and a.released_at is null", this::row,
                incidentId, unitId).stream().findFirst();
    }

    List<Assignment> ofIncident(UUID incidentId) {
        return jdbc.query(SELECT + " where a.incident_id = ? order by a.assigned_at, a.id", this::row, incidentId);
    }

    List<Assignment> activeOfIncident(UUID incidentId) {
        return jdbc.query(SELECT + " where a.incident_id = ? and a.released_at is null order by a.id", this::row,
                incidentId);
    }

    /** Sendings past their deadline with no arrival, release or alert yet. */
    List<Assignment> overdue(int limit) {
        return jdbc.query(SELECT + " where a.arrived_at is null and a.released_at is null and a.late_alerted_at is null"
                + " and a.deadline_at <= clock_timestamp() order by a.deadline_at limit ?", this::row, limit);
    }

    void arrived(long id, String by) {
        jdbc.update("update incident_units set arrived_at = clock_timestamp(), arrived_by = ? where id = ?", by, id);
    }

    void released(long id, String by, String note) {
        jdbc.update("update incident_units set released_at = clock_timestamp(), released_by = ?, release_note = ?"
                + " where id = ?", by, note, id);
    }

    void lateAlerted(long id) {
        jdbc.update("update incident_units set late_alerted_at = clock_timestamp() where id = ?"
                + " and late_alerted_at is null", id);
    }

    private Assignment row(ResultSet rs, int n) throws SQLException {
        return new Assignment(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4),
                UnitKind.ofCode(rs.getString(5)).orElseThrow(), UnitStatus.ofCode(rs.getString(6)).orElseThrow(),
                rs.getInt(7), instant(rs, 8), rs.getString(9), instant(rs, 10), instant(rs, 11), rs.getString(12),
                instant(rs, 13), rs.getString(14), rs.getString(15), instant(rs, 16), rs.getBoolean(17));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
