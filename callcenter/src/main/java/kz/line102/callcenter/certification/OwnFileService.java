package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's own certification file, found only through the user account linked to them:
 * when they are due and why, their cases with the stages, the service profile with their own
 * acknowledgement, the decisions and the certification sheet they sign within the working days
 * of {@code preparation.sheet-working-days}. Nobody reads another's file here; an employee with an
 * account acknowledges and signs only under their own sign-in, never through personnel.
 */
@Service
public class OwnFileService {

    private static final Logger log = LoggerFactory.getLogger(OwnFileService.class);

    private final JdbcMeetingRepository meetings;
    private final EmployeeService employees;
    private final CaseService cases;
    private final ProfileService profiles;
    private final CalendarService calendar;
    private final AppealService appeals;
    private final CertificationAudit audit;
    private final PreparationCalendar days;
    private final CertificationProperties props;

    OwnFileService(JdbcMeetingRepository meetings, EmployeeService employees, CaseService cases, ProfileService profiles,
                   CalendarService calendar, AppealService appeals, CertificationAudit audit,
                   CertificationProperties props) {
        this.meetings = meetings;
        this.employees = employees;
        this.cases = cases;
        this.profiles = profiles;
        this.calendar = calendar;
        this.appeals = appeals;
        this.audit = audit;
        this.props = props;
        this.days = new PreparationCalendar(props.preparation());
    }

    public record OwnFile(Employee employee, List<Posting> postings, List<OwnCase> cases) {
    }

    /** A case as its employee sees it; {@code sheetSignBy} is the last day to sign the sheet of a decided case. */
    public record OwnCase(CertificationCase certificationCase, List<CaseEntry> entries, ServiceProfile profile,
                          List<Deadline> calendar, List<Appeal> appeals, LocalDate sheetSignBy,
                          JdbcMeetingRepository.Sheet sheet) {
    }

    public OwnFile file(String username, int limit, int offset) {
        long employeeId = employeeOf(username);
        List<OwnCase> own = meetings.caseIds(employeeId, limit, offset).stream().map(this::ownCase).toList();
        return new OwnFile(employees.employee(employeeId), employees.postings(employeeId), own);
    }

    /** The employee's acknowledgement of their service profile, under their own sign-in. */
    public ServiceProfile acknowledge(String username, long caseId, boolean disagrees, String disagreement,
                                      String added) {
        CertificationCase c = ownCase(username, caseId, "acknowledgement");
        ServiceProfile p = profiles.acknowledge(c.id(), disagrees, disagreement, added, null, username);
        log.info("employeeId={} caseId={} acknowledged their service profile themselves ({})", c.employeeId(), caseId,
                username);
        return p;
    }

    /** The employee signs the certification sheet of a decided case; signed late is kept as such. */
    @Transactional(noRollbackFor = ProblemException.class)
    public OwnCase signSheet(String username, long caseId) {
        CertificationCase c = ownCase(username, caseId, "sheet");
        try {
            if (c.decidedOn() == null) {
                throw CertificationProblem.conflict(ProblemCodes.SHEET_NOT_READY, "case " + caseId + " is not decided:"
                        + " there is no certification sheet to sign yet");
            }
            LocalDate today = employees.today();
            LocalDate signBy = days.workingDaysAfter(c.decidedOn(), props.preparation().sheetWorkingDays());
            boolean late = today.isAfter(signBy);
            if (!meetings.signSheet(caseId, username, today, late)) {
                throw CertificationProblem.conflict(ProblemCodes.SHEET_SIGNED, "the certification sheet of case " + caseId
                        + " is signed already");
            }
            calendar.doneBy(caseId, PreparationCalendar.Kind.SHEET, today, username);
            audit.append(username, "sheet-signed", Map.of("caseId", caseId, "employeeId", c.employeeId(), "on",
                    today.toString(), "late", late));
            log.info("employeeId={} caseId={} certification sheet signed by the employee {} on {}{}", c.employeeId(),
                    caseId, username, today, late ? " (late: due by " + signBy + ")" : "");
            return ownCase(caseId);
        } catch (ProblemException e) {
            throw refused(username, c.employeeId(), caseId, "sheet", e);
        }
    }

    /** Links the employee to the user account they sign in with (null unlinks). */
    @Transactional(noRollbackFor = ProblemException.class)
    public Employee link(long employeeId, String username, String by) {
        Employee e = employees.employee(employeeId);
        String name = username == null || username.isBlank() ? null : username.strip();
        try {
            if (name != null && !meetings.accountExists(name)) {
                throw CertificationProblem.invalid(ProblemCodes.NO_SUCH_ACCOUNT, "there is no user account '" + name + "'");
            }
            Optional<Long> holder = name == null ? Optional.empty() : meetings.employeeOf(name);
            if (holder.isPresent() && holder.get() != employeeId) {
                throw CertificationProblem.conflict(ProblemCodes.ACCOUNT_LINKED, "the account '" + name
                        + "' belongs to employee " + holder.get());
            }
            // Item 17: the link would put the employee on the commission hearing their open case.
            for (CertificationCase c : cases.cases(employeeId)) {
                if (name != null && c.open() && employees.commission(c.commissionId()).members().contains(name)) {
                    throw new CertificationProblem(org.springframework.http.HttpStatus.CONFLICT,
                            ProblemCodes.CERTIFIED_ON_COMMISSION, name + " sits on commission " + c.commissionId()
                            + " that hears case " + c.id() + " of employee " + employeeId, List.of(name));
                }
            }
            meetings.link(employeeId, name);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("employeeId", employeeId);
            d.put("username", name);
            audit.append(by, "account-linked", d);
            log.info("employeeId={} linked to account {} by {}", employeeId, name, by);
            return employees.employee(e.id());
        } catch (ProblemException ex) {
            throw refused(by, employeeId, null, "account", ex);
        }
    }

    public Optional<String> account(long employeeId) {
        return meetings.accountOf(employeeId);
    }

    /**
     * Personnel record an acknowledgement made on paper, only for an employee who has no account:
     * one who has signs in and acknowledges it themselves.
     */
    public ServiceProfile acknowledgeOnPaper(long caseId, boolean disagrees, String disagreement, String added,
                                             LocalDate on, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        Optional<String> account = meetings.accountOf(c.employeeId());
        if (account.isPresent()) {
            throw refused(by, c.employeeId(), caseId, "acknowledgement", CertificationProblem.forbidden(
                    ProblemCodes.SIGNS_THEMSELF, "employee " + c.employeeId() + " signs in as " + account.get()
                            + " and acknowledges the profile themselves"));
        }
        return profiles.acknowledge(caseId, disagrees, disagreement, added, on, by);
    }

    private OwnCase ownCase(long caseId) {
        CertificationCase c = cases.certificationCase(caseId);
        ServiceProfile profile;
        try {
            profile = profiles.profile(caseId);
        } catch (ProblemException e) {
            profile = null;
        }
        LocalDate signBy = c.decidedOn() == null ? null
                : days.workingDaysAfter(c.decidedOn(), props.preparation().sheetWorkingDays());
        return new OwnCase(c, cases.entries(caseId), profile, calendar.calendar(caseId), appeals.appeals(caseId), signBy,
                meetings.sheet(caseId).orElse(null));
    }

    private long employeeOf(String username) {
        return meetings.employeeOf(username).orElseThrow(() -> CertificationProblem.notFoundFile(username));
    }

    /** Refuses a case that is not the user's own (a paper of it is about to be shown). */
    void requireOwn(String username, long caseId) {
        ownCase(username, caseId, "document");
    }

    /** The case, if it is the user's own; anyone else's is refused. */
    private CertificationCase ownCase(String username, long caseId, String what) {
        long employeeId = employeeOf(username);
        CertificationCase c = cases.certificationCase(caseId);
        if (c.employeeId() != employeeId) {
            throw refused(username, employeeId, caseId, what, CertificationProblem.forbidden(ProblemCodes.NOT_YOUR_CASE,
                    "case " + caseId + " is not " + username + "'s"));
        }
        return c;
    }

    private RuntimeException refused(String by, long employeeId, Long caseId, String what, ProblemException e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("employeeId", employeeId);
        if (caseId != null) {
            d.put("caseId", caseId);
        }
        d.put("step", what);
        d.put("code", e.code());
        d.put("reason", e.getMessage());
        audit.append(by, "refused", d);
        log.warn("employeeId={} caseId={} {} refused for {}: {} {}", employeeId, caseId, what, by, e.code(),
                e.getMessage());
        return e;
    }
}
