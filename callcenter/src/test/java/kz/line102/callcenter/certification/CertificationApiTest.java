package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The certification API end to end: bad histories and commissions refused with their codes
 * and logged; a case through its stages in order, corrections as new entries, the quorum and
 * the chair's vote, the re-certification window; the due list, its CSV and one reminder per
 * employee and due date.
 */
@CallcenterTest
@ExtendWith(OutputCaptureExtension.class)
class CertificationApiTest {

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
    DueReminders reminders;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;
    String commissionUser;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void users() {
        api = new Api(port);
        admin = Api.user(users, "cert-personnel-service", Role.PERSONNEL);
        commissionUser = Api.user(users, "cert-commission", Role.SUPERVISOR);
        CommissionFixture fixture = new CommissionFixture(context);
        for (String member : List.of("chair-", "secretary-", "member-")) {
            fixture.officer(member + run, CommissionFixture.SENIOR, member.equals("chair-"), member.equals("secretary-"));
        }
    }

    private LocalDate today() {
        return employees.today();
    }

    private Response createEmployee(String no, String postings) {
        return api.json("POST", BASE + "/employees", admin, """
                {"personnelNo":"%s","fullName":"Иванов Иван %s","postings":%s}""".formatted(no, no, postings));
    }

    private long employee(LocalDate hired) {
        Response r = createEmployee("T-" + run + "-" + UUID.randomUUID().toString().substring(0, 6),
                "[{\"start\":\"" + hired + "\",\"post\":\"operator\"}]");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long commission() {
        Response r = api.json("POST", BASE + "/commissions", admin, """
                {"name":"commission %s %s","chair":"chair-%s","secretary":"secretary-%s",
                 "members":["chair-%s","secretary-%s","member-%s"]}""".formatted(run, UUID.randomUUID(), run, run, run,
                run, run));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long openCase(long employee, long commission) {
        Response r = api.json("POST", BASE + "/employees/" + employee + "/cases", admin,
                "{\"commissionId\":" + commission + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Response stage(long caseId, String body) {
        return api.json("POST", BASE + "/cases/" + caseId + "/stages", commissionUser, body);
    }

    /** The commission's secretary closes the vote on what was recorded at the meeting. */
    private Response decide(long caseId) {
        return api.json("POST", BASE + "/cases/" + caseId + "/decision", "secretary-" + run, "{}");
    }

    private Response present(long caseId, String... who) {
        return api.json("POST", BASE + "/cases/" + caseId + "/attendance", "secretary-" + run,
                "{\"present\":[\"" + String.join("\",\"", who) + "\"]}");
    }

    private Response vote(long caseId, String who, String decision) {
        return api.json("POST", BASE + "/cases/" + caseId + "/votes", who, "{\"decision\":\"" + decision + "\"}");
    }

    private void throughTheInterview(long caseId, int score) {
        assertThat(stage(caseId, "{\"stage\":\"PREPARATION\",\"result\":\"DONE\"}").status()).isEqualTo(201);
        assertThat(stage(caseId, "{\"stage\":\"STANDARDS\",\"result\":\"passed\"}").status()).isEqualTo(201);
        assertThat(stage(caseId, "{\"stage\":\"TEST\",\"score\":" + score + "}").status()).isEqualTo(201);
        assertThat(stage(caseId, "{\"stage\":\"POLYGRAPH\",\"result\":\"DONE\",\"note\":\"no signs\"}").status())
                .isEqualTo(201);
        assertThat(stage(caseId, "{\"stage\":\"INTERVIEW\",\"result\":\"ATTENDED\"}").status()).isEqualTo(201);
    }


    @Test
    void impossibleDatesAndOverlappingPostsAreRefusedAndLogged(CapturedOutput output) {
        Response backwards = createEmployee("B-" + run, "[{\"start\":\"2020-05-01\",\"end\":\"2020-04-30\",\"post\":\"o\"}]");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("impossible-dates");
        assertThat(backwards.json().get("reason").asString()).contains("2020-04-30");

        Response overlap = createEmployee("O-" + run, """
                [{"start":"2015-01-01","end":"2020-06-01","post":"operator"},{"start":"2020-06-01","post":"inspector"}]""");
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.code()).isEqualTo("overlapping-posts");

        Response kind = createEmployee("K-" + run, "[{\"kind\":\"holiday\",\"start\":\"2015-01-01\",\"post\":\"o\"}]");
        assertThat(kind.code()).isEqualTo("unknown-posting-kind");
        Response none = createEmployee("N-" + run, "[]");
        assertThat(none.code()).isEqualTo("no-service");

        assertThat(output.getOut()).contains("overlapping-posts").contains("history-refused");
        long id = employee(today().minusYears(1));
        Response replaced = api.json("PUT", BASE + "/employees/" + id + "/history", admin, """
                {"postings":[{"start":"2021-01-01","end":"2020-01-01","post":"o"}]}""");
        assertThat(replaced.code()).isEqualTo("impossible-dates");
        assertThat(jdbc.queryForObject("select count(*) from certification_audit where action = 'history-refused'"
                + " and detail->>'employeeId' = ?", Integer.class, Long.toString(id))).isEqualTo(1);
    }

    @Test
    void aCommissionNeedsItsChairAndSecretaryAmongItsMembers() {
        Response r = api.json("POST", BASE + "/commissions", admin,
                "{\"name\":\"c-" + run + "\",\"chair\":\"x\",\"secretary\":\"y\",\"members\":[\"y\",\"z\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("invalid-commission");
        assertThat(r.body()).contains("chair");
    }

    @Test
    void aCaseGoesThroughItsStagesInOrderAndTheVoteDecidesIt(CapturedOutput output) {
        long id = employee(today().minusYears(3).minusDays(10));
        assertThat(api.get(BASE + "/employees/" + id, admin).json().get("employee").get("dueStatus").asString())
                .isEqualTo("DUE");
        long caseId = openCase(id, commission());

        Response early = decide(caseId);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("stage-out-of-order");
        assertThat(output.getOut()).contains("caseId=" + caseId + " refused");
        Response skipped = stage(caseId, "{\"stage\":\"STANDARDS\",\"result\":\"PASSED\"}");
        assertThat(skipped.code()).isEqualTo("stage-out-of-order");
        assertThat(stage(caseId, "{\"stage\":\"COFFEE\",\"result\":\"DONE\"}").code()).isEqualTo("unknown-stage");

        throughTheInterview(caseId, 85);
        long standards = api.get(BASE + "/cases/" + caseId, admin).json().get("entries").get(1).get("id").asLong();
        Response again = stage(caseId, "{\"stage\":\"STANDARDS\",\"result\":\"FAILED\"}");
        assertThat(again.code()).isEqualTo("stage-recorded");
        Response correction = stage(caseId, "{\"stage\":\"STANDARDS\",\"result\":\"PASSED\",\"note\":\"typo\","
                + "\"corrects\":" + standards + "}");
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(correction.json().get("corrects").asLong()).isEqualTo(standards);
        assertThatThrownBy(() -> jdbc.update("update certification_entries set result = 'FAILED' where id = ?",
                standards)).hasMessageContaining("append-only");

        assertThat(present(caseId, "chair-" + run).status()).isEqualTo(200);
        assertThat(vote(caseId, "chair-" + run, "CORRESPONDS_RESERVE").status()).isEqualTo(200);
        Response alone = decide(caseId);
        assertThat(alone.code()).isEqualTo("no-quorum");
        assertThat(present(caseId, "secretary-" + run).status()).isEqualTo(200);
        Response dismissal = vote(caseId, "secretary-" + run, "DISMISSAL");
        assertThat(dismissal.code()).isEqualTo("decision-not-allowed");
        assertThat(vote(caseId, "secretary-" + run, "CORRESPONDS").status()).isEqualTo(200);

        // Two of three present is exactly the quorum; one each way and the chair's own vote decides.
        Response decided = decide(caseId);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("CORRESPONDS_RESERVE");
        assertThat(decide(caseId).code()).isEqualTo("case-decided");
        Employee after = employees.employee(id);
        assertThat(after.dueOn()).isEqualTo(today().plusYears(3));
        assertThat(after.dueStatus()).isEqualTo("UPCOMING");
        assertThat(jdbc.queryForObject("select count(*) from certification_audit where detail->>'caseId' = ?"
                + " and action in ('stage-recorded', 'decision-recorded')", Integer.class, Long.toString(caseId)))
                .isEqualTo(7);
    }

    @Test
    void aFailedTestBarsTheInterviewAndAReCertificationCannotComeTooEarly() {
        long id = employee(today().minusYears(4));
        long commission = commission();
        long caseId = openCase(id, commission);
        assertThat(stage(caseId, "{\"stage\":\"PREPARATION\",\"result\":\"DONE\"}").status()).isEqualTo(201);
        assertThat(stage(caseId, "{\"stage\":\"STANDARDS\",\"result\":\"PASSED\"}").status()).isEqualTo(201);
        Response test = stage(caseId, "{\"stage\":\"TEST\",\"score\":50}");
        assertThat(test.json().get("result").asString()).isEqualTo("FAILED");
        assertThat(stage(caseId, "{\"stage\":\"TEST\",\"score\":150,\"corrects\":" + test.json().get("id").asLong()
                + "}").code()).isEqualTo("invalid-score");
        assertThat(stage(caseId, "{\"stage\":\"POLYGRAPH\",\"result\":\"DONE\"}").status()).isEqualTo(201);
        Response interview = stage(caseId, "{\"stage\":\"INTERVIEW\",\"result\":\"ATTENDED\"}");
        assertThat(interview.code()).isEqualTo("not-admitted");

        present(caseId, "chair-" + run, "secretary-" + run);
        vote(caseId, "chair-" + run, "RECERTIFY");
        vote(caseId, "secretary-" + run, "RECERTIFY");
        Response recertify = decide(caseId);
        assertThat(recertify.status()).as(recertify.body()).isEqualTo(200);
        Employee after = employees.employee(id);
        assertThat(after.dueReason()).isEqualTo("recertification");
        assertThat(after.dueOn()).isEqualTo(today().plusMonths(3));
        Response tooEarly = api.json("POST", BASE + "/employees/" + id + "/cases", admin,
                "{\"commissionId\":" + commission + "}");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("recertification-too-early");
    }

    @Test
    void theDueListItsCsvAndOneReminderPerEmployeeAndDueDate() {
        long soon = employee(today().minusYears(3).plusDays(5));
        long later = employee(today().minusYears(2));
        Response due = api.get(BASE + "/due?days=30&limit=500", commissionUser);
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.body()).contains("\"id\":" + soon + ",").doesNotContain("\"id\":" + later + ",");
        assertThat(api.get(BASE + "/due?days=1&limit=500", admin).body()).doesNotContain("\"id\":" + soon + ",");
        assertThat(api.get(BASE + "/due?days=-1", admin).code()).isEqualTo("invalid-request");

        Response csv = api.get(BASE + "/due.csv?days=30&lang=kk", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Табель нөмірі").contains(employees.employee(soon).personnelNo());

        reminders.run();
        reminders.run();
        String key = DueReminders.dedupKey(employees.employee(soon));
        assertThat(jdbc.queryForObject("select count(*) from alerts where dedup_key = ?", Integer.class, key))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from alerts where dedup_key like ?", Integer.class,
                "certification-due:" + later + ":%")).isZero();
    }
}
