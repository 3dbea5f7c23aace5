package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A certification case: its stages in the regulation's order (item 6), each result an
 * append-only entry (a correction is a later entry of the same stage naming the one it
 * corrects; the latest stands), admission to the interview (standards passed, test score
 * at or above the threshold), and the commission's decision by open vote.
 */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    /** The results each stage may record. */
    static final Map<Stage, Set<String>> RESULTS = new EnumMap<>(Map.of(
            Stage.PREPARATION, Set.of("DONE"),
            Stage.STANDARDS, Set.of("PASSED", "FAILED"),
            Stage.TEST, Set.of("PASSED", "FAILED"),
            Stage.POLYGRAPH, Set.of("DONE"),
            Stage.INTERVIEW, Set.of("ATTENDED", "ABSENT_GOOD_REASON", "ABSENT")));

    private final JdbcCertificationRepository repo;
    private final EmployeeService employees;
    private final CertificationAudit audit;
    private final CertificationProperties props;
    private final JdbcDeadlineRepository deadlines;
    private final PreparationCalendar calendar;
    private final CommissionRoles roles;
    private final CommissionComposition composition;
    private final JdbcCommissionRepository commissions;

    CaseService(JdbcCertificationRepository repo, EmployeeService employees, CertificationAudit audit,
                CertificationProperties props, JdbcDeadlineRepository deadlines, CommissionRoles roles,
                CommissionComposition composition, JdbcCommissionRepository commissions) {
        this.roles = roles;
        this.composition = composition;
        this.commissions = commissions;
        this.repo = repo;
        this.employees = employees;
        this.audit = audit;
        this.props = props;
        this.deadlines = deadlines;
        this.calendar = new PreparationCalendar(props.preparation());
    }

    /**
     * Opens the employee's certification before a commission that may hear it (the employee not
     * a member, no member's post below theirs: {@link CommissionComposition#forCase}); a
     * re-certification only inside its window (item 37).
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationCase open(long employeeId, long commissionId, String by) {
        Employee employee = employees.employee(employeeId);
        employees.commission(commissionId);
        LocalDate today = employees.today();
        // Shared: cases open side by side, a change of the composition waits for them (and they for it).
        commissions.lock(commissionId, false);
        try {
            composition.forCase(employees.commission(commissionId), employeeId, null, today);
        } catch (ProblemException e) {
            throw refused(by, employeeId, null, e);
        }
        CertificationCase last = repo.lastDecided(employeeId).orElse(null);
        boolean recertification = last != null && Decision.RECERTIFY.name().equals(last.outcome());
        if (recertification) {
            LocalDate earliest = last.decidedOn().plus(props.rules().recertifyEarliest());
            if (today.isBefore(earliest)) {
                throw refused(by, employeeId, null, CertificationProblem.conflict(ProblemCodes.RECERTIFICATION_TOO_EARLY,
                        "the re-certification may not be held before " + earliest + " (decided " + last.decidedOn()
                                + ")"));
            }
        }
        Due due = employees.due(employeeId, today);
        long id = repo.insertCase(employeeId, commissionId, recertification, due.dueOn(), by);
        // On an approved list, the case keeps that meeting and its calendar from the start.
        if (employee.meetingOn() != null) {
            deadlines.setMeeting(id, employee.meetingOn());
            deadlines.upsert(id, calendar.deadlines(employee.meetingOn()));
        }
        audit.append(by, "case-opened", Map.of("caseId", id, "employeeId", employeeId, "commissionId", commissionId,
                "recertification", recertification));
        log.info("employeeId={} caseId={} opened by {} before commissionId={}", employeeId, id, by, commissionId);
        return certificationCase(id);
    }

    public CertificationCase certificationCase(long id) {
        return repo.certificationCase(id).orElseThrow(() -> CertificationProblem.notFound("case", id));
    }

    public List<CertificationCase> cases(long employeeId) {
        employees.employee(employeeId);
        return repo.cases(employeeId);
    }

    public List<CaseEntry> entries(long caseId) {
        certificationCase(caseId);
        return repo.entries(caseId);
    }

    /** Records a stage's result (not the decision: {@link #decide}). */
    @Transactional(noRollbackFor = ProblemException.class)
    public CaseEntry record(long caseId, String stageName, String resultName, Integer score, String note,
                            Long corrects, String by) {
        CertificationCase c = certificationCase(caseId);
        try {
            roles.notOwnCase(c, by);
            Stage stage = Stage.parse(stageName);
            if (stage == Stage.DECISION) {
                throw CertificationProblem.invalid(ProblemCodes.UNKNOWN_STAGE, "a decision is taken by vote, not recorded as a stage");
            }
            if (!c.open()) {
                throw CertificationProblem.conflict(ProblemCodes.CASE_DECIDED, "case " + caseId + " was decided on "
                        + c.decidedOn() + "; nothing more is recorded in it");
            }
            Map<Stage, CaseEntry> current = current(repo.entries(caseId));
            checkCorrection(current, stage, corrects, caseId);
            for (Stage before : Stage.values()) {
                if (before.ordinal() < stage.ordinal() && !current.containsKey(before)) {
                    throw CertificationProblem.conflict(ProblemCodes.STAGE_OUT_OF_ORDER, stage + " before " + before
                            + " is recorded; the stages go " + List.of(Stage.values()));
                }
            }
            String result = result(stage, resultName, score);
            if (stage == Stage.INTERVIEW && !admitted(current)) {
                throw CertificationProblem.conflict(ProblemCodes.NOT_ADMITTED, "only an employee who passed the standards and"
                        + " the test (" + props.testPassScore() + " or more) is admitted to the interview (item 24)");
            }
            long id = repo.insertEntry(caseId, stage, result, score, note, Map.of(), corrects, by);
            audit.append(by, "stage-recorded", detail(c, stage, result, score, corrects, id));
            log.info("employeeId={} caseId={} {} recorded {} by {}{}", c.employeeId(), caseId, stage, result, by,
                    corrects == null ? "" : " correcting entry " + corrects);
            return repo.entries(caseId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        } catch (ProblemException e) {
            throw refused(by, c.employeeId(), caseId, e);
        }
    }

    /**
     * The commission's decision by open vote: quorum, majority, the chair's casting vote, the
     * options allowed for a first certification or a re-certification. Closes the case and
     * sets the employee's clock going again.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public CertificationCase decide(long caseId, Set<String> present, Map<String, String> votes, String note,
                                    String by) {
        CertificationCase c = certificationCase(caseId);
        try {
            roles.notOwnCase(c, by);
            if (!c.open()) {
                throw CertificationProblem.conflict(ProblemCodes.CASE_DECIDED, "case " + caseId + " was decided on "
                        + c.decidedOn());
            }
            Map<Stage, CaseEntry> current = current(repo.entries(caseId));
            boolean interviewed = current.containsKey(Stage.INTERVIEW);
            boolean failedBefore = failed(current.get(Stage.STANDARDS)) || failed(current.get(Stage.TEST));
            if (!interviewed && !failedBefore) {
                throw CertificationProblem.conflict(ProblemCodes.STAGE_OUT_OF_ORDER, "the decision comes after the interview"
                        + " (or after failed standards or test); recorded so far: " + current.keySet());
            }
            Map<String, Decision> ballots = new LinkedHashMap<>();
            (votes == null ? Map.<String, String>of() : votes).forEach((who, d) -> ballots.put(who, Decision.parse(d)));
            Commission commission = employees.commission(c.commissionId());
            Decision outcome = commission.outcome(present == null ? Set.of() : Set.copyOf(present), ballots,
                    props.quorumPresent(), props.quorumOf());
            if (!Decision.allowed(c.recertification()).contains(outcome)) {
                throw CertificationProblem.conflict(ProblemCodes.DECISION_NOT_ALLOWED, outcome + " is not a decision of a "
                        + (c.recertification() ? "re-certification" : "first certification") + "; allowed: "
                        + Decision.allowed(c.recertification()));
            }
            LocalDate today = employees.today();
            if (!repo.decide(caseId, today, outcome)) {
                throw CertificationProblem.conflict(ProblemCodes.CASE_DECIDED, "case " + caseId + " was decided meanwhile");
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("present", present);
            detail.put("votes", votes);
            long entry = repo.insertEntry(caseId, Stage.DECISION, outcome.name(), null, note, detail, null, by);
            audit.append(by, "decision-recorded", detail(c, Stage.DECISION, outcome.name(), null, null, entry));
            log.info("employeeId={} caseId={} decided {} by vote of {} present, recorded by {}", c.employeeId(),
                    caseId, outcome, present.size(), by);
            employees.recompute(c.employeeId(), today);
            return certificationCase(caseId);
        } catch (ProblemException e) {
            throw refused(by, c.employeeId(), caseId, e);
        }
    }

    private boolean admitted(Map<Stage, CaseEntry> current) {
        return "PASSED".equals(result(current.get(Stage.STANDARDS))) && "PASSED".equals(result(current.get(Stage.TEST)));
    }

    private static boolean failed(CaseEntry e) {
        return "FAILED".equals(result(e));
    }

    private static String result(CaseEntry e) {
        return e == null ? null : e.result();
    }

    /** The test's result follows from its score and the threshold; the others are as given. */
    private String result(Stage stage, String given, Integer score) {
        if (stage == Stage.TEST) {
            if (score == null || score < 0 || score > 100) {
                throw CertificationProblem.invalid(ProblemCodes.INVALID_SCORE, "the test needs a score of 0 to 100, got " + score);
            }
            return score >= props.testPassScore() ? "PASSED" : "FAILED";
        }
        String result = given == null ? "" : given.trim().toUpperCase(java.util.Locale.ROOT);
        if (!RESULTS.get(stage).contains(result)) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_RESULT, "stage " + stage + " records one of "
                    + RESULTS.get(stage) + ", not '" + given + "'");
        }
        return result;
    }

    private static void checkCorrection(Map<Stage, CaseEntry> current, Stage stage, Long corrects, long caseId) {
        CaseEntry standing = current.get(stage);
        if (corrects == null && standing != null) {
            throw CertificationProblem.conflict(ProblemCodes.STAGE_RECORDED, stage + " is recorded (entry " + standing.id()
                    + "); a change is a correction naming that entry");
        }
        if (corrects != null && (standing == null || standing.id() != corrects)) {
            throw CertificationProblem.conflict(ProblemCodes.NOT_THE_STANDING_ENTRY, "entry " + corrects + " is not the standing "
                    + stage + " result of case " + caseId + (standing == null ? "" : "; that is " + standing.id()));
        }
    }

    /** The standing entry of each stage: the latest. */
    static Map<Stage, CaseEntry> current(List<CaseEntry> entries) {
        Map<Stage, CaseEntry> current = new EnumMap<>(Stage.class);
        entries.forEach(e -> current.put(e.stage(), e));
        return current;
    }

    private static Map<String, Object> detail(CertificationCase c, Stage stage, String result, Integer score,
                                              Long corrects, long entry) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("employeeId", c.employeeId());
        d.put("caseId", c.id());
        d.put("entryId", entry);
        d.put("stage", stage.name());
        d.put("result", result);
        if (score != null) {
            d.put("score", score);
        }
        if (corrects != null) {
            d.put("corrects", corrects);
        }
        return d;
    }

    private RuntimeException refused(String by, long employeeId, Long caseId, ProblemException e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("employeeId", employeeId);
        if (caseId != null) {
            d.put("caseId", caseId);
        }
        d.put("code", e.code());
        d.put("reason", e.getMessage());
        audit.append(by, "refused", d);
        log.warn("employeeId={} caseId={} refused for {}: {} {}", employeeId, caseId, by, e.code(), e.getMessage());
        return e;
    }
}
