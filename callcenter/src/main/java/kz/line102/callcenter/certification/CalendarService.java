package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each case's preparation calendar: its deadlines kept from its meeting date, marked done as
 * the work is done, the overdue ones listed for the personnel service and raised once each
 * as an alert by the daily pass; the appeal and re-certification windows after a decision.
 */
@Service
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);
    private static final int PAGE = 500;

    private final JdbcDeadlineRepository deadlines;
    private final CaseService cases;
    private final EmployeeService employees;
    private final CertificationAudit audit;
    private final AlertService alerts;
    private final CertificationProperties props;
    private final PreparationCalendar calendar;
    private final CommissionRoles roles;
    private final JdbcMeetingRepository meetings;

    CalendarService(JdbcDeadlineRepository deadlines, CaseService cases, EmployeeService employees,
                    CertificationAudit audit, AlertService alerts, CertificationProperties props, CommissionRoles roles,
                    JdbcMeetingRepository meetings) {
        this.roles = roles;
        this.meetings = meetings;
        this.deadlines = deadlines;
        this.cases = cases;
        this.employees = employees;
        this.audit = audit;
        this.alerts = alerts;
        this.props = props;
        this.calendar = new PreparationCalendar(props.preparation());
    }

    PreparationCalendar calendar() {
        return calendar;
    }

    /** The case's deadlines counted from {@code meeting} (no audit: the caller's change is audited). */
    void schedule(long caseId, LocalDate meeting) {
        deadlines.upsert(caseId, calendar.deadlines(meeting));
    }

    /** The deadlines of all open cases of an approved list, a meeting date at a time. */
    int scheduleList(long listId, List<LocalDate> meetings) {
        int written = 0;
        for (LocalDate meeting : meetings) {
            written += deadlines.upsertForList(listId, meeting, calendar.deadlines(meeting));
        }
        return written;
    }

    /** Sets (or moves) an open case's meeting; its open deadlines move with it. */
    @Transactional(noRollbackFor = ProblemException.class)
    public List<Deadline> setMeeting(long caseId, LocalDate meeting, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        if (meeting == null) {
            throw refused(by, c, CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "a meeting needs its date"));
        }
        if (!c.open()) {
            throw refused(by, c, CertificationProblem.conflict(ProblemCodes.CASE_DECIDED, "case " + caseId + " was decided on "
                    + c.decidedOn()));
        }
        deadlines.setMeeting(caseId, meeting);
        schedule(caseId, meeting);
        audit.append(by, "meeting-set", Map.of("caseId", caseId, "employeeId", c.employeeId(), "meetingOn",
                meeting.toString()));
        log.info("employeeId={} caseId={} meeting set to {} by {}", c.employeeId(), caseId, meeting, by);
        return calendar(caseId);
    }

    /** Marks a deadline done (on {@code on}, today by default); done late is kept as such. */
    @Transactional(noRollbackFor = ProblemException.class)
    public List<Deadline> done(long caseId, String kindName, LocalDate on, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            PreparationCalendar.Kind kind = PreparationCalendar.Kind.parse(kindName);
            LocalDate day = on == null ? employees.today() : on;
            if (day.isAfter(employees.today())) {
                throw CertificationProblem.invalid(ProblemCodes.DATE_IN_FUTURE, "a deadline is marked done on a past day or today,"
                        + " not " + day);
            }
            if (kind == PreparationCalendar.Kind.PROFILE || kind == PreparationCalendar.Kind.ACKNOWLEDGEMENT) {
                throw CertificationProblem.conflict(ProblemCodes.DEADLINE_BY_DOCUMENT, kind + " is done by signing the"
                        + " service profile, not marked");
            }
            roles.notOwnCase(c, by);
            // The minutes are the secretary's paper (item 33); the sheet is the employee's own signature
            // when they have an account (item 35), marked by personnel only for one signed on paper.
            if (kind == PreparationCalendar.Kind.MINUTES) {
                roles.secretary(c, by);
            }
            if (kind == PreparationCalendar.Kind.SHEET && meetings.accountOf(c.employeeId()).isPresent()) {
                throw CertificationProblem.forbidden(ProblemCodes.SIGNS_THEMSELF, "employee " + c.employeeId()
                        + " signs the certification sheet themselves under their own sign-in");
            }
            if (c.meetingOn() == null) {
                throw CertificationProblem.conflict(ProblemCodes.NO_MEETING, "case " + caseId + " has no meeting date yet");
            }
            if (!deadlines.done(caseId, kind, day, by)) {
                throw CertificationProblem.conflict(ProblemCodes.DEADLINE_DONE, kind + " of case " + caseId + " is done already");
            }
            audit.append(by, "deadline-done", Map.of("caseId", caseId, "employeeId", c.employeeId(), "kind",
                    kind.name(), "on", day.toString()));
            log.info("employeeId={} caseId={} {} done on {} by {}", c.employeeId(), caseId, kind, day, by);
            return calendar(caseId);
        } catch (ProblemException e) {
            throw refused(by, c, e);
        }
    }

    /** Marks done from inside this module (the profile signed, acknowledged); false if it was already. */
    boolean doneBy(long caseId, PreparationCalendar.Kind kind, LocalDate on, String by) {
        return deadlines.done(caseId, kind, on, by);
    }

    /** The case's deadlines with their state today, then the windows of a decided case. */
    public List<Deadline> calendar(long caseId) {
        CertificationCase c = cases.certificationCase(caseId);
        LocalDate today = employees.today();
        List<Deadline> out = new ArrayList<>();
        deadlines.rows(caseId).forEach(r -> out.add(Deadline.of(r.kind(), r.dueOn(), r.doneOn(), r.doneBy(), today)));
        if (c.decidedOn() != null) {
            out.add(Deadline.window("APPEAL", c.decidedOn(), calendar.appealBy(c.decidedOn())));
            if (Decision.RECERTIFY.name().equals(c.outcome())) {
                out.add(Deadline.window("RECERTIFICATION", c.decidedOn().plus(props.rules().recertifyEarliest()),
                        c.decidedOn().plus(props.rules().recertifyLatest())));
            }
        }
        return out;
    }

    public List<JdbcDeadlineRepository.Overdue> overdue(int limit, int offset) {
        return deadlines.overdue(employees.today(), false, limit, offset);
    }

    /** Raises one alert per overdue deadline not yet raised (a moved deadline is raised again). */
    int flagOverdue() {
        LocalDate today = employees.today();
        int flagged = 0;
        for (List<JdbcDeadlineRepository.Overdue> page = deadlines.overdue(today, true, PAGE, 0); !page.isEmpty();
             page = deadlines.overdue(today, true, PAGE, 0)) {
            for (JdbcDeadlineRepository.Overdue o : page) {
                // The title is in the centre's language (AlertRequest); the page shows the rest in ru/kk/en.
                alerts.raise(new AlertRequest("certification-deadline:" + o.caseId() + ":" + o.kind() + ":" + o.dueOn(),
                        "certification-deadline-overdue", Severity.WARNING, "Аттестация: просрочен срок " + o.kind()
                        + " — " + o.fullName() + " (" + o.personnelNo() + "), срок " + o.dueOn(), Map.of("caseId",
                        o.caseId(), "employeeId", o.employeeId(), "kind", o.kind(), "dueOn", o.dueOn().toString()),
                        null, "system"));
                deadlines.flagged(o.caseId(), o.kind());
                flagged++;
            }
        }
        if (flagged > 0) {
            log.info("certification pass on {}: {} overdue deadlines raised to the personnel service", today, flagged);
        }
        return flagged;
    }

    private RuntimeException refused(String by, CertificationCase c, ProblemException e) {
        audit.append(by, "refused", Map.of("caseId", c.id(), "employeeId", c.employeeId(), "code", e.code(),
                "reason", String.valueOf(e.getMessage())));
        log.warn("employeeId={} caseId={} refused for {}: {} {}", c.employeeId(), c.id(), by, e.code(), e.getMessage());
        return e;
    }
}
