package kz.line102.callcenter.certification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commission's composition changed by a later order of the head: each change is a new version
 * (the earlier ones are kept), audited and logged. It must still be a composition {@link
 * CommissionComposition} allows, and one that may hear every case before the commission not yet
 * decided. It is refused while a meeting of one of those cases is in progress (attendance
 * recorded, no decision): a meeting ends with the members it began with, whose attendance and
 * votes are recorded by name. Decided cases keep the composition they were decided by. A new
 * chair keeps the commission where it stands: not above the one over it, not below one under it.
 */
@Service
public class CertificationCommissionService {

    private static final Logger log = LoggerFactory.getLogger(CertificationCommissionService.class);
    private static final int MAX_REASON = 2000;

    private final EmployeeService employees;
    private final JdbcCertificationRepository repo;
    private final JdbcCommissionRepository commissions;
    private final CommissionComposition composition;
    private final CertificationAudit audit;

    CertificationCommissionService(EmployeeService employees, JdbcCertificationRepository repo,
                                   JdbcCommissionRepository commissions, CommissionComposition composition,
                                   CertificationAudit audit) {
        this.employees = employees;
        this.repo = repo;
        this.commissions = commissions;
        this.composition = composition;
        this.audit = audit;
    }

    /**
     * The commission's next composition; {@code version} (if given) is the one the change was made
     * from, and a change made meanwhile refuses it (409 commission-version-conflict).
     */
    // A refusal comes before any write, so its audit entry is committed, not rolled back.
    @Transactional(noRollbackFor = ProblemException.class)
    public Commission change(long id, String name, String chair, String secretary, List<String> members, Integer version,
                             String reason, String by) {
        Commission before = employees.commission(id);
        List<String> all = EmployeeService.members(members);
        String newName = name == null || name.isBlank() ? before.name() : name.trim();
        try {
            EmployeeService.shape(newName, chair, secretary, all);
            if (reason != null && reason.strip().length() > MAX_REASON) {
                throw CertificationProblem.invalid(ProblemCodes.INVALID_COMMISSION, "the reason is at most " + MAX_REASON
                        + " characters");
            }
            composition.members(all, employees.today());
            // Exclusive: no case is opened before the commission while its composition changes.
            commissions.lock(id, true);
            int current = commissions.version(id);
            if (version != null && version != current) {
                throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.COMMISSION_VERSION_CONFLICT, "commission "
                        + id + " is at version " + current + ", the change was made from " + version, List.of(current));
            }
            if (repo.commissionNamed(newName, id)) {
                throw CertificationProblem.conflict(ProblemCodes.COMMISSION_EXISTS, "a commission named '" + newName
                        + "' exists");
            }
            Commission after = new Commission(id, newName, chair, secretary, all);
            List<JdbcCommissionRepository.OpenCase> open = commissions.openCases(id);
            List<Long> inMeeting = open.stream().filter(JdbcCommissionRepository.OpenCase::inMeeting)
                    .map(JdbcCommissionRepository.OpenCase::caseId).toList();
            if (!inMeeting.isEmpty()) {
                throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.COMMISSION_IN_MEETING, "the meeting on"
                        + " case(s) " + inMeeting + " is in progress (attendance recorded, no decision yet); it ends"
                        + " with the members it began with", List.of(inMeeting.toString()));
            }
            for (long higher : commissions.higherOf(id).stream().toList()) {
                composition.above(employees.commission(higher), after, employees.today());
            }
            for (long lower : commissions.below(id)) {
                composition.above(after, employees.commission(lower), employees.today());
            }
            for (JdbcCommissionRepository.OpenCase c : open) {
                composition.forCase(after, c.employeeId(), c.caseId(), employees.today());
            }
            if (!commissions.update(id, current, newName, chair, secretary, all)) {
                throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.COMMISSION_VERSION_CONFLICT, "commission "
                        + id + " was changed meanwhile", List.of(current + 1));
            }
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            commissions.insertVersion(id, current + 1, newName, chair, secretary, all, by, why);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("commissionId", id);
            d.put("version", current + 1);
            d.put("from", Map.of("name", before.name(), "chair", before.chair(), "secretary", before.secretary(),
                    "members", before.members()));
            d.put("to", Map.of("name", newName, "chair", chair, "secretary", secretary, "members", all));
            d.put("openCases", open.size());
            if (why != null) {
                d.put("reason", why);
            }
            audit.append(by, "commission-changed", d);
            log.info("commissionId={} '{}' composition version {} by {}: {} members (was {}), {} open cases follow it",
                    id, newName, current + 1, by, all.size(), before.members().size(), open.size());
            return employees.commission(id);
        } catch (ProblemException e) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("commissionId", id);
            d.put("code", e.code());
            d.put("reason", e.getMessage());
            audit.append(by, "commission-refused", d);
            log.warn("commissionId={} change refused for {}: {} {}", id, by, e.code(), e.getMessage());
            throw e;
        }
    }

    /** Every composition the commission has had, the first (as created) first. */
    public List<JdbcCommissionRepository.Version> versions(long id) {
        employees.commission(id);
        return commissions.versions(id);
    }
}
