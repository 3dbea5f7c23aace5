package kz.line102.callcenter.certification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commission's meeting on a case, each step under the sign-in of whoever takes it: the
 * secretary records who is present (only while the commission may hear the case, {@link
 * CommissionComposition#forCase}: a service history recorded since the case was opened may have
 * put a member below the employee) and the questions put (at most {@code max-questions}), each
 * member present casts their own open vote, and the secretary closes the vote: the outcome
 * follows from the recorded attendance and the votes cast (quorum, majority, the chair's own
 * vote on a tie) through {@link CaseService#decide}.
 */
@Service
public class MeetingService {

    private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

    private final CaseService cases;
    private final CommissionRoles roles;
    private final JdbcMeetingRepository meetings;
    private final CertificationAudit audit;
    private final CertificationProperties props;

    private final CommissionComposition composition;
    private final JdbcCommissionRepository commissions;
    private final EmployeeService employees;

    MeetingService(CaseService cases, CommissionRoles roles, JdbcMeetingRepository meetings, CertificationAudit audit,
                   CertificationProperties props, CommissionComposition composition,
                   JdbcCommissionRepository commissions, EmployeeService employees) {
        this.composition = composition;
        this.commissions = commissions;
        this.employees = employees;
        this.cases = cases;
        this.roles = roles;
        this.meetings = meetings;
        this.audit = audit;
        this.props = props;
    }

    /** {@code withoutAccount}: members with no enabled user account, who cannot sign in to vote. */
    public record Meeting(long caseId, long commissionId, String chair, String secretary, List<String> members,
                          List<String> withoutAccount, List<JdbcMeetingRepository.Attendance> present,
                          List<JdbcMeetingRepository.Question> questions, int maxQuestions,
                          List<JdbcMeetingRepository.Vote> votes) {
    }

    /** What was recorded at the meeting; members and personnel read it. */
    public Meeting meeting(long caseId) {
        CertificationCase c = cases.certificationCase(caseId);
        Commission commission = roles.commission(c);
        return new Meeting(caseId, c.commissionId(), commission.chair(), commission.secretary(), commission.members(),
                meetings.withoutAccount(commission.members()), meetings.attendance(caseId), meetings.questions(caseId), props.maxQuestions(), meetings.votes(caseId));
    }

    /** The secretary records members present (only members; the employee never). */
    @Transactional(noRollbackFor = ProblemException.class)
    public Meeting attendance(long caseId, Set<String> present, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            Commission commission = roles.secretary(c, by);
            open(c);
            if (present == null || present.isEmpty()) {
                throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "name the members present");
            }
            String employee = meetings.accountOf(c.employeeId()).orElse(null);
            for (String who : present) {
                if (who.equals(employee)) {
                    throw CertificationProblem.forbidden(ProblemCodes.OWN_CASE, who + " is the employee of case " + caseId
                            + " and does not sit on the commission that hears it");
                }
                if (!commission.members().contains(who)) {
                    throw CertificationProblem.invalid(ProblemCodes.NOT_A_MEMBER, who + " is not a member of commission '"
                            + commission.name() + "'");
                }
            }
            // Shared with other meetings, exclusive of a change of the composition, which waits for this one.
            commissions.lock(c.commissionId(), false);
            // A history recorded since the case was opened may have put a member below the employee:
            // the meeting begins only with a commission that may hear the case.
            composition.forCase(commission, c.employeeId(), caseId, employees.today());
            Set<String> added = present.stream().filter(who -> meetings.present(caseId, who, by))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            audit.append(by, "attendance-recorded", Map.of("caseId", caseId, "employeeId", c.employeeId(),
                    "present", added));
            log.info("employeeId={} caseId={} present recorded by the secretary {}: {}", c.employeeId(), caseId, by,
                    added);
            return meeting(caseId);
        } catch (ProblemException e) {
            throw refused(by, c, "attendance", e);
        }
    }

    /** The secretary records a question a member put; the one past {@code max-questions} is refused. */
    @Transactional(noRollbackFor = ProblemException.class)
    public Meeting question(long caseId, String askedBy, String question, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            Commission commission = roles.secretary(c, by);
            open(c);
            String text = question == null ? "" : question.strip();
            if (text.isEmpty() || text.length() > 2000) {
                throw CertificationProblem.invalid(ProblemCodes.INVALID_QUESTION, "a question is 1 to 2000 characters");
            }
            // Observers ask nothing (item 27): only a member of the commission puts questions.
            if (askedBy == null || !commission.members().contains(askedBy)) {
                throw CertificationProblem.invalid(ProblemCodes.NOT_A_MEMBER, askedBy + " is not a member of commission '"
                        + commission.name() + "'");
            }
            meetings.lockCase(caseId);
            if (meetings.questionCount(caseId) >= props.maxQuestions()) {
                throw new CertificationProblem(org.springframework.http.HttpStatus.CONFLICT,
                        ProblemCodes.TOO_MANY_QUESTIONS, "at most " + props.maxQuestions() + " questions are put",
                        List.of(props.maxQuestions()));
            }
            int number = meetings.question(caseId, askedBy, text, by);
            audit.append(by, "question-recorded", Map.of("caseId", caseId, "employeeId", c.employeeId(), "number",
                    number, "askedBy", askedBy));
            log.info("employeeId={} caseId={} question {} by {} recorded by {}", c.employeeId(), caseId, number, askedBy,
                    by);
            return meeting(caseId);
        } catch (ProblemException e) {
            throw refused(by, c, "question", e);
        }
    }

    /** A member present casts their own open vote, once; a decision not allowed for the case is refused. */
    @Transactional(noRollbackFor = ProblemException.class)
    public Meeting vote(long caseId, String decisionName, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            roles.member(c, by);
            open(c);
            Decision decision = Decision.parse(decisionName);
            if (!Decision.allowed(c.recertification()).contains(decision)) {
                throw CertificationProblem.conflict(ProblemCodes.DECISION_NOT_ALLOWED, decision + " is not a decision of a "
                        + (c.recertification() ? "re-certification" : "first certification") + "; allowed: "
                        + Decision.allowed(c.recertification()));
            }
            if (meetings.attendance(caseId).stream().noneMatch(a -> a.username().equals(by))) {
                throw CertificationProblem.conflict(ProblemCodes.NOT_PRESENT, by + " is not recorded present at the meeting"
                        + " on case " + caseId + "; the secretary records attendance first");
            }
            if (!meetings.vote(caseId, by, decision)) {
                throw CertificationProblem.conflict(ProblemCodes.VOTE_CAST, by + " has voted on case " + caseId + " already");
            }
            audit.append(by, "vote-cast", Map.of("caseId", caseId, "employeeId", c.employeeId(), "decision",
                    decision.name()));
            log.info("employeeId={} caseId={} {} voted {}", c.employeeId(), caseId, by, decision);
            return meeting(caseId);
        } catch (ProblemException e) {
            throw refused(by, c, "vote", e);
        }
    }

    /** The secretary closes the vote: the outcome of the recorded attendance and the votes cast. */
    public CertificationCase decide(long caseId, String note, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            roles.secretary(c, by);
        } catch (ProblemException e) {
            throw refused(by, c, "decision", e);
        }
        Set<String> present = meetings.attendance(caseId).stream().map(JdbcMeetingRepository.Attendance::username)
                .collect(Collectors.toSet());
        Map<String, String> votes = new LinkedHashMap<>();
        meetings.votes(caseId).forEach(v -> votes.put(v.username(), v.decision()));
        return cases.decide(caseId, present, votes, note, by);
    }

    private static void open(CertificationCase c) {
        if (!c.open()) {
            throw CertificationProblem.conflict(ProblemCodes.CASE_DECIDED, "case " + c.id() + " was decided on "
                    + c.decidedOn() + "; its meeting is closed");
        }
    }

    private RuntimeException refused(String by, CertificationCase c, String what, ProblemException e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("employeeId", c.employeeId());
        d.put("caseId", c.id());
        d.put("step", what);
        d.put("code", e.code());
        d.put("reason", e.getMessage());
        audit.append(by, "refused", d);
        log.warn("employeeId={} caseId={} {} refused for {}: {} {}", c.employeeId(), c.id(), what, by, e.code(),
                e.getMessage());
        return e;
    }
}
