package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The daily pass: computes every employee's due date again (the long-service exemption and
 * the overdue state depend on the day), then raises one reminder per employee and due date
 * for those due within {@code remindDaysAhead} days or overdue. The alert's dedup key is
 * the employee and the due date, so a second pass, a second node or a restart raises
 * nothing twice, and a new due date (after a decision) raises a new one.
 */
@Component
class DueReminders {

    private static final Logger log = LoggerFactory.getLogger(DueReminders.class);
    private static final int PAGE = 500;

    private final EmployeeService employees;
    private final JdbcCertificationRepository repo;
    private final AlertService alerts;
    private final CertificationProperties props;

    DueReminders(EmployeeService employees, JdbcCertificationRepository repo, AlertService alerts,
                 CertificationProperties props) {
        this.employees = employees;
        this.repo = repo;
        this.alerts = alerts;
        this.props = props;
    }

    record Pass(int recomputed, int reminded) {
    }

    Pass run() {
        LocalDate today = employees.today();
        int recomputed = 0;
        for (long after = 0; ; ) {
            List<Long> ids = repo.employeeIds(after, PAGE);
            for (long id : ids) {
                employees.recompute(id, today);
                after = id;
            }
            recomputed += ids.size();
            if (ids.size() < PAGE) {
                break;
            }
        }
        int reminded = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<Employee> due = repo.dueBy(today.plusDays(props.remindDaysAhead()), PAGE, offset);
            due.forEach(this::remind);
            reminded += due.size();
            if (due.size() < PAGE) {
                break;
            }
        }
        log.info("certification pass on {}: {} employees computed, {} due within {} days or overdue", today,
                recomputed, reminded, props.remindDaysAhead());
        return new Pass(recomputed, reminded);
    }

    static String dedupKey(Employee e) {
        return "certification-due:" + e.id() + ":" + e.dueOn();
    }

    private void remind(Employee e) {
        boolean overdue = "OVERDUE".equals(e.dueStatus());
        // The alert's title is in the centre's language (AlertRequest); the page shows the rest in ru/kk/en.
        String title = (overdue ? "Аттестация просрочена: " : "Аттестация: ") + e.fullName() + " (" + e.personnelNo()
                + "), срок " + e.dueOn() + " – " + e.latestOn();
        alerts.raise(new AlertRequest(dedupKey(e), overdue ? "certification-overdue" : "certification-due",
                overdue ? Severity.WARNING : Severity.INFO, title, Map.of("employeeId", e.id(),
                "dueOn", e.dueOn().toString(), "latestOn", e.latestOn().toString(), "reason", e.dueReason()),
                null, "system"));
    }
}
