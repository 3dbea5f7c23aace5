package kz.line102.callcenter.install.preflight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kz.line102.cti.QueueCommandException;
import kz.line102.cti.ami.AmiConnector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PBX's, the database's and this node's clocks agree: call times come from all three
 * (AMI events, CEL rows, the intake), and the reconciliation matches them within seconds.
 * Each remote clock is compared with the middle of the round trip that read it.
 */
final class ClockCheck implements PreflightCheck {

    private final ObjectProvider<AmiConnector> connector;
    private final JdbcTemplate jdbc;
    private final Duration tolerance;
    private final Clock clock;

    ClockCheck(ObjectProvider<AmiConnector> connector, JdbcTemplate jdbc, Duration tolerance, Clock clock) {
        this.connector = connector;
        this.jdbc = jdbc;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "clock-database";
    }

    @Override
    public List<Finding> run() {
        Instant before = clock.instant();
        Timestamp db = jdbc.queryForObject("select clock_timestamp()", Timestamp.class);
        Finding database = compare("clock-database", db.toInstant(), before, clock.instant());
        AmiConnector ami = connector.getIfAvailable();
        if (ami == null || !(ami.health().connected() || ami.health().standby())) {
            return List.of(database, Finding.skipped("clock-pbx", "no-link"));
        }
        Finding pbx;
        try {
            Instant start = clock.instant();
            Instant at = ami.pbxInfo().pbxTime();
            pbx = compare("clock-pbx", at, start, clock.instant());
        } catch (QueueCommandException e) {
            pbx = Finding.warn("clock-pbx", "unreadable", e.getMessage());
        }
        return List.of(database, pbx);
    }

    private Finding compare(String id, Instant theirs, Instant before, Instant after) {
        Instant mid = before.plus(Duration.between(before, after).dividedBy(2));
        long offsetMillis = Duration.between(mid, theirs).toMillis();
        return Math.abs(offsetMillis) > tolerance.toMillis()
                ? Finding.fail(id, "off", offsetMillis, tolerance.toMillis())
                : Finding.ok(id, "ok", offsetMillis, tolerance.toMillis());
    }
}
