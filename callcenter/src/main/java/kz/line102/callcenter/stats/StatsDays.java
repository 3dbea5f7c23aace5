package kz.line102.callcenter.stats;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operators' history by the centre's day (V119): the rows a quarter per operator sums. A
 * day's rows are rebuilt from its hours whenever one of its intervals is written, in that
 * transaction; all of them when the zone they were cut in is not the configured one.
 */
class StatsDays {

    private static final Logger log = LoggerFactory.getLogger(StatsDays.class);
    /** Day rows rebuilt per statement when rebuilding them all: a month stays well inside the statement timeout. */
    private static final int DAYS_PER_STATEMENT = 31;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    StatsDays(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    Instant dayStart(Instant at) {
        return at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The first local midnight at or after {@code at}. */
    Instant dayStartFrom(Instant at) {
        Instant start = dayStart(at);
        return start.equals(at) ? at : nextDay(start);
    }

    Instant nextDay(Instant dayStart) {
        return dayStart.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Rebuilds the day holding {@code at} (call it in the transaction that wrote its intervals). */
    void roll(Instant at) {
        Instant from = dayStart(at);
        roll(from, nextDay(from));
    }

    private void roll(Instant from, Instant to) {
        jdbc.query("select stats_roll_days(?, ?, ?, ?)", rs -> { }, Timestamp.from(from), Timestamp.from(to),
                zone.getId(), JdbcIntervals.wholeHours(zone.getId(), from, to));
    }

    /** Whether the day rows are cut in the configured zone, so a period may read them. */
    boolean ready() {
        List<String> cut = jdbc.queryForList("select zone from stats_day_zone", String.class);
        return cut.size() == 1 && cut.get(0).equals(zone.getId());
    }

    /**
     * Cuts every day of the history in the configured zone unless that is done (call it in a
     * transaction); returns the days rebuilt. Periods read hours until it commits.
     */
    int rebuildIfCutElsewhere() {
        jdbc.execute("lock table stats_day_zone in exclusive mode");
        if (ready()) {
            return 0;
        }
        Timestamp[] span = jdbc.queryForObject("""
                select least((select min(interval_start) from stats_operator_intervals),
                             (select min(interval_start) from stats_operator_time)),
                       greatest((select max(interval_start) from stats_operator_intervals),
                                (select max(interval_start) from stats_operator_time))""",
                (rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)});
        jdbc.update("delete from stats_operator_days");
        jdbc.update("delete from stats_operator_time_days");
        int days = 0;
        if (span[0] != null) {
            Instant from = dayStart(span[0].toInstant());
            Instant end = nextDay(dayStart(span[1].toInstant()));
            while (from.isBefore(end)) {
                Instant to = from;
                for (int i = 0; i < DAYS_PER_STATEMENT && to.isBefore(end); i++) {
                    to = nextDay(to);
                    days++;
                }
                roll(from, to);
                from = to;
            }
        }
        jdbc.update("""
                insert into stats_day_zone (zone) values (?)
                on conflict (only_row) do update set zone = excluded.zone""", zone.getId());
        log.info("statistics: {} days of operator history cut in the centre's zone {}", days, zone.getId());
        return days;
    }
}
