package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The six-monthly list (items 7–8): the personnel service draws who is due in the half-year,
 * sets the meeting dates and commissions; the head approves it, which freezes it, writes one
 * notice per employee due a month before the meeting, flags each employee's due date with
 * the meeting and opens (or moves) their cases with their calendars. A change after approval
 * is a new version that supersedes the old one when it is approved.
 */
@Service
public class ListService {

    private static final Logger log = LoggerFactory.getLogger(ListService.class);

    private final JdbcListRepository lists;
    private final EmployeeService employees;
    private final CalendarService calendar;
    private final CertificationAudit audit;
    private final CertificationProperties props;

    ListService(JdbcListRepository lists, EmployeeService employees, CalendarService calendar,
                CertificationAudit audit, CertificationProperties props) {
        this.lists = lists;
        this.employees = employees;
        this.calendar = calendar;
        this.audit = audit;
        this.props = props;
    }

    /** The first day of the half-year after today's: 1 January or 1 July. */
    LocalDate nextHalfYear() {
        LocalDate today = employees.today();
        return today.getMonthValue() <= 6 ? LocalDate.of(today.getYear(), Month.JULY, 1)
                : LocalDate.of(today.getYear() + 1, Month.JANUARY, 1);
    }

    /** Draws the list of who is due before the end of the period starting {@code from} (the next half-year by default). */
    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationList draw(LocalDate from, String by) {
        LocalDate start = from == null ? nextHalfYear() : from;
        CertificationList latest = lists.latest(start).orElse(null);
        if (latest != null && !latest.approved()) {
            throw refused(by, latest.id(), CertificationProblem.conflict(ProblemCodes.LIST_DRAFT_EXISTS, "list " + latest.id()
                    + " of the period from " + start + " is a draft still; change it rather than draw another"));
        }
        if (latest != null) {
            throw refused(by, latest.id(), CertificationProblem.conflict(ProblemCodes.LIST_APPROVED, "list " + latest.id()
                    + " of the period from " + start + " is approved; a change is a new version of it"));
        }
        LocalDate to = start.plus(props.preparation().listPeriod());
        long id = lists.insertList(start, to, 1, null, by);
        int drawn = lists.drawDue(id, to);
        audit.append(by, "list-drawn", Map.of("listId", id, "from", start.toString(), "to", to.toString(),
                "employees", drawn));
        log.info("certification listId={} drawn by {}: {} employees due before {}", id, by, drawn, to);
        return list(id);
    }

    /** A new draft version of an approved list, with its employees and meetings, to be changed and approved. */
    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationList newVersion(long listId, String by) {
        CertificationList old = list(listId);
        CertificationList latest = lists.latest(old.periodFrom()).orElseThrow();
        if (latest.id() != old.id()) {
            throw refused(by, listId, CertificationProblem.conflict(ProblemCodes.LIST_NOT_LATEST, "list " + listId
                    + " is not the latest version of its period; that is list " + latest.id()));
        }
        if (!old.approved()) {
            throw refused(by, listId, CertificationProblem.conflict(ProblemCodes.LIST_NOT_APPROVED, "list " + listId
                    + " is a draft: change it as it is"));
        }
        long id = lists.insertList(old.periodFrom(), old.periodTo(), old.version() + 1, old.id(), by);
        int copied = lists.copyItems(old.id(), id);
        audit.append(by, "list-version-drawn", Map.of("listId", id, "supersedes", old.id(), "employees", copied));
        log.info("certification listId={} drawn by {} as version {} of list {}", id, by, old.version() + 1, old.id());
        return list(id);
    }

    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationList add(long listId, long employeeId, String by) {
        draft(listId, by);
        Employee e = employees.employee(employeeId);
        if (!lists.addItem(listId, e)) {
            throw refused(by, listId, CertificationProblem.conflict(ProblemCodes.ALREADY_LISTED, "employee " + employeeId
                    + " is on list " + listId + " already"));
        }
        audit.append(by, "list-employee-added", Map.of("listId", listId, "employeeId", employeeId));
        return list(listId);
    }

    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationList remove(long listId, long employeeId, String by) {
        draft(listId, by);
        if (!lists.removeItem(listId, employeeId)) {
            throw refused(by, listId, CertificationProblem.notFound("listed-employee", employeeId));
        }
        audit.append(by, "list-employee-removed", Map.of("listId", listId, "employeeId", employeeId));
        return list(listId);
    }

    /**
     * Sets the meeting date and commission of the given employees of a draft, or of all who
     * have none yet when {@code employeeIds} is null.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationList setMeeting(long listId, LocalDate meeting, Long commissionId, Set<Long> employeeIds,
                                        String by) {
        CertificationList l = draft(listId, by);
        if (meeting == null || commissionId == null) {
            throw refused(by, listId, CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST,
                    "a meeting needs its date and its commission"));
        }
        if (meeting.isBefore(l.periodFrom()) || !meeting.isBefore(l.periodTo())) {
            throw refused(by, listId, CertificationProblem.invalid(ProblemCodes.MEETING_OUTSIDE_PERIOD, "the meeting on " + meeting
                    + " is outside the list's period " + l.periodFrom() + " – " + l.periodTo()));
        }
        employees.commission(commissionId);
        int set = lists.setMeeting(listId, meeting, commissionId, employeeIds);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("listId", listId);
        d.put("meetingOn", meeting.toString());
        d.put("commissionId", commissionId);
        d.put("employees", employeeIds == null ? "all without a date" : employeeIds);
        d.put("set", set);
        audit.append(by, "list-meeting-set", d);
        log.info("certification listId={} meeting {} before commissionId={} set for {} employees by {}", listId,
                meeting, commissionId, set, by);
        return list(listId);
    }

    /**
     * The head's approval: every employee has a meeting and a commission, and the earliest
     * meeting leaves a month for the written notice. Then the list is frozen, notices are
     * written, due dates flagged and cases opened with their calendars.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationList approve(long listId, String by) {
        CertificationList l = draft(listId, by);
        if (l.withoutDate() > 0) {
            throw refused(by, listId, new CertificationProblem(HttpStatus.CONFLICT,
                    ProblemCodes.LIST_INCOMPLETE, l.withoutDate() + " employees of list " + listId
                    + " have no meeting date or commission", List.of(l.withoutDate())));
        }
        LocalDate today = employees.today();
        LocalDate earliest = lists.earliestMeeting(listId).orElse(null);
        if (earliest != null && calendar.calendar().notifyBy(earliest).isBefore(today)) {
            throw refused(by, listId, new CertificationProblem(HttpStatus.CONFLICT,
                    ProblemCodes.MEETING_TOO_SOON, "the meeting on " + earliest + " leaves less than "
                    + props.preparation().notifyBefore() + " for the written notice (by "
                    + calendar.calendar().notifyBy(earliest) + ")", List.of(earliest.toString())));
        }
        ListItem early = lists.meetingBeforeDue(listId).orElse(null);
        if (early != null) {
            throw refused(by, listId, new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.MEETING_BEFORE_DUE,
                    "employee " + early.employeeId() + " meets on " + early.meetingOn() + ", before the certification"
                    + " may be held (" + early.dueOn() + ")", List.of(early.personnelNo(), early.meetingOn().toString(),
                    early.dueOn().toString())));
        }
        if (!lists.approve(listId, by)) {
            throw refused(by, listId, CertificationProblem.conflict(ProblemCodes.LIST_APPROVED, "list " + listId
                    + " was approved meanwhile"));
        }
        if (l.supersedes() != null) {
            lists.supersede(l.supersedes());
        }
        int notices = lists.notify(listId, l.supersedes(), props.preparation().notifyBefore());
        lists.flagEmployees(listId, l.supersedes());
        int opened = lists.openCases(listId, by);
        int scheduled = calendar.scheduleList(listId, lists.meetingDates(listId));
        lists.notificationsToDeadlines(listId);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("listId", listId);
        d.put("employees", l.employees());
        d.put("notices", notices);
        d.put("casesOpened", opened);
        d.put("deadlinesWritten", scheduled);
        if (l.supersedes() != null) {
            d.put("supersedes", l.supersedes());
        }
        audit.append(by, "list-approved", d);
        log.info("certification listId={} approved by {}: {} employees, {} notices, {} cases opened, {} deadlines",
                listId, by, l.employees(), notices, opened, scheduled);
        return list(listId);
    }

    /** Records the written notices handed over (on {@code on}, today by default) to the given employees. */
    @Transactional(noRollbackFor = ProblemException.class)
    public int delivered(long listId, Set<Long> employeeIds, LocalDate on, String by) {
        CertificationList l = list(listId);
        LocalDate day = on == null ? employees.today() : on;
        if (!l.approved() || l.supersededAt() != null) {
            throw refused(by, listId, CertificationProblem.conflict(ProblemCodes.LIST_NOT_IN_FORCE, "list " + listId
                    + " is " + l.state().toLowerCase(java.util.Locale.ROOT) + "; notices go out for the approved"
                    + " list in force"));
        }
        if (employeeIds == null || employeeIds.isEmpty() || day.isAfter(employees.today())) {
            throw refused(by, listId, CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST,
                    "name the employees notified, on a past day or today"));
        }
        int n = lists.deliver(listId, employeeIds, day, by);
        lists.notificationsToDeadlines(listId);
        audit.append(by, "notices-delivered", Map.of("listId", listId, "employees", employeeIds, "on",
                day.toString(), "recorded", n));
        log.info("certification listId={} {} notices recorded handed over on {} by {}", listId, n, day, by);
        return n;
    }

    public CertificationList list(long id) {
        return lists.list(id).orElseThrow(() -> CertificationProblem.notFound("list", id));
    }

    public List<CertificationList> lists(int limit, int offset) {
        return lists.lists(limit, offset);
    }

    public List<ListItem> items(long listId, boolean withoutDateOnly, int limit, int offset) {
        list(listId);
        return lists.items(listId, withoutDateOnly, limit, offset);
    }

    /** The list, locked for the change, if it is still a draft. */
    private CertificationList draft(long listId, String by) {
        list(listId);
        lists.lock(listId);
        CertificationList l = list(listId);
        if (l.approved()) {
            throw refused(by, listId, CertificationProblem.conflict(ProblemCodes.LIST_APPROVED, "list " + listId
                    + " is approved and cannot change; draw a new version of it"));
        }
        return l;
    }

    private RuntimeException refused(String by, long listId, ProblemException e) {
        audit.append(by, "refused", Map.of("listId", listId, "code", e.code(), "reason", String.valueOf(e.getMessage())));
        log.warn("certification listId={} refused for {}: {} {}", listId, by, e.code(), e.getMessage());
        return e;
    }
}
