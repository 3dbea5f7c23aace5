package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observers at a commission's meeting (item 26): deputies and members of public associations
 * apply from the meeting's announcement to one working day before it; at most three are
 * admitted, first come first served; never a former subordinate of the head (someone who
 * served in the body, by their own statement or found among its employees). Every
 * application is kept with its admission or its refusal's code, so the applicant can be told.
 */
@Service
public class ObserverService {

    private static final Logger log = LoggerFactory.getLogger(ObserverService.class);
    private static final List<String> CAPACITIES = List.of("DEPUTY", "PUBLIC_ASSOCIATION");

    private final JdbcObserverRepository observers;
    private final EmployeeService employees;
    private final CertificationAudit audit;
    private final CertificationProperties props;
    private final PreparationCalendar calendar;

    ObserverService(JdbcObserverRepository observers, EmployeeService employees, CertificationAudit audit,
                    CertificationProperties props) {
        this.observers = observers;
        this.employees = employees;
        this.audit = audit;
        this.props = props;
        this.calendar = new PreparationCalendar(props.preparation());
    }

    /** What an applicant states: who, in what capacity, and whether they ever served under the head. */
    public record Application(String fullName, String identityDocument, String capacity, String organisation,
                              String personnelNo, Boolean formerSubordinate) {
    }

    /**
     * Decides an application: admitted to the next seat, or refused with a problem whose code
     * is also kept with the application.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public Observer apply(long commissionId, LocalDate meeting, Application a, String by) {
        employees.commission(commissionId);
        if (a == null || blank(a.fullName()) || blank(a.identityDocument()) || meeting == null) {
            throw invalid("invalid-observer", "an application names the applicant and their identity document",
                    commissionId, meeting, by);
        }
        String capacity = a.capacity() == null ? "" : a.capacity().trim().toUpperCase(Locale.ROOT);
        if (!CAPACITIES.contains(capacity)) {
            throw invalid("unknown-observer-capacity", "observers are " + CAPACITIES + ", not '" + a.capacity() + "'",
                    commissionId, meeting, by);
        }
        observers.lockMeeting(commissionId, meeting);
        if (!observers.meetingExists(commissionId, meeting)) {
            throw new CertificationProblem(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_MEETING, "commission " + commissionId
                    + " has no meeting on " + meeting, List.of(meeting.toString()));
        }
        LocalDate today = employees.today();
        LocalDate from = calendar.observersFrom(meeting);
        LocalDate until = calendar.observersUntil(meeting);
        int admitted = observers.admitted(commissionId, meeting);
        CertificationProblem refusal = today.isBefore(from)
                ? problem(ProblemCodes.OBSERVER_WINDOW_NOT_OPEN, "applications open on " + from, from)
                : today.isAfter(until)
                ? problem(ProblemCodes.OBSERVER_APPLICATION_LATE, "applications closed on " + until, until)
                : Boolean.TRUE.equals(a.formerSubordinate())
                        || (!blank(a.personnelNo()) && observers.isEmployee(a.personnelNo().trim()))
                ? problem(ProblemCodes.FORMER_SUBORDINATE, "a former subordinate of the head may not observe", null)
                : observers.admittedAlready(commissionId, meeting, a.identityDocument().trim())
                ? problem(ProblemCodes.OBSERVER_ALREADY_ADMITTED, "this applicant is admitted already", null)
                : admitted >= props.preparation().maxObservers()
                ? problem(ProblemCodes.OBSERVERS_FULL, "the " + props.preparation().maxObservers() + " seats are taken",
                        props.preparation().maxObservers())
                : null;
        Integer seat = refusal == null ? admitted + 1 : null;
        long id = observers.insert(commissionId, meeting, a.fullName().trim(), a.identityDocument().trim(), capacity,
                blank(a.organisation()) ? null : a.organisation().trim(), by, seat,
                refusal == null ? null : refusal.code());
        audit.append(by, refusal == null ? "observer-admitted" : "observer-refused", Map.of("observerId", id,
                "commissionId", commissionId, "meetingOn", meeting.toString(), "code",
                refusal == null ? "admitted" : refusal.code()));
        if (refusal != null) {
            log.warn("commissionId={} meeting {} observer application {} refused: {} {}", commissionId, meeting, id,
                    refusal.code(), refusal.getMessage());
            throw refusal;
        }
        log.info("commissionId={} meeting {} observer {} admitted to seat {} (recorded by {})", commissionId, meeting,
                id, seat, by);
        return observers.observers(commissionId, meeting).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    public List<Observer> observers(long commissionId, LocalDate meeting) {
        return observers(commissionId, meeting, 100, 0);
    }

    public List<Observer> observers(long commissionId, LocalDate meeting, int limit, int offset) {
        employees.commission(commissionId);
        return observers.observers(commissionId, meeting, limit, offset);
    }

    private static CertificationProblem problem(String code, String detail, Object arg) {
        return new CertificationProblem(HttpStatus.CONFLICT, code, detail, arg == null ? List.of() : List.of(
                arg.toString()));
    }

    private RuntimeException invalid(String code, String detail, long commissionId, LocalDate meeting, String by) {
        audit.append(by, "observer-refused", Map.of("commissionId", commissionId, "meetingOn", String.valueOf(meeting),
                "code", code));
        log.warn("commissionId={} meeting {} observer application refused: {} {}", commissionId, meeting, code,
                detail);
        return CertificationProblem.invalid(code, detail);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
