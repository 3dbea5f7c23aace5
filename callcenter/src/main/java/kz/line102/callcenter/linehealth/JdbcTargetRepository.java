package kz.line102.callcenter.linehealth;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import kz.line102.cti.sip.ProbeResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code line_health_targets} and their probes' time series. */
@Repository
class JdbcTargetRepository {

    private static final String COLUMNS = "id, name, host, port, transport, interval_ms, timeout_ms, expected_codes,"
            + " enabled, version, updated_at, state, state_since, fail_streak, ok_streak, last_probe_at, last_outcome,"
            + " last_status, last_rtt_ms, last_detail, last_failure_at";

    private final JdbcTemplate jdbc;

    JdbcTargetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Target> all() {
        return jdbc.query("select " + COLUMNS + " from line_health_targets where deleted_at is null order by name",
                this::row);
    }

    Optional<Target> find(long id) {
        return jdbc.query("select " + COLUMNS + " from line_health_targets where id = ? and deleted_at is null",
                this::row, id).stream().findFirst();
    }

    boolean nameTaken(String name, long exceptId) {
        Boolean taken = jdbc.queryForObject("select exists (select 1 from line_health_targets where name = ?"
                + " and deleted_at is null and id <> ?)", Boolean.class, name, exceptId);
        return Boolean.TRUE.equals(taken);
    }

    Target insert(TargetRequest r) {
        return jdbc.queryForObject("insert into line_health_targets (name, host, port, transport, interval_ms,"
                        + " timeout_ms, expected_codes, enabled) values (?, ?, ?, ?, ?, ?, ?::integer[], ?) returning "
                        + COLUMNS, this::row, r.normalName(), r.host(), r.port(), r.normalTransport(), r.intervalMs(),
                r.timeoutMs(), codes(r.codes()), r.isEnabled());
    }

    /** Empty when the target is gone or its version is not {@code version}. */
    Optional<Target> update(long id, int version, TargetRequest r) {
        return jdbc.query("update line_health_targets set name = ?, host = ?, port = ?, transport = ?,"
                        + " interval_ms = ?, timeout_ms = ?, expected_codes = ?::integer[], enabled = ?,"
                        + " version = version + 1, updated_at = clock_timestamp()"
                        + " where id = ? and version = ? and deleted_at is null returning " + COLUMNS, this::row,
                r.normalName(), r.host(), r.port(), r.normalTransport(), r.intervalMs(), r.timeoutMs(),
                codes(r.codes()), r.isEnabled(), id, version).stream().findFirst();
    }

    boolean delete(long id) {
        return jdbc.update("update line_health_targets set deleted_at = clock_timestamp(), enabled = false,"
                + " owner = null, lease_until = null where id = ? and deleted_at is null", id) == 1;
    }

    /**
     * Takes the enabled targets nobody holds (or whose holder's lease ran out) and renews
     * this node's own, in one statement: the result is every target this node probes now.
     */
    List<Target> claim(String node, Duration lease) {
        return jdbc.query("update line_health_targets set owner = ?,"
                + " lease_until = clock_timestamp() + ? * interval '1 millisecond'"
                + " where deleted_at is null and enabled"
                + " and (owner = ? or owner is null or lease_until < clock_timestamp()) returning " + COLUMNS,
                this::row, node, lease.toMillis(), node);
    }

    void release(String node) {
        jdbc.update("update line_health_targets set owner = null, lease_until = null where owner = ?", node);
    }

    /** Records the owner's view after a probe; false when this node no longer owns the target. */
    boolean saveState(long id, String node, TargetHealth health, TargetState before, ProbeResult r) {
        return jdbc.update("update line_health_targets set state = ?, fail_streak = ?, ok_streak = ?,"
                        + " state_since = case when state = ? then state_since else ? end,"
                        + " last_probe_at = ?, last_outcome = ?, last_status = ?, last_rtt_ms = ?, last_detail = ?,"
                        + " last_failure_at = case when ? then last_failure_at else ? end"
                        + " where id = ? and owner = ? and deleted_at is null",
                health.state().code(), health.failStreak(), health.okStreak(), health.state().code(),
                Timestamp.from(r.at()), Timestamp.from(r.at()), r.outcome().code(),
                r.status() == 0 ? null : r.status(), millis(r.rtt()), r.detail(), r.ok(), Timestamp.from(r.at()),
                id, node) == 1;
    }

    void insertProbe(long targetId, ProbeResult r) {
        jdbc.update("insert into line_health_probes (target_id, at, outcome, status, rtt_ms, detail)"
                        + " values (?, ?, ?, ?, ?, ?)", targetId, Timestamp.from(r.at()), r.outcome().code(),
                r.status() == 0 ? null : r.status(), millis(r.rtt()), r.detail());
    }

    record Probe(Instant at, String outcome, Integer status, double rttMs, String detail) {
    }

    /** The newest first. {@code failuresOnly} leaves out the good ones. */
    List<Probe> probes(long targetId, Instant since, boolean failuresOnly, int limit) {
        return jdbc.query("select at, outcome, status, rtt_ms, detail from line_health_probes where target_id = ?"
                        + " and at >= ?" + (failuresOnly ? " and outcome <> 'ok'" : "")
                        + " order by at desc limit ?",
                (rs, i) -> new Probe(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        (Integer) rs.getObject(3), rs.getDouble(4), rs.getString(5)),
                targetId, Timestamp.from(since), limit);
    }

    int prune(Instant before) {
        return jdbc.update("delete from line_health_probes where at < ?", Timestamp.from(before));
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }

    private static String codes(List<Integer> codes) {
        return codes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private Target row(ResultSet rs, int n) throws SQLException {
        Array codes = rs.getArray(8);
        List<Integer> expected = Arrays.stream((Integer[]) codes.getArray()).toList();
        return new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), expected, rs.getBoolean(9), rs.getInt(10), instant(rs, 11),
                TargetState.ofCode(rs.getString(12)), instant(rs, 13), rs.getInt(14), rs.getInt(15), instant(rs, 16),
                rs.getString(17), (Integer) rs.getObject(18), (Double) rs.getObject(19), rs.getString(20),
                instant(rs, 21));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
