package kz.line102.callcenter.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import kz.line102.callcenter.archive.ArchiveAuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentType;
import kz.line102.callcenter.incident.Watches;
import kz.line102.callcenter.report.DailyReport.RepeatAddress;
import kz.line102.callcenter.report.DailyReport.Snapshot;
import kz.line102.callcenter.report.DailyReport.Totals;
import kz.line102.callcenter.report.DailyReport.Watch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily operational report of a watch: read from the rollup while it is open, from
 * the snapshot once the duty officer has signed it off. The sign-off first brings every
 * line of the watch up to date (a feed job still queued, or parked as dead, must not
 * leave an old line in what is signed), with every card of the watch locked so no change
 * slips in between, then stores the lines exactly as signed with their SHA-256.
 */
@Service
public class DailyReportService {

    private static final Logger log = LoggerFactory.getLogger(DailyReportService.class);

    private final JdbcReportRepository repo;
    private final DailyReportFeed feed;
    private final IncidentService incidents;
    private final IncidentProperties incidentProps;
    private final Watches watches;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Counter signOffs;
    private final ArchiveAuditLog auditLog;

    DailyReportService(JdbcReportRepository repo, DailyReportFeed feed, IncidentService incidents,
                       IncidentProperties incidentProps, Watches watches, Clock clock, TransactionTemplate tx,
                       MeterRegistry meters, ArchiveAuditLog auditLog) {
        this.auditLog = auditLog;
        this.repo = repo;
        this.feed = feed;
        this.incidents = incidents;
        this.incidentProps = incidentProps;
        this.watches = watches;
        this.clock = clock;
        this.tx = tx;
        this.signOffs = Counter.builder("line102.callcenter.reports.sign-offs")
                .description("daily reports signed off").register(meters);
    }

    /**
     * The watch starting on {@code date} ({@code YYYY-MM-DD}); refused when the text is no
     * such date or the watch has not begun.
     */
    public Watches.Watch watch(String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.trim());
        } catch (DateTimeParseException e) {
            LocalDate today = watches.current().day();
            throw new InvalidReportDateException("'" + date + "' is not a date: name the watch by the day it starts"
                    + " on, as YYYY-MM-DD (for example " + today + ", or " + today + ".csv or " + today
                    + ".pdf for the files)", "problem.invalid-date.format", java.util.List.of(String.valueOf(date), today));
        }
        if (day.getYear() < 2000) {
            throw new InvalidReportDateException("no watch before the year 2000 is kept: " + day,
                    "problem.invalid-date.too-old", java.util.List.of(day.toString()));
        }
        Watches.Watch w = watches.of(day);
        if (!clock.instant().isBefore(w.start())) {
            return w;
        }
        throw new InvalidReportDateException("the watch of " + day + " has not begun: it starts at "
                + w.start().atZone(incidentProps.zone()).toLocalDateTime() + " " + incidentProps.zone()
                + "; the current watch is the one of " + watches.current().day(), "problem.invalid-date.not-begun",
                java.util.List.of(day.toString(), watches.current().day().toString()));
    }

    public DailyReport report(Watches.Watch w) {
        Watch watch = view(w);
        boolean ended = !clock.instant().isBefore(w.end());
        return repo.signOff(w.day()).map(s -> {
            Snapshot snap = DailyReportFeed.JSON.readValue(s.snapshot(), Snapshot.class);
            boolean intact = DailyReportFeed.sha256(s.snapshot()).equals(s.sha256());
            if (!intact) {
                log.error("report of watch {} signed by {}: the stored snapshot no longer matches its SHA-256 {}",
                        w.day(), s.signedBy(), s.sha256());
            }
            return new DailyReport(snap.watch(), DailyReport.SIGNED, true, snap.signedBy(), snap.signedAt(),
                    s.sha256(), intact, snap.lines(), snap.totals(), snap.types(), snap.repeatAddresses(),
                    repo.addenda(w.day()), snap.auditHead());
        }).orElseGet(() -> {
            List<ReportLine> lines = repo.lines(w.day());
            return new DailyReport(watch, DailyReport.OPEN, ended, null, null, null, null, lines, totals(lines),
                    types(lines), repeats(lines), List.of(), null);
        });
    }

    /**
     * Signs the watch's report off as {@code by}. Refused when the watch has not ended
     * ({@code 409 watch-not-ended}) or was signed before ({@code 409 report-already-signed},
     * naming who signed).
     */
    public DailyReport signOff(Watches.Watch w, String by) {
        Instant now = clock.instant();
        if (now.isBefore(w.end())) {
            throw new WatchNotEndedException(w.day(), w.end().atZone(incidentProps.zone()).toLocalDateTime() + " "
                    + incidentProps.zone());
        }
        Snapshot signed = tx.execute(s -> {
            repo.lockWatch(w.day());
            repo.signer(w.day()).ifPresent(signer -> {
                throw new ReportAlreadySignedException(w.day(), signer.signedBy(), signer.signedAt());
            });
            List<UUID> cards = repo.lockCardsRegistered(w.start(), w.end());
            int refreshed = 0;
            for (UUID id : cards) {
                if (feed.write(w.day(), incidents.get(id)) == DailyReportFeed.Outcome.WRITTEN) {
                    refreshed++;
                }
            }
            List<ReportLine> lines = repo.lines(w.day());
            ArchiveAuditLog.Head head = auditLog.head();
            Snapshot snap = new Snapshot(view(w), by, now, lines, totals(lines), types(lines), repeats(lines),
                    head.id() + ":" + head.hash());
            String text = DailyReportFeed.JSON.writeValueAsString(snap);
            String sha = DailyReportFeed.sha256(text);
            repo.insertSignOff(w.day(), w.start(), w.end(), by, now, text, sha);
            log.info("report of watch {} signed off by {}: {} cards ({} lines brought up to date first), sha256 {}",
                    w.day(), by, lines.size(), refreshed, sha);
            return snap;
        });
        signOffs.increment();
        return report(w);
    }

    private Watch view(Watches.Watch w) {
        return new Watch(w.day(), w.start(), w.end(), incidentProps.zone().getId());
    }

    static Totals totals(List<ReportLine> lines) {
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byOutcome = new TreeMap<>();
        int repeats = 0;
        for (ReportLine l : lines) {
            byCategory.merge(l.category() == null ? "-" : l.category(), 1, Integer::sum);
            byType.merge(l.typeCode() == null ? "-" : l.typeCode(), 1, Integer::sum);
            byOutcome.merge(l.status(), 1, Integer::sum);
            repeats += l.repeatCount();
        }
        return new Totals(lines.size(), byCategory, byType, byOutcome, repeats);
    }

    /** The names of the types the lines use, as configured now (frozen with the lines at sign-off). */
    Map<String, Map<String, String>> types(List<ReportLine> lines) {
        Map<String, Map<String, String>> names = new TreeMap<>();
        for (ReportLine l : lines) {
            if (l.typeCode() != null && !names.containsKey(l.typeCode())) {
                names.put(l.typeCode(), incidents.type(l.typeCode()).map(IncidentType::names)
                        .map(m -> (Map<String, String>) new TreeMap<>(m)).orElse(new LinkedHashMap<>()));
            }
        }
        return names;
    }

    static List<RepeatAddress> repeats(List<ReportLine> lines) {
        return lines.stream().filter(l -> l.repeatCount() > 0).map(l -> new RepeatAddress(l.incidentId(),
                l.kuiNumber(), l.sceneAddress(), l.callerNumber(), l.repeatCount())).toList();
    }
}
