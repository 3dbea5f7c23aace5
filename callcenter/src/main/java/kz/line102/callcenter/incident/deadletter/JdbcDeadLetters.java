package kz.line102.callcenter.incident.deadletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Dead jobs with their cards' KUI numbers, read in one query for the page; a call
 * intake hand-off has a call instead of a card.
 */
@Repository
class JdbcDeadLetters {

    private final JdbcTemplate jdbc;

    JdbcDeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code step} null for every step. */
    List<DeadLetter> list(String step, int limit) {
        return jdbc.query("""
                select j.id, j.step, j.target, j.incident_id, i.kui_number, i.status, j.attempts, j.last_error,
                    j.created_at, j.updated_at, j.call_id
                from incident_jobs j left join incidents i on i.id = j.incident_id
                where j.status = 'dead' and (?::text is null or j.step = ?)
                order by j.updated_at desc, j.id desc limit ?""", ROW, step, step, limit);
    }

    Optional<DeadLetter> find(long jobId) {
        return jdbc.query("""
                select j.id, j.step, j.target, j.incident_id, i.kui_number, i.status, j.attempts, j.last_error,
                    j.created_at, j.updated_at, j.call_id
                from incident_jobs j left join incidents i on i.id = j.incident_id
                where j.id = ? and j.status = 'dead'""", ROW, jobId).stream().findFirst();
    }

    int count() {
        Integer n = jdbc.queryForObject("select count(*) from incident_jobs where status = 'dead'", Integer.class);
        return n == null ? 0 : n;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<DeadLetter> ROW = (rs, n) -> new DeadLetter(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getInt(7),
            rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getObject(11, UUID.class));
}
