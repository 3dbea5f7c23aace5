package kz.line102.callcenter.watch;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search orientations (item 38, appendix 10): an orientation is in force from its entry until
 * it is cancelled; the incoming shift sees every one in force at its hand-over. A cancellation
 * is a new entry of the register that refers to the orientation (the register keeps both),
 * with why, who reported it and who recorded it; the orientation stays in the register.
 */
@Service
class OrientationService {

    static final String KIND = "orientations";
    /** More in force at once than a hand-over lists is a sign of orientations never cancelled. */
    static final int MAX_ACTIVE = 1000;
    private static final Logger log = LoggerFactory.getLogger(OrientationService.class);

    private final WatchProperties props;
    private final WatchCalendar calendar;
    private final WatchStore store;
    private final JournalService journals;
    private final WatchAudit audit;

    OrientationService(WatchProperties props, WatchCalendar calendar, WatchStore store, JournalService journals,
                       WatchAudit audit) {
        this.props = props;
        this.calendar = calendar;
        this.store = store;
        this.journals = journals;
        this.audit = audit;
    }

    record Cancel(String reason, String reportedBy) {
    }

    /** The orientations in force at the end of the watch (or now, for the running one). */
    List<WatchStore.Entry> active(WatchCalendar.Watch w) {
        if (!props.journals().containsKey(KIND)) {
            return List.of();
        }
        Instant now = calendar.now();
        return store.activeOrientations(KIND, w.end().isBefore(now) ? w.end() : now, MAX_ACTIVE);
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    WatchStore.Entry cancel(long entryId, String by, Cancel c) {
        journals.journal(KIND);
        // Two officers cancelling at once: the second waits here and then finds it cancelled.
        store.lockEntry(entryId);
        WatchStore.Entry orientation = store.entry(entryId);
        if (orientation == null || !orientation.kind().equals(KIND) || orientation.corrects() != null) {
            log.warn("user={} cancellation refused: {} is no orientation", by, entryId);
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_ORIENTATION, "there is no orientation " + entryId);
        }
        if (orientation.cancellation() != null) {
            throw cancelled(orientation);
        }
        String reason = journals.text(KIND, by, c == null ? null : c.reason());
        String reportedBy = c.reportedBy() == null || c.reportedBy().isBlank() ? null : c.reportedBy().strip();
        if (reportedBy != null && reportedBy.length() > 200) {
            throw WatchProblem.invalid("who reported the cancellation is named in at most 200 characters");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("cancelledAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(calendar.now().atZone(props.zone())));
        if (reportedBy != null) {
            fields.put("cancelReportedBy", reportedBy);
        }
        WatchStore.Entry record = journals.write(KIND, by, calendar.current(), reason, entryId, null, fields);
        store.cancel(entryId, record.id(), reason, reportedBy, by);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orientation", orientation.year() + "/" + orientation.number());
        detail.put("record", record.year() + "/" + record.number());
        detail.put("reason", reason);
        audit.append(by, "orientation-cancelled", detail);
        log.info("orientation {}/{} cancelled by {}: {}", orientation.year(), orientation.number(), by, reason);
        return store.entry(entryId);
    }

    private static WatchProblem cancelled(WatchStore.Entry o) {
        return WatchProblem.conflict(ProblemCodes.ORIENTATION_CANCELLED, "the orientation " + o.year() + "/" + o.number()
                + " was cancelled by " + o.cancellation().cancelledBy() + " at " + o.cancellation().cancelledAt());
    }
}
