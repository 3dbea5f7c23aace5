package kz.line102.callcenter.linehealth;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kz.line102.cti.sip.ProbeResult;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code line_health_targets} (the rows the target set in force is kept in, with each
 * target's state and lease; see {@link JdbcTargetSync}) and their probes' time series.
 */
@Repository
class JdbcTargetRepository {

    private static final String COLUMNS = "id, name, host, port, transport, interval_ms, timeout_ms, expected_codes,"
            + " enabled, version, updated_at, state, state_since, fail_streak, ok_streak, last_probe_at, last_outcome,"
            + " last_status, last_rtt_ms, last_detail, last_failure_at, failures_to_down, successes_to_up, degraded_window,"
            + " slow_rtt_ms";

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

    /**
     * One target's results of a batch, folded: its state after the last of them, the last
     * result, when the state last changed and when it last failed within the batch.
     */
    record StateRow(long id, TargetHealth health, ProbeResult last, java.time.Instant changedAt,
                    java.time.Instant failedAt) {
    }

    /**
     * Records a batch of probe results, in two statements whatever its size: the time
     * series and each target's latest state. Returns the targets this node still owns
     * (a state is written only for those; the others were taken over or removed).
     */
    Set<Long> record(String node, List<Long> probeTargets, List<ProbeResult> probes, List<StateRow> states) {
        return jdbc.execute((ConnectionCallback<Set<Long>>) c -> {
            int n = probes.size();
            Long[] ids = probeTargets.toArray(Long[]::new);
            Timestamp[] at = new Timestamp[n];
            String[] outcome = new String[n];
            Integer[] status = new Integer[n];
            Double[] rtt = new Double[n];
            String[] detail = new String[n];
            for (int i = 0; i < n; i++) {
                ProbeResult r = probes.get(i);
                at[i] = Timestamp.from(r.at());
                outcome[i] = r.outcome().code();
                status[i] = r.status() == 0 ? null : r.status();
                rtt[i] = millis(r.rtt());
                detail[i] = r.detail();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into line_health_probes"
                    + " (target_id, at, outcome, status, rtt_ms, detail) select * from unnest(?::bigint[],"
                    + " ?::timestamptz[], ?::text[], ?::integer[], ?::float8[], ?::text[])")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.setArray(2, c.createArrayOf("timestamptz", at));
                ps.setArray(3, c.createArrayOf("text", outcome));
                ps.setArray(4, c.createArrayOf("integer", status));
                ps.setArray(5, c.createArrayOf("float8", rtt));
                ps.setArray(6, c.createArrayOf("text", detail));
                ps.executeUpdate();
            }
            int m = states.size();
            Long[] sid = new Long[m];
            String[] state = new String[m];
            Integer[] fail = new Integer[m];
            Integer[] ok = new Integer[m];
            Timestamp[] changed = new Timestamp[m];
            Timestamp[] last = new Timestamp[m];
            String[] lastOutcome = new String[m];
            Integer[] lastStatus = new Integer[m];
            Double[] lastRtt = new Double[m];
            String[] lastDetail = new String[m];
            Timestamp[] failed = new Timestamp[m];
            for (int i = 0; i < m; i++) {
                StateRow s = states.get(i);
                sid[i] = s.id();
                state[i] = s.health().state().code();
                fail[i] = s.health().failStreak();
                ok[i] = s.health().okStreak();
                changed[i] = s.changedAt() == null ? null : Timestamp.from(s.changedAt());
                last[i] = Timestamp.from(s.last().at());
                lastOutcome[i] = s.last().outcome().code();
                lastStatus[i] = s.last().status() == 0 ? null : s.last().status();
                lastRtt[i] = millis(s.last().rtt());
                lastDetail[i] = s.last().detail();
                failed[i] = s.failedAt() == null ? null : Timestamp.from(s.failedAt());
            }
            Set<Long> owned = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("update line_health_targets t set state = u.state,"
                    + " fail_streak = u.fail, ok_streak = u.ok,"
                    + " state_since = case when t.state = u.state then t.state_since else coalesce(u.changed, u.at) end,"
                    + " last_probe_at = u.at, last_outcome = u.outcome, last_status = u.status, last_rtt_ms = u.rtt,"
                    + " last_detail = u.detail, last_failure_at = coalesce(u.failed, t.last_failure_at)"
                    + " from unnest(?::bigint[], ?::text[], ?::integer[], ?::integer[], ?::timestamptz[],"
                    + " ?::timestamptz[], ?::text[], ?::integer[], ?::float8[], ?::text[], ?::timestamptz[])"
                    + " as u(id, state, fail, ok, changed, at, outcome, status, rtt, detail, failed)"
                    + " where t.id = u.id and t.owner = ? and t.deleted_at is null returning t.id")) {
                ps.setArray(1, c.createArrayOf("bigint", sid));
                ps.setArray(2, c.createArrayOf("text", state));
                ps.setArray(3, c.createArrayOf("integer", fail));
                ps.setArray(4, c.createArrayOf("integer", ok));
                ps.setArray(5, c.createArrayOf("timestamptz", changed));
                ps.setArray(6, c.createArrayOf("timestamptz", last));
                ps.setArray(7, c.createArrayOf("text", lastOutcome));
                ps.setArray(8, c.createArrayOf("integer", lastStatus));
                ps.setArray(9, c.createArrayOf("float8", lastRtt));
                ps.setArray(10, c.createArrayOf("text", lastDetail));
                ps.setArray(11, c.createArrayOf("timestamptz", failed));
                ps.setString(12, node);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        owned.add(rs.getLong(1));
                    }
                }
            }
            return owned;
        });
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

    private Target row(ResultSet rs, int n) throws SQLException {
        Array codes = rs.getArray(8);
        List<Integer> expected = Arrays.stream((Integer[]) codes.getArray()).toList();
        return new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), expected, rs.getBoolean(9), rs.getInt(10), instant(rs, 11),
                TargetState.ofCode(rs.getString(12)), instant(rs, 13), rs.getInt(14), rs.getInt(15), instant(rs, 16),
                rs.getString(17), (Integer) rs.getObject(18), (Double) rs.getObject(19), rs.getString(20),
                instant(rs, 21), (Integer) rs.getObject(22), (Integer) rs.getObject(23), (Integer) rs.getObject(24),
                (Integer) rs.getObject(25));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
