package kz.line102.callcenter.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforces the retention classes of the journals and of the serious-event reports: a whole year
 * of a journal (numbering runs per year, so no kept year gets a gap) goes once the end of that
 * year in the centre's zone plus the retention has passed, with its attachments, links to
 * cards, overdue flags and cancellations; corrections of the year go with it. A year with an
 * open step (see {@code watch_purge_journal_year}, V124) waits, and the log says why. Each year
 * is one transaction (the removal and its audit entry); the run holds a PostgreSQL advisory lock
 * like the recordings' purge, so one node at a time purges and nothing is removed or audited twice.
 */
@Component
class RetentionSweeper {

    static final String SERIOUS_REPORTS = "serious-reports";
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    /** The advisory lock key of the purge ("l102wprg"). */
    private static final long PURGE_LOCK = 0x6c31303277707267L;

    private final DataSource ds;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WatchProperties props;
    private final SeriousReportProperties reports;
    private final WatchAudit audit;

    RetentionSweeper(DataSource ds, JdbcTemplate jdbc, PlatformTransactionManager tx, WatchProperties props,
                     SeriousReportProperties reports, WatchAudit audit) {
        this.ds = ds;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
        this.props = props;
        this.reports = reports;
        this.audit = audit;
    }

    /** A year removed: {@code count} entries (or reports) of {@code journal}. */
    record Removed(String journal, int year, int count) {
    }

    /** A year past its retention that is kept, and why (an open step's code). */
    record Waiting(String journal, int year, String reason) {
    }

    /** {@code ran} false: another node holds the purge; it removed nothing here. */
    record Report(boolean ran, List<Removed> removed, List<Waiting> waiting) {
    }

    /** Removes what expired by {@code now}; the timer passes the watch calendar's now, tests a time they choose. */
    Report run(Instant now) {
        try (Connection lock = ds.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                log.info("watch retention purge: another node is purging; this pass skips");
                return new Report(false, List.of(), List.of());
            }
            try {
                return runLocked(now);
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the watch retention purge could not take its lock", e);
        }
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?)")) {
            ps.setLong(1, PURGE_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Report runLocked(Instant now) {
        List<Removed> removed = new ArrayList<>();
        List<Waiting> waiting = new ArrayList<>();
        List<String> kinds = jdbc.queryForList("select distinct kind from watch_entries order by kind", String.class);
        for (String kind : kinds) {
            WatchProperties.Journal journal = props.journals().get(kind);
            if (journal == null) {
                // Its retention class is not known now: keeping it is the only safe reading.
                log.warn("watch retention purge: journal={} has entries but no configuration; kept", kind);
                continue;
            }
            List<Integer> years = jdbc.queryForList("select distinct year from watch_entries where kind = ? order by year desc",
                    Integer.class, kind);
            // Newest first: a later year's corrections of an earlier one go before the earlier year is tried.
            for (int year : years) {
                Instant expired = expiry(year, journal.retention());
                if (now.isBefore(expired)) {
                    continue;
                }
                try {
                    purgeJournalYear(kind, journal, year, expired, removed, waiting);
                } catch (DataAccessException e) {
                    // A correction written into the year meanwhile, say: the other years still go.
                    log.warn("journal={} year {} not removed this pass (the next pass tries again): {}", kind, year,
                            e.getMostSpecificCause().getMessage());
                }
            }
        }
        List<Integer> years = jdbc.queryForList("""
                select distinct extract(year from drafted_at at time zone ?)::int y from watch_serious_reports order by y desc""",
                Integer.class, props.zone().getId());
        for (int year : years) {
            Instant expired = expiry(year, reports.retention());
            if (!now.isBefore(expired)) {
                try {
                    purgeReportsYear(year, expired, removed, waiting);
                } catch (DataAccessException e) {
                    log.warn("serious-event reports of {} not removed this pass (the next pass tries again): {}", year,
                            e.getMostSpecificCause().getMessage());
                }
            }
        }
        if (!removed.isEmpty() || !waiting.isEmpty()) {
            log.info("watch retention purge against {}: {} years removed, {} kept past their retention", now,
                    removed.size(), waiting.size());
        }
        return new Report(true, removed, waiting);
    }

    /** The end of {@code year} in the centre's zone plus the retention. */
    Instant expiry(int year, Period retention) {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(props.zone()).plus(retention).toInstant();
    }

    private void purgeJournalYear(String kind, WatchProperties.Journal journal, int year, Instant expired,
                                  List<Removed> removed, List<Waiting> waiting) {
        boolean delivery = journal.fields().contains("deliveryConfirmed");
        boolean orientations = OrientationService.KIND.equals(kind);
        tx.executeWithoutResult(s -> jdbc.query("select * from watch_purge_journal_year(?, ?, ?, ?, ?)", rs -> {
            String waits = rs.getString("waits");
            if (waits != null) {
                waiting.add(new Waiting(kind, year, waits));
                log.info("journal={} year {} kept past its retention {} (expired {}): {}", kind, year, journal.retention(),
                        expired, waits);
                return;
            }
            int entries = rs.getInt("entries");
            if (entries == 0) {
                return;
            }
            removed.add(new Removed(kind, year, entries));
            Map<String, Object> detail = detail(kind, year, entries, journal.retention(), expired);
            detail.put("attachments", rs.getInt("attachments"));
            detail.put("incidentLinks", rs.getInt("links"));
            audit.append("system", "journal-year-purged", detail);
            log.info("journal={} year {}: {} entries removed with {} attachments and {} card links by retention {}"
                    + " (expired {})", kind, year, entries, rs.getInt("attachments"), rs.getInt("links"),
                    journal.retention(), expired);
        }, kind, year, Timestamp.from(expired), delivery, orientations));
    }

    private void purgeReportsYear(int year, Instant expired, List<Removed> removed, List<Waiting> waiting) {
        tx.executeWithoutResult(s -> jdbc.query("select * from watch_purge_serious_reports_year(?, ?, ?)", rs -> {
            String waits = rs.getString("waits");
            if (waits != null) {
                waiting.add(new Waiting(SERIOUS_REPORTS, year, waits));
                log.info("serious-event reports of {} kept past their retention {} (expired {}): {}", year,
                        reports.retention(), expired, waits);
                return;
            }
            int count = rs.getInt("reports");
            if (count == 0) {
                return;
            }
            removed.add(new Removed(SERIOUS_REPORTS, year, count));
            audit.append("system", "journal-year-purged", detail(SERIOUS_REPORTS, year, count, reports.retention(), expired));
            log.info("serious-event reports of {}: {} removed by retention {} (expired {})", year, count,
                    reports.retention(), expired);
        }, year, props.zone().getId(), Timestamp.from(expired)));
    }

    private static Map<String, Object> detail(String journal, int year, int count, Period retention, Instant expired) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("journal", journal);
        detail.put("year", year);
        detail.put("count", count);
        detail.put("rule", "retention " + retention + " after the end of the year");
        detail.put("expiredAt", expired.toString());
        return detail;
    }
}
