package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appeals within the month and cancellation by a higher commission through the API: the
 * month's last day accepted and the day after refused, one pending appeal at a time, only a
 * commission above the deciding one decides it, a cancelled decision stops counting.
 */
@CallcenterTest
class AppealTest {

    static final String BASE = "/api/v1/certification";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    EmployeeService employees;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    CaseService cases;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String personnel;
    String head;
    String run;
    Commission lower;
    Commission higher;
    Commission beside;

    @BeforeEach
    void commissions() {
        api = new Api(port);
        personnel = Api.user(users, "appeal-personnel-service", Role.PERSONNEL);
        head = Api.user(users, "appeal-head", Role.SUPERVISOR);
        run = UUID.randomUUID().toString().substring(0, 8);
        lower = commission("lower");
        higher = commission("higher");
        beside = commission("beside");
        Response set = api.json("PUT", BASE + "/commissions/" + lower.id() + "/higher", personnel,
                "{\"higherId\":" + higher.id() + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private Commission commission(String name) {
        return new CommissionFixture(context).create(name + " " + run, "chair-" + run, "secretary-" + run,
                List.of("chair-" + run, "secretary-" + run, "member-" + run, "appeal-head"), "appeal-test");
    }

    /** A case decided CORRESPONDS by the lower commission, as if on {@code decidedOn}. */
    private long decided(LocalDate decidedOn) {
        Employee e = employees.create("AP-" + run + "-" + UUID.randomUUID().toString().substring(0, 6), "Бекова Әсел",
                List.of(Posting.post(employees.today().minusYears(3).minusDays(10), null, "оператор")), "appeal-test");
        long caseId = cases.open(e.id(), lower.id(), "appeal-test").id();
        for (String[] s : new String[][] {{"PREPARATION", "DONE"}, {"STANDARDS", "PASSED"}, {"POLYGRAPH", "DONE"},
                {"INTERVIEW", "ATTENDED"}}) {
            if ("POLYGRAPH".equals(s[0])) {
                cases.record(caseId, "TEST", null, 90, null, null, "appeal-test");
            }
            cases.record(caseId, s[0], s[1], null, null, null, "appeal-test");
        }
        cases.decide(caseId, Set.of("chair-" + run, "secretary-" + run, "appeal-head"), Map.of("chair-" + run,
                "CORRESPONDS", "secretary-" + run, "CORRESPONDS", "appeal-head", "CORRESPONDS"), null, "appeal-test");
        // The decision as if taken earlier: the month of the appeal runs from it.
        jdbc.update("update certification_cases set decided_on = ? where id = ?", decidedOn, caseId);
        return caseId;
    }

    private Response appeal(long caseId, LocalDate filedOn) {
        return api.json("POST", BASE + "/cases/" + caseId + "/appeals", personnel,
                "{\"grounds\":\"Не согласен с оценкой собеседования\"" + (filedOn == null ? "" : ",\"filedOn\":\""
                        + filedOn + "\"") + "}");
    }

    @Test
    void anAppealAfterAMonthIsRefusedAndOneOnTheMonthsLastDayIsFiled() {
        LocalDate decidedOn = employees.today().minusMonths(1).minusDays(1);
        long caseId = decided(decidedOn);
        Response late = appeal(caseId, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("appeal-too-late");
        assertThat(late.json().get("args").get(0).asString()).isEqualTo(decidedOn.plusMonths(1).toString());

        Response lastDay = appeal(caseId, decidedOn.plusMonths(1));
        assertThat(lastDay.status()).as(lastDay.body()).isEqualTo(201);
        assertThat(appeal(caseId, decidedOn.plusDays(3)).code()).isEqualTo("appeal-pending");
        assertThat(appeal(caseId, decidedOn.minusDays(1)).code()).isEqualTo("invalid-appeal");
    }

    @Test
    void onlyAHigherCommissionDecidesTheAppealAndACancelledDecisionStopsCounting() {
        long caseId = decided(employees.today().minusDays(3));
        long employee = cases.certificationCase(caseId).employeeId();
        assertThat(employees.employee(employee).dueStatus()).isEqualTo("UPCOMING");
        long appeal = appeal(caseId, null).json().get("id").asLong();

        Response sideways = api.json("POST", BASE + "/appeals/" + appeal + "/decision", head,
                "{\"outcome\":\"CANCELLED\",\"commissionId\":" + beside.id() + "}");
        assertThat(sideways.status()).isEqualTo(409);
        assertThat(sideways.code()).isEqualTo("not-a-higher-commission");
        assertThat(api.json("POST", BASE + "/appeals/" + appeal + "/decision", head, "{\"outcome\":\"CANCELLED\","
                + "\"commissionId\":" + lower.id() + "}").code()).isEqualTo("not-a-higher-commission");
        assertThat(api.json("PUT", BASE + "/commissions/" + higher.id() + "/higher", personnel,
                "{\"higherId\":" + lower.id() + "}").code()).isEqualTo("commission-cycle");

        // A head who does not sit on the higher commission does not decide for it.
        String stranger = Api.user(users, "appeal-stranger", Role.SUPERVISOR);
        Response notAMember = api.json("POST", BASE + "/appeals/" + appeal + "/decision", stranger,
                "{\"outcome\":\"UPHELD\",\"commissionId\":" + higher.id() + "}");
        assertThat(notAMember.status()).isEqualTo(403);
        assertThat(notAMember.code()).isEqualTo("not-on-commission");

        Response cancelled = api.json("POST", BASE + "/appeals/" + appeal + "/decision", head,
                "{\"outcome\":\"cancelled\",\"commissionId\":" + higher.id() + ",\"reason\":\"Нарушен порядок\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("outcome").asString()).isEqualTo("CANCELLED");
        assertThat(cases.certificationCase(caseId).cancelledOn()).isEqualTo(employees.today());
        assertThat(employees.employee(employee).dueStatus()).isEqualTo("DUE");
        assertThatThrownBy(() -> jdbc.update("update certification_appeals set outcome = 'UPHELD' where id = ?",
                appeal)).hasMessageContaining("cannot change");
        assertThat(api.json("POST", BASE + "/cases/" + caseId + "/cancellation", head, "{\"commissionId\":"
                + higher.id() + ",\"reason\":\"again\"}").code()).isEqualTo("case-cancelled");
    }

    @Test
    void aHigherCommissionCancelsADecisionWhoseResultsProveFalsified() {
        long caseId = decided(employees.today().minusMonths(5));
        assertThat(api.json("POST", BASE + "/cases/" + caseId + "/cancellation", personnel, "{\"commissionId\":"
                + higher.id() + ",\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.json("POST", BASE + "/cases/" + caseId + "/cancellation", head, "{\"commissionId\":"
                + higher.id() + "}").code()).isEqualTo("invalid-cancellation");
        Response r = api.json("POST", BASE + "/cases/" + caseId + "/cancellation", head, "{\"commissionId\":"
                + higher.id() + ",\"reason\":\"Результаты тестирования подделаны\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("cancelledOn").asString()).isEqualTo(employees.today().toString());
    }
}
