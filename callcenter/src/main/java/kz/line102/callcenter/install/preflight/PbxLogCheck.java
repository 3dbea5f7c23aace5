package kz.line102.callcenter.install.preflight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Asterisk's durable logs arriving in PostgreSQL: the reconciliation of what AMI missed reads
 * them, so without them a call during an outage has no record. The newest CEL and queue_log
 * rows must be no older than the newest call's start minus {@code tolerance} (Asterisk writes
 * CEL's CHAN_START and queue_log's ENTERQUEUE as the call comes in). Their times are UTC
 * without a zone (V70), as the samples make Asterisk write them.
 */
final class PbxLogCheck implements PreflightCheck {

    private final JdbcTemplate jdbc;
    private final String schema;
    private final Duration tolerance;

    PbxLogCheck(JdbcTemplate jdbc, String schema, Duration tolerance) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema '" + schema + "' is not a plain lower-case name");
        }
        this.jdbc = jdbc;
        this.schema = schema;
        this.tolerance = tolerance;
    }

    @Override
    public String id() {
        return "pbx-logs";
    }

    @Override
    public List<Finding> run() {
        Timestamp lastCall = jdbc.queryForObject("select max(offered_at) from calls", Timestamp.class);
        if (lastCall == null) {
            return List.of(Finding.skipped("pbx-logs", "no-calls"));
        }
        Instant call = lastCall.toInstant();
        Instant cel = newest("select max(eventtime) at time zone 'UTC' from " + schema + ".cel");
        Instant queueLog = newest("select max(\"time\") at time zone 'UTC' from " + schema + ".queue_log");
        Instant due = call.minus(tolerance);
        boolean celOk = cel != null && !cel.isBefore(due);
        boolean queueLogOk = queueLog != null && !queueLog.isBefore(due);
        if (!celOk && !queueLogOk) {
            return List.of(Finding.fail("pbx-logs", "none", call, str(cel), str(queueLog), schema));
        }
        if (!celOk || !queueLogOk) {
            return List.of(Finding.warn("pbx-logs", "partial", call, celOk ? "queue_log" : "cel", str(cel),
                    str(queueLog), schema));
        }
        return List.of(Finding.ok("pbx-logs", "ok", str(cel), str(queueLog)));
    }

    private Instant newest(String sql) {
        Timestamp t = jdbc.queryForObject(sql, Timestamp.class);
        return t == null ? null : t.toInstant();
    }

    private static String str(Instant t) {
        return t == null ? "\u2014" : t.toString();
    }
}
