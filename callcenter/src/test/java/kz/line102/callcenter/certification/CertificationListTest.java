package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
import tools.jackson.databind.JsonNode;

/**
 * The six-monthly list and the preparation calendar through the API: drawn, dated, approved
 * by the head and frozen (a change is a new version), the notices a month ahead, the cases
 * opened with their deadlines, an overdue deadline listed and raised once.
 */
@CallcenterTest
class CertificationListTest {

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
    CalendarService calendar;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String personnel;
    String head;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void users() {
        api = new Api(port);
        personnel = Api.user(users, "list-personnel-service", Role.PERSONNEL);
        head = Api.user(users, "list-head", Role.SUPERVISOR);
    }

    private LocalDate today() {
        return employees.today();
    }

    private Employee employee(LocalDate hired) {
        return employees.create("L-" + run + "-" + UUID.randomUUID().toString().substring(0, 6), "Әлиев Ерлан " + run,
                List.of(Posting.post(hired, null, "оператор")), "list-test");
    }

    private Commission commission() {
        return new CommissionFixture(context).create("list " + run + " " + UUID.randomUUID(), "chair-" + run,
                "secretary-" + run, List.of("chair-" + run, "secretary-" + run, "member-" + run), "list-test");
    }

    /** A period no other run has used, so its list is this test's own. */
    private static LocalDate freshPeriod(LocalDate after) {
        return after.plusDays(ThreadLocalRandom.current().nextInt(1, 2_000_000));
    }

    private Response draw(LocalDate from) {
        return api.json("POST", BASE + "/lists", personnel, "{\"from\":\"" + from + "\"}");
    }

    @Test
    void theHeadApprovesADatedListWhichThenNeverChangesAndItsEmployeesAreNoticedAMonthAhead() {
        Employee e = employee(today().minusYears(3).plusDays(60));
        Commission c = commission();
        LocalDate from = freshPeriod(today().plusYears(10));
        Response drawn = draw(from);
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
        long list = drawn.json().get("id").asLong();
        assertThat(drawn.json().get("state").asString()).isEqualTo("DRAFT");
        assertThat(drawn.json().get("periodTo").asString()).isEqualTo(from.plusMonths(6).toString());
        assertThat(jdbc.queryForObject("select due_on from certification_list_items where list_id = ? and"
                + " employee_id = ?", LocalDate.class, list, e.id())).isEqualTo(e.dueOn());
        assertThat(draw(from).code()).isEqualTo("list-draft-exists");

        Response incomplete = api.json("POST", BASE + "/lists/" + list + "/approval", head, "{}");
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.code()).isEqualTo("list-incomplete");
        Response outside = api.json("POST", BASE + "/lists/" + list + "/meetings", personnel,
                "{\"meetingOn\":\"" + from.minusDays(1) + "\",\"commissionId\":" + c.id() + "}");
        assertThat(outside.code()).isEqualTo("meeting-outside-period");

        LocalDate meeting = from.plusDays(40);
        Response dated = api.json("POST", BASE + "/lists/" + list + "/meetings", personnel,
                "{\"meetingOn\":\"" + meeting + "\",\"commissionId\":" + c.id() + "}");
        assertThat(dated.status()).as(dated.body()).isEqualTo(200);
        assertThat(dated.json().get("withoutDate").asLong()).isZero();
        assertThat(api.json("POST", BASE + "/lists/" + list + "/approval", personnel, "{}").status()).isEqualTo(403);

        Response approved = api.json("POST", BASE + "/lists/" + list + "/approval", head, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo(head);

        // Frozen: through the API and in the database itself.
        assertThat(api.json("POST", BASE + "/lists/" + list + "/meetings", personnel, "{\"meetingOn\":\""
                + meeting.plusDays(1) + "\",\"commissionId\":" + c.id() + "}").code()).isEqualTo("list-approved");
        assertThat(api.send("DELETE", BASE + "/lists/" + list + "/items/" + e.id(), personnel, null, null).code())
                .isEqualTo("list-approved");
        assertThat(draw(from).code()).isEqualTo("list-approved");
        assertThatThrownBy(() -> jdbc.update("update certification_list_items set meeting_on = meeting_on + 1"
                + " where list_id = ?", list)).hasMessageContaining("approved");

        // The notice, the flagged due date, the case and its calendar.
        assertThat(jdbc.queryForObject("select notify_by from certification_notifications where list_id = ?"
                + " and employee_id = ?", LocalDate.class, list, e.id())).isEqualTo(meeting.minusMonths(1));
        JsonNode view = api.get(BASE + "/employees/" + e.id(), head).json();
        assertThat(view.get("employee").get("meetingOn").asString()).isEqualTo(meeting.toString());
        long caseId = view.get("cases").get(0).get("id").asLong();
        assertThat(view.get("cases").get(0).get("meetingOn").asString()).isEqualTo(meeting.toString());
        JsonNode cal = api.get(BASE + "/cases/" + caseId + "/calendar", personnel).json();
        assertThat(due(cal, "NOTIFICATION")).isEqualTo(meeting.minusMonths(1));
        assertThat(due(cal, "PROFILE")).isEqualTo(meeting.minusWeeks(3));
        assertThat(due(cal, "ACKNOWLEDGEMENT")).isEqualTo(meeting.minusWeeks(2));
        assertThat(due(cal, "FILE")).isEqualTo(meeting.minusWeeks(1));
        assertThat(due(cal, "MINUTES")).isAfter(meeting.plusDays(2)).isBefore(meeting.plusDays(6));

        Response notices = api.json("POST", BASE + "/lists/" + list + "/notices", personnel,
                "{\"employeeIds\":[" + e.id() + "]}");
        assertThat(notices.json().get("recorded").asInt()).isEqualTo(1);
        assertThat(state(api.get(BASE + "/cases/" + caseId + "/calendar", personnel).json(), "NOTIFICATION"))
                .isEqualTo("done");

        // A change is a new version; approved, it supersedes the first and keeps the notice handed over.
        Response v2 = api.json("POST", BASE + "/lists/" + list + "/versions", personnel, "{}");
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        long list2 = v2.json().get("id").asLong();
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("supersedes").asLong()).isEqualTo(list);
        assertThat(api.json("POST", BASE + "/lists/" + list2 + "/approval", head, "{}").status()).isEqualTo(200);
        assertThat(api.get(BASE + "/lists/" + list, head).json().get("state").asString()).isEqualTo("SUPERSEDED");
        assertThat(jdbc.queryForObject("select delivered_on from certification_notifications where list_id = ?"
                + " and employee_id = ?", LocalDate.class, list2, e.id())).isEqualTo(today());
        assertThat(employees.employee(e.id()).meetingOn()).isEqualTo(meeting);
    }

    @Test
    void aMeetingThatLeavesLessThanAMonthForTheNoticeIsNotApproved() {
        Commission c = commission();
        // A period long past: its meetings cannot be noticed a month ahead any more.
        LocalDate from = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 30_000));
        long list = draw(from).json().get("id").asLong();
        Employee e = employee(today().minusYears(3));
        assertThat(api.json("POST", BASE + "/lists/" + list + "/items", personnel, "{\"employeeId\":" + e.id() + "}")
                .json().get("employees").asLong()).isEqualTo(1);
        assertThat(api.json("POST", BASE + "/lists/" + list + "/meetings", personnel, "{\"meetingOn\":\""
                + from.plusDays(10) + "\",\"commissionId\":" + c.id() + "}").status()).isEqualTo(200);
        Response soon = api.json("POST", BASE + "/lists/" + list + "/approval", head, "{}");
        assertThat(soon.status()).isEqualTo(409);
        assertThat(soon.code()).isEqualTo("meeting-too-soon");
        assertThat(soon.json().get("args").get(0).asString()).isEqualTo(from.plusDays(10).toString());
    }

    @Test
    void anOverdueDeadlineIsListedForThePersonnelServiceAndRaisedOnce() {
        Employee e = employee(today().minusYears(3).minusDays(20));
        long caseId = cases.open(e.id(), commission().id(), "list-test").id();
        LocalDate meeting = today().plusDays(10);
        Response set = api.json("PUT", BASE + "/cases/" + caseId + "/meeting", personnel,
                "{\"meetingOn\":\"" + meeting + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(state(set.json(), "NOTIFICATION")).isEqualTo("overdue");
        assertThat(state(set.json(), "PROFILE")).isEqualTo("overdue");
        assertThat(state(set.json(), "FILE")).isEqualTo("open");

        Response overdue = api.get(BASE + "/deadlines/overdue?limit=500", personnel);
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.body()).contains("\"caseId\":" + caseId + ",");
        calendar.flagOverdue();
        calendar.flagOverdue();
        assertThat(jdbc.queryForObject("select count(*) from alerts where dedup_key = ?", Integer.class,
                "certification-deadline:" + caseId + ":PROFILE:" + meeting.minusWeeks(3))).isEqualTo(1);

        Response done = api.json("POST", BASE + "/cases/" + caseId + "/deadlines/notification/done", personnel, "{}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(state(done.json(), "NOTIFICATION")).isEqualTo("done-late");
        assertThat(api.json("POST", BASE + "/cases/" + caseId + "/deadlines/NOTIFICATION/done", personnel, "{}")
                .code()).isEqualTo("deadline-done");
        assertThat(api.json("POST", BASE + "/cases/" + caseId + "/deadlines/LUNCH/done", personnel, "{}").code())
                .isEqualTo("unknown-deadline");
        assertThat(api.json("POST", BASE + "/cases/" + caseId + "/deadlines/FILE/done", personnel,
                "{\"on\":\"" + today().plusDays(1) + "\"}").code()).isEqualTo("date-in-future");
    }

    private static JsonNode deadline(JsonNode calendar, String kind) {
        for (JsonNode d : calendar) {
            if (kind.equals(d.get("kind").asString())) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " in " + calendar);
    }

    private static LocalDate due(JsonNode calendar, String kind) {
        return LocalDate.parse(deadline(calendar, kind).get("dueOn").asString());
    }

    private static String state(JsonNode calendar, String kind) {
        return deadline(calendar, kind).get("state").asString();
    }
}
