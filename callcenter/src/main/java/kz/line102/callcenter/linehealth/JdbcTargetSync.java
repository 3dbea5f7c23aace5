package kz.line102.callcenter.linehealth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kz.line102.callcenter.linehealth.TargetSet.TargetSpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a version of the target set into {@code line_health_targets}, the rows the
 * probing nodes claim and keep each target's state in. A target keeps its row (its id,
 * its probes, its incidents, its state) for as long as its name stays in the set; a
 * target removed is soft-deleted, and one added again under the same name gets its old
 * row back. Every node applies each version it puts in force; the rows remember the
 * version they hold ({@code config_version}), so a node applying an older version late
 * changes nothing, and two nodes applying the same one do it once (an advisory lock).
 */
@Repository
class JdbcTargetSync {

    private static final long LOCK = 0x4c4831_7479L; // "LH1" "ty": this table's set, nothing else

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcTargetSync(JdbcTemplate jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
    }

    /** What applying a version did: the targets it removed or disabled, by row id and name (their alarms end). */
    record Applied(boolean applied, Map<Long, String> stopped) {
    }

    private record Row(long id, String name, boolean live, TargetSpec spec) {
    }

    /** The version of the target set the rows hold (0: none yet). */
    int held() {
        Integer held = jdbc.queryForObject("select coalesce(max(config_version), 0) from line_health_targets",
                Integer.class);
        return held == null ? 0 : held;
    }

    Applied apply(int version, List<TargetSpec> specs) {
        return tx.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, LOCK);
            if (held() >= version) {
                return new Applied(false, Map.of());
            }
            Map<String, Row> live = new HashMap<>();
            Map<String, Row> gone = new HashMap<>();
            jdbc.query("select distinct on (name, deleted_at is null) id, name, deleted_at is null, host, port,"
                    + " transport, interval_ms, timeout_ms, expected_codes, failures_to_down, successes_to_up,"
                    + " degraded_window, slow_rtt_ms, enabled from line_health_targets"
                    + " order by name, deleted_at is null, id desc", (ResultSet rs) -> {
                        Row r = row(rs);
                        (r.live() ? live : gone).put(r.name(), r);
                    });
            Map<Long, String> stopped = new java.util.LinkedHashMap<>();
            for (TargetSpec s : specs) {
                String name = s.name().strip();
                Row now = live.remove(name);
                if (now != null) {
                    if (!same(now.spec(), s)) {
                        update(now.id(), s, version, false);
                        if (now.spec().active() && !s.active()) {
                            stopped.put(now.id(), name);
                        }
                    }
                } else if (gone.containsKey(name)) {
                    update(gone.get(name).id(), s, version, true);
                } else {
                    insert(name, s, version);
                }
            }
            for (Row removed : live.values()) {
                stopped.put(removed.id(), removed.name());
                jdbc.update("update line_health_targets set deleted_at = clock_timestamp(), enabled = false,"
                        + " owner = null, lease_until = null, config_version = ? where id = ?", version, removed.id());
            }
            jdbc.update("update line_health_targets set config_version = ? where config_version < ?", version,
                    version);
            return new Applied(true, stopped);
        });
    }

    private void insert(String name, TargetSpec s, int version) {
        jdbc.update("insert into line_health_targets (name, host, port, transport, interval_ms, timeout_ms,"
                        + " expected_codes, failures_to_down, successes_to_up, degraded_window, slow_rtt_ms, enabled,"
                        + " config_version) values (?, ?, ?, ?, ?, ?, ?::integer[], ?, ?, ?, ?, ?, ?)", name, s.host(),
                s.port(), s.transport().toLowerCase(java.util.Locale.ROOT), s.intervalMs(), s.timeoutMs(),
                codes(s.codes()), s.failuresToDown(), s.successesToUp(), s.degradedWindow(), s.slowRttMs(),
                s.active(), version);
    }

    /** {@code revive}: the row of a target removed before; it starts over as unknown. */
    private void update(long id, TargetSpec s, int version, boolean revive) {
        jdbc.update("update line_health_targets set host = ?, port = ?, transport = ?, interval_ms = ?, timeout_ms = ?,"
                        + " expected_codes = ?::integer[], failures_to_down = ?, successes_to_up = ?,"
                        + " degraded_window = ?, slow_rtt_ms = ?, enabled = ?, config_version = ?,"
                        + " version = version + 1, updated_at = clock_timestamp()"
                        + (revive ? ", deleted_at = null, state = 'unknown', state_since = clock_timestamp(),"
                        + " fail_streak = 0, ok_streak = 0, owner = null, lease_until = null" : "")
                        + " where id = ?", s.host(), s.port(), s.transport().toLowerCase(java.util.Locale.ROOT),
                s.intervalMs(), s.timeoutMs(), codes(s.codes()), s.failuresToDown(), s.successesToUp(),
                s.degradedWindow(), s.slowRttMs(), s.active(), version, id);
    }

    private static boolean same(TargetSpec a, TargetSpec b) {
        return Objects.equals(a.host(), b.host()) && Objects.equals(a.port(), b.port())
                && a.transport().equalsIgnoreCase(b.transport()) && Objects.equals(a.intervalMs(), b.intervalMs())
                && Objects.equals(a.timeoutMs(), b.timeoutMs()) && a.codes().equals(b.codes())
                && Objects.equals(a.failuresToDown(), b.failuresToDown())
                && Objects.equals(a.successesToUp(), b.successesToUp())
                && Objects.equals(a.degradedWindow(), b.degradedWindow())
                && Objects.equals(a.slowRttMs(), b.slowRttMs()) && a.active() == b.active();
    }

    private static Row row(ResultSet rs) throws SQLException {
        List<Integer> codes = java.util.Arrays.stream((Integer[]) rs.getArray(9).getArray()).toList();
        return new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), new TargetSpec(rs.getString(2),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getInt(8), codes,
                (Integer) rs.getObject(10), (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                (Integer) rs.getObject(13), rs.getBoolean(14)));
    }

    private static String codes(List<Integer> codes) {
        return codes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
