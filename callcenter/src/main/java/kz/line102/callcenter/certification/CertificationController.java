package kz.line102.callcenter.certification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/certification}: personnel (PERSONNEL) keep employees, histories, commissions
 * and open cases; stage results come from personnel and heads (SUPERVISOR); the commission's
 * secretary closes its vote ({@link MeetingService}); both read. The URL table in {@code security}
 * says which roles may try, {@link CommissionRoles} who of them may act in a case.
 */
@RestController
@RequestMapping("/api/v1/certification")
class CertificationController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int MAX_PAGE = 500;

    private final EmployeeService employees;
    private final CaseService cases;
    private final DueCsv csv;
    private final CertificationAudit audit;
    private final MeetingService meetings;
    private final OwnFileService files;
    private final CertificationCommissionService commissions;

    CertificationController(EmployeeService employees, CaseService cases, DueCsv csv, CertificationAudit audit,
                            MeetingService meetings, OwnFileService files, CertificationCommissionService commissions) {
        this.commissions = commissions;
        this.employees = employees;
        this.cases = cases;
        this.csv = csv;
        this.audit = audit;
        this.meetings = meetings;
        this.files = files;
    }

    record PostingBody(String kind, LocalDate start, LocalDate end, String post, Integer rank, Boolean equivalent,
                       Boolean head, Boolean employedElsewhereBefore) {

        Posting posting() {
            Posting.Kind k;
            try {
                k = kind == null ? Posting.Kind.POST : Posting.Kind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidHistoryException(ProblemCodes.UNKNOWN_POSTING_KIND, "a posting is POST, STUDY or SECONDMENT, not '"
                        + kind + "'");
            }
            if (post == null || post.isBlank()) {
                throw new InvalidHistoryException(ProblemCodes.INVALID_POSTING, "a posting needs the post's name");
            }
            return new Posting(k, start, end, post.trim(), rank == null ? 0 : rank, Boolean.TRUE.equals(equivalent),
                    Boolean.TRUE.equals(head), Boolean.TRUE.equals(employedElsewhereBefore));
        }
    }

    record EmployeeBody(String personnelNo, String fullName, List<PostingBody> postings) {
    }

    record EmployeeView(Employee employee, List<Posting> postings, List<CertificationCase> cases, String account) {
    }

    record CommissionBody(String name, String chair, String secretary, List<String> members) {
    }

    /** {@code version}: the composition the change was made from (optional); {@code reason}: the order, say. */
    record CompositionBody(String name, String chair, String secretary, List<String> members, Integer version,
                           String reason) {
    }

    record CaseBody(Long commissionId) {
    }

    record StageBody(String stage, String result, Integer score, String note, Long corrects) {
    }

    record DecisionBody(Set<String> present, Map<String, String> votes, String note) {
    }

    record CaseView(CertificationCase certificationCase, List<CaseEntry> entries) {
    }

    @GetMapping("/employees")
    List<Employee> employees(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return employees.employees(limit(limit), Math.max(0, offset));
    }

    @PostMapping("/employees")
    ResponseEntity<Employee> create(Authentication auth, @RequestBody EmployeeBody body) {
        Employee e = employees.create(body.personnelNo(), body.fullName(), postings(body.postings(), auth, null), auth.getName());
        return ResponseEntity.status(201).body(e);
    }

    @GetMapping("/employees/{id}")
    EmployeeView employee(@PathVariable long id) {
        return new EmployeeView(employees.employee(id), employees.postings(id), cases.cases(id),
                files.account(id).orElse(null));
    }

    @PutMapping("/employees/{id}/history")
    Employee history(Authentication auth, @PathVariable long id, @RequestBody EmployeeBody body) {
        return employees.replaceHistory(id, postings(body.postings(), auth, id), auth.getName());
    }

    @PostMapping("/employees/{id}/cases")
    ResponseEntity<CertificationCase> open(Authentication auth, @PathVariable long id, @RequestBody CaseBody body) {
        if (body.commissionId() == null) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "a certification needs its commission");
        }
        return ResponseEntity.status(201).body(cases.open(id, body.commissionId(), auth.getName()));
    }

    @GetMapping("/commissions")
    List<Commission> commissions() {
        return employees.commissions();
    }

    @PostMapping("/commissions")
    ResponseEntity<Commission> commission(Authentication auth, @RequestBody CommissionBody body) {
        return ResponseEntity.status(201).body(employees.createCommission(body.name(), body.chair(), body.secretary(),
                body.members(), auth.getName()));
    }

    /** A new composition of the commission (a later order of the head); the earlier ones are kept. */
    @PutMapping("/commissions/{id}")
    Commission changeCommission(Authentication auth, @PathVariable long id, @RequestBody CompositionBody body) {
        return commissions.change(id, body.name(), body.chair(), body.secretary(), body.members(), body.version(),
                body.reason(), auth.getName());
    }

    @GetMapping("/commissions/{id}/versions")
    List<JdbcCommissionRepository.Version> commissionVersions(@PathVariable long id) {
        return commissions.versions(id);
    }

    @GetMapping("/cases/{id}")
    CaseView certificationCase(@PathVariable long id) {
        return new CaseView(cases.certificationCase(id), cases.entries(id));
    }

    @PostMapping("/cases/{id}/stages")
    ResponseEntity<CaseEntry> stage(Authentication auth, @PathVariable long id, @RequestBody StageBody body) {
        return ResponseEntity.status(201).body(cases.record(id, body.stage(), body.result(), body.score(), body.note(),
                body.corrects(), auth.getName()));
    }

    /**
     * The commission's secretary closes the vote; the outcome comes from the attendance recorded and
     * the votes the members cast themselves, never from a list of votes sent here.
     */
    @PostMapping("/cases/{id}/decision")
    CertificationCase decide(Authentication auth, @PathVariable long id, @RequestBody DecisionBody body) {
        if (body.present() != null || body.votes() != null) {
            throw CertificationProblem.invalid(ProblemCodes.VOTES_BY_MEMBERS, "each member votes under their own sign-in"
                    + " (POST /cases/" + id + "/votes); the decision takes only a note");
        }
        return meetings.decide(id, body.note(), auth.getName());
    }

    /** Due within {@code days} from today, or overdue, earliest first. */
    @GetMapping("/due")
    List<Employee> due(@RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "100") int limit,
                       @RequestParam(defaultValue = "0") int offset) {
        return employees.dueWithin(days, limit(limit), Math.max(0, offset));
    }

    @GetMapping("/due.csv")
    ResponseEntity<byte[]> dueCsv(@RequestParam(defaultValue = "30") int days,
                                  @RequestParam(required = false) String lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = csv.write(days, lang, out);
        return ResponseEntity.ok().contentType(CSV).header("X-Rows", Integer.toString(written))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("certification-due-" + employees.today() + ".csv").build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/audit")
    List<Map<String, Object>> audit(@RequestParam(defaultValue = "100") int limit) {
        return audit.read(limit(limit));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
        return limit;
    }

    /** The postings as sent; one that cannot be is refused, audited and logged like any bad history. */
    private List<Posting> postings(List<PostingBody> bodies, Authentication auth, Long employeeId) {
        if (bodies == null) {
            return List.of();
        }
        try {
            return bodies.stream().map(PostingBody::posting).toList();
        } catch (InvalidHistoryException e) {
            throw employees.refused(auth.getName(), "history-refused", employeeId, e);
        }
    }
}
