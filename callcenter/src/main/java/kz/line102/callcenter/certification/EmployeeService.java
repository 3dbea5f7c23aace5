package kz.line102.callcenter.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employees, their service history and commissions; keeps each employee's due date as
 * {@link DueRules} computes it. Refused input is audited and logged with the employee.
 */
@Service
public class EmployeeService {

    private static final Logger log = LoggerFactory.getLogger(EmployeeService.class);

    private final JdbcCertificationRepository repo;
    private final DueRules rules;
    private final CertificationAudit audit;
    private final CertificationProperties props;
    private final Clock clock;
    private final CommissionComposition composition;
    private final JdbcCommissionRepository commissions;

    EmployeeService(JdbcCertificationRepository repo, DueRules rules, CertificationAudit audit,
                    CertificationProperties props, Clock clock, CommissionComposition composition,
                    JdbcCommissionRepository commissions) {
        this.composition = composition;
        this.commissions = commissions;
        this.repo = repo;
        this.rules = rules;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(props.zone()));
    }

    // A refusal comes before any write, so its audit entry is committed, not rolled back.
    @Transactional(noRollbackFor = ProblemException.class)
    public Employee create(String personnelNo, String fullName, List<Posting> postings, String by) {
        if (personnelNo == null || personnelNo.isBlank() || fullName == null || fullName.isBlank()) {
            throw refused(by, "employee-create", null,
                    CertificationProblem.invalid(ProblemCodes.INVALID_EMPLOYEE, "an employee needs a personnel number and a name"));
        }
        ServiceHistory history = history(null, postings, by);
        long id = repo.insertEmployee(personnelNo.trim(), fullName.trim());
        repo.replacePostings(id, history.postings());
        audit.append(by, "employee-created", Map.of("employeeId", id, "personnelNo", personnelNo,
                "postings", history.postings().size()));
        log.info("employeeId={} created by {} with {} postings", id, by, history.postings().size());
        return recompute(id, today());
    }

    // A refusal comes before any write, so its audit entry is committed, not rolled back.
    @Transactional(noRollbackFor = ProblemException.class)
    public Employee replaceHistory(long id, List<Posting> postings, String by) {
        employee(id);
        ServiceHistory history = history(id, postings, by);
        repo.replacePostings(id, history.postings());
        audit.append(by, "history-replaced", Map.of("employeeId", id, "postings", history.postings().size()));
        log.info("employeeId={} service history replaced by {} ({} postings)", id, by, history.postings().size());
        return recompute(id, today());
    }

    public Employee employee(long id) {
        return repo.employee(id).orElseThrow(() -> CertificationProblem.notFound("employee", id));
    }

    public List<Posting> postings(long id) {
        employee(id);
        return repo.postings(id);
    }

    /** The history as the rules see it, with the last decision; its due date as of {@code asOf}. */
    Due due(long id, LocalDate asOf) {
        return rules.evaluate(withLastDecision(id, repo.postings(id)), asOf);
    }

    /** Computes the due date again and stores it (on a change, and daily as exemptions depend on the day). */
    @Transactional
    public Employee recompute(long id, LocalDate asOf) {
        List<Posting> postings = repo.postings(id);
        if (!postings.isEmpty()) {
            repo.updateDue(id, rules.evaluate(withLastDecision(id, postings), asOf), asOf);
        }
        return employee(id);
    }

    private ServiceHistory withLastDecision(long id, List<Posting> postings) {
        return repo.lastDecided(id).map(c -> new ServiceHistory(postings, c.decidedOn(),
                Decision.RECERTIFY.name().equals(c.outcome()))).orElseGet(() -> new ServiceHistory(postings, null, false));
    }

    private ServiceHistory history(Long id, List<Posting> postings, String by) {
        try {
            if (postings == null || postings.stream().anyMatch(java.util.Objects::isNull)) {
                throw new InvalidHistoryException(ProblemCodes.NO_SERVICE, "the service history has no posting");
            }
            return new ServiceHistory(postings, null, false);
        } catch (InvalidHistoryException e) {
            throw refused(by, "history-refused", id, e);
        }
    }

    /**
     * A commission by order of the head: its members, the chair and the secretary among them, as
     * {@link CommissionComposition} allows; kept as its composition version 1.
     */
    // A refusal comes before any write, so its audit entry is committed, not rolled back.
    @Transactional(noRollbackFor = ProblemException.class)
    public Commission createCommission(String name, String chair, String secretary, List<String> members, String by) {
        List<String> all = members(members);
        try {
            shape(name, chair, secretary, all);
            composition.members(all, today());
        } catch (ProblemException e) {
            throw refused(by, "commission-refused", null, e);
        }
        long id = repo.insertCommission(name.trim(), chair, secretary, all, by);
        commissions.insertVersion(id, 1, name.trim(), chair, secretary, all, by, null);
        audit.append(by, "commission-created", Map.of("commissionId", id, "name", name, "chair", chair,
                "secretary", secretary, "members", all));
        log.info("commissionId={} '{}' created by {} with {} members", id, name, by, all.size());
        return commission(id);
    }

    static List<String> members(List<String> members) {
        return members == null ? List.of() : members.stream().map(m -> m == null ? "" : m.trim()).toList();
    }

    /** Refuses (400 invalid-commission) a commission with no name or members, or its chair or secretary not among them. */
    static void shape(String name, String chair, String secretary, List<String> all) {
        String problem = name == null || name.isBlank() ? "a commission needs a name"
                : all.isEmpty() ? "a commission needs members"
                : new HashSet<>(all).size() != all.size() ? "a member is listed twice"
                : !all.contains(chair) ? "the chair '" + chair + "' must be one of the members"
                : !all.contains(secretary) ? "the secretary '" + secretary + "' must be one of the members"
                : null;
        if (problem != null) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_COMMISSION, problem);
        }
    }

    /** The composition the case was decided by, or (while it is open) the commission's current one. */
    public Commission commissionOf(CertificationCase c) {
        return c.open() ? commission(c.commissionId()) : commissions.decidedBy(c.id())
                .orElseGet(() -> commission(c.commissionId()));
    }

    public Commission commission(long id) {
        return repo.commission(id).orElseThrow(() -> CertificationProblem.notFound("commission", id));
    }

    public List<Commission> commissions() {
        return repo.commissions();
    }

    public List<Employee> employees(int limit, int offset) {
        return repo.employees(limit, offset);
    }

    /** Who is due within {@code days} from today, or overdue. */
    public List<Employee> dueWithin(int days, int limit, int offset) {
        if (days < 0 || days > 3650) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "days must be 0 to 3650, got " + days);
        }
        return repo.dueBy(today().plusDays(days), limit, offset);
    }

    RuntimeException refused(String by, String action, Long employeeId, ProblemException e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (employeeId != null) {
            detail.put("employeeId", employeeId);
        }
        detail.put("code", e.code());
        detail.put("reason", e.getMessage());
        audit.append(by, action, detail);
        log.warn("employeeId={} {} by {} refused: {} {}", employeeId, action, by, e.code(), e.getMessage());
        return e;
    }
}
