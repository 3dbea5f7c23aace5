package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * Appeals and cancellations (items 23 and 39): a decision may be appealed within a month of
 * it; a higher commission (one above the deciding one in the order personnel keep) decides
 * the appeal, or cancels a decision whose results prove falsified. A cancelled decision no
 * longer stands: the employee's due date is computed again from the last one that does.
 */
@Service
public class AppealService {

    private static final Logger log = LoggerFactory.getLogger(AppealService.class);
    private static final int MAX_TEXT = 4000;

    private final JdbcAppealRepository appeals;
    private final CaseService cases;
    private final EmployeeService employees;
    private final CertificationAudit audit;
    private final PreparationCalendar calendar;
    private final CommissionRoles roles;
    private final CommissionComposition composition;

    AppealService(JdbcAppealRepository appeals, CaseService cases, EmployeeService employees, CertificationAudit audit,
                  CertificationProperties props, CommissionRoles roles, CommissionComposition composition) {
        this.roles = roles;
        this.composition = composition;
        this.appeals = appeals;
        this.cases = cases;
        this.employees = employees;
        this.audit = audit;
        this.calendar = new PreparationCalendar(props.preparation());
    }

    /**
     * Puts {@code higherId} above the commission (null: none above); a loop is refused, and so is
     * a higher commission whose chair's post ranks below this one's chair's.
     */
    // A refusal comes before any write, so its audit entry is committed, not rolled back.
    @Transactional(noRollbackFor = ProblemException.class)
    public Commission setHigher(long commissionId, Long higherId, String by) {
        Commission c = employees.commission(commissionId);
        if (higherId != null) {
            Commission higher = employees.commission(higherId);
            try {
                if (higherId == commissionId || appeals.above(higherId).contains(commissionId)) {
                    throw CertificationProblem.conflict(ProblemCodes.COMMISSION_CYCLE, "commission " + higherId
                            + " is below commission " + commissionId + " already");
                }
                composition.above(higher, c, employees.today());
            } catch (ProblemException e) {
                audit.append(by, "refused", Map.of("commissionId", commissionId, "code", e.code(), "reason",
                        String.valueOf(e.getMessage())));
                log.warn("commissionId={} higher commission {} refused for {}: {} {}", commissionId, higherId, by,
                        e.code(), e.getMessage());
                throw e;
            }
        }
        appeals.setHigher(commissionId, higherId);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("commissionId", commissionId);
        d.put("higherId", higherId);
        audit.append(by, "commission-higher-set", d);
        log.info("commissionId={} '{}' now under commissionId={} (set by {})", commissionId, c.name(), higherId, by);
        return c;
    }

    /** Files an appeal of the case's decision (on {@code filedOn}, today by default). */
    @Transactional(noRollbackFor = ProblemException.class)
    public Appeal file(long caseId, String grounds, LocalDate filedOn, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            LocalDate today = employees.today();
            LocalDate day = filedOn == null ? today : filedOn;
            String text = text(grounds);
            if (text == null) {
                throw CertificationProblem.invalid(ProblemCodes.INVALID_APPEAL, "an appeal states its grounds (1 to " + MAX_TEXT
                        + " characters)");
            }
            decidedAndStanding(c);
            if (day.isAfter(today) || day.isBefore(c.decidedOn())) {
                throw CertificationProblem.invalid(ProblemCodes.INVALID_APPEAL, "an appeal is filed between the decision ("
                        + c.decidedOn() + ") and today, not on " + day);
            }
            LocalDate until = calendar.appealBy(c.decidedOn());
            if (day.isAfter(until)) {
                throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.APPEAL_TOO_LATE, "the decision of "
                        + c.decidedOn() + " could be appealed until " + until + "; filed " + day,
                        List.of(until.toString()));
            }
            // Asked first: a refused insert would abort the transaction the refusal is audited in.
            if (appeals.pending(caseId)) {
                throw CertificationProblem.conflict(ProblemCodes.APPEAL_PENDING, "case " + caseId + " has an appeal awaiting"
                        + " its decision");
            }
            long id = appeals.insert(caseId, day, text, by);
            audit.append(by, "appeal-filed", Map.of("caseId", caseId, "employeeId", c.employeeId(), "appealId", id,
                    "filedOn", day.toString()));
            log.info("employeeId={} caseId={} appeal {} filed on {} (recorded by {})", c.employeeId(), caseId, id,
                    day, by);
            return appeal(id);
        } catch (ProblemException e) {
            throw refused(by, c, e);
        }
    }

    public Appeal appeal(long id) {
        return appeals.appeal(id).orElseThrow(() -> CertificationProblem.notFound("appeal", id));
    }

    public List<Appeal> appeals(long caseId) {
        cases.certificationCase(caseId);
        return appeals.appeals(caseId);
    }

    /** A higher commission decides the appeal: UPHELD, or CANCELLED (which cancels the decision). */
    @Transactional(noRollbackFor = ProblemException.class)
    public Appeal decide(long appealId, String outcomeName, Long commissionId, String reason, String by) {
        Appeal a = appeal(appealId);
        CertificationCase c = cases.certificationCase(a.caseId());
        try {
            String outcome = outcomeName == null ? "" : outcomeName.trim().toUpperCase(Locale.ROOT);
            if (!List.of("UPHELD", "CANCELLED").contains(outcome)) {
                throw CertificationProblem.invalid(ProblemCodes.UNKNOWN_APPEAL_OUTCOME, "an appeal is UPHELD or CANCELLED, not '"
                        + outcomeName + "'");
            }
            higher(c, commissionId);
            roles.notOwnCase(c, by);
            roles.memberOf(commissionId, by);
            if ("CANCELLED".equals(outcome)) {
                decidedAndStanding(c);
            }
            if (a.outcome() != null) {
                throw CertificationProblem.conflict(ProblemCodes.APPEAL_DECIDED, "appeal " + appealId + " was decided on "
                        + a.decidedOn());
            }
            LocalDate today = employees.today();
            if (!appeals.decide(appealId, outcome, commissionId, today, by, text(reason))) {
                throw CertificationProblem.conflict(ProblemCodes.APPEAL_DECIDED, "appeal " + appealId + " was decided meanwhile");
            }
            if ("CANCELLED".equals(outcome)) {
                cancelCase(c, commissionId, "appeal " + appealId + (text(reason) == null ? "" : ": " + text(reason)),
                        by);
            }
            audit.append(by, "appeal-decided", Map.of("caseId", c.id(), "employeeId", c.employeeId(), "appealId",
                    appealId, "outcome", outcome, "commissionId", commissionId));
            log.info("employeeId={} caseId={} appeal {} {} by commissionId={} ({})", c.employeeId(), c.id(), appealId,
                    outcome, commissionId, by);
            return appeal(appealId);
        } catch (ProblemException e) {
            throw refused(by, c, e);
        }
    }

    /** A higher commission cancels a decision whose results prove falsified (item 39). */
    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationCase cancel(long caseId, Long commissionId, String reason, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            if (text(reason) == null) {
                throw CertificationProblem.invalid(ProblemCodes.INVALID_CANCELLATION, "a cancellation states what came to light");
            }
            higher(c, commissionId);
            roles.notOwnCase(c, by);
            roles.memberOf(commissionId, by);
            cancelCase(c, commissionId, text(reason), by);
            return cases.certificationCase(caseId);
        } catch (ProblemException e) {
            throw refused(by, c, e);
        }
    }

    private void cancelCase(CertificationCase c, long commissionId, String reason, String by) {
        decidedAndStanding(c);
        LocalDate today = employees.today();
        if (!appeals.cancel(c.id(), commissionId, today, by, reason)) {
            throw CertificationProblem.conflict(ProblemCodes.CASE_CANCELLED, "the decision of case " + c.id()
                    + " was cancelled meanwhile");
        }
        employees.recompute(c.employeeId(), today);
        audit.append(by, "decision-cancelled", Map.of("caseId", c.id(), "employeeId", c.employeeId(),
                "commissionId", commissionId, "reason", reason));
        log.info("employeeId={} caseId={} decision {} cancelled by commissionId={} ({})", c.employeeId(), c.id(),
                c.outcome(), commissionId, by);
    }

    private static void decidedAndStanding(CertificationCase c) {
        if (c.decidedOn() == null) {
            throw CertificationProblem.conflict(ProblemCodes.CASE_NOT_DECIDED, "case " + c.id() + " has no decision yet");
        }
        if (c.cancelledOn() != null) {
            throw CertificationProblem.conflict(ProblemCodes.CASE_CANCELLED, "the decision of case " + c.id() + " was cancelled on "
                    + c.cancelledOn());
        }
    }

    /** The commission must stand above the one that decided the case. */
    private void higher(CertificationCase c, Long commissionId) {
        if (commissionId == null) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "name the higher commission");
        }
        employees.commission(commissionId);
        if (!appeals.above(c.commissionId()).contains(commissionId)) {
            throw CertificationProblem.conflict(ProblemCodes.NOT_A_HIGHER_COMMISSION, "commission " + commissionId
                    + " is not above commission " + c.commissionId() + " that decided case " + c.id());
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() || s.strip().length() > MAX_TEXT ? null : s.strip();
    }

    private RuntimeException refused(String by, CertificationCase c, ProblemException e) {
        audit.append(by, "refused", Map.of("caseId", c.id(), "employeeId", c.employeeId(), "code", e.code(),
                "reason", String.valueOf(e.getMessage())));
        log.warn("employeeId={} caseId={} appeal or cancellation refused for {}: {} {}", c.employeeId(), c.id(), by,
                e.code(), e.getMessage());
        return e;
    }
}
