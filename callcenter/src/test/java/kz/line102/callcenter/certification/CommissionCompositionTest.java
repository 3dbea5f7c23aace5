package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The commission's composition (items 16–23): its members are officers the centre knows, with a
 * personnel officer and a head of a division among them; none ranks below the employee it
 * certifies, who is never one of them, when the case is opened and whenever the composition
 * changes; a change is a new version, audited, and a decided case keeps the members who decided it.
 */
@CallcenterTest
@ExtendWith(OutputCaptureExtension.class)
class CommissionCompositionTest {

    static final String BASE = "/api/v1/certification";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    EmployeeService employees;
    @Autowired
    CaseService cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    Api api;
    CommissionFixture fixture;
    String run;
    String personnel;
    String chair;
    String secretary;
    String member;

    @BeforeEach
    void officers() {
        api = new Api(port);
        fixture = new CommissionFixture(context);
        run = UUID.randomUUID().toString().substring(0, 8);
        personnel = Api.user(users, "cc-personnel", Role.PERSONNEL);
        chair = fixture.officer("cc-chair-" + run, 50, true, false);
        secretary = fixture.officer("cc-secretary-" + run, 50, false, true);
        member = fixture.officer("cc-member-" + run, 50, false, false);
    }

    private Response create(String name, String... members) {
        StringBuilder list = new StringBuilder();
        for (String m : members) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(m).append('"');
        }
        return api.json("POST", BASE + "/commissions", personnel, """
                {"name":"%s %s","chair":"%s","secretary":"%s","members":[%s]}""".formatted(name, run, members[0],
                members[1], list));
    }

    private Response change(long id, String chairName, String secretaryName, List<String> members) {
        String list = String.join(",", members.stream().map(m -> "\"" + m + "\"").toList());
        return api.json("PUT", BASE + "/commissions/" + id, personnel, """
                {"chair":"%s","secretary":"%s","members":[%s],"reason":"приказ № 17"}""".formatted(chairName,
                secretaryName, list));
    }

    private long employee(int rank, String account) {
        Employee e = employees.create("CC-" + run + "-" + UUID.randomUUID().toString().substring(0, 4), "Ахметов Нұржан",
                List.of(new Posting(Posting.Kind.POST, employees.today().minusYears(3).minusDays(5), null, "инспектор",
                        rank, false, false, false)), "cc-test");
        if (account != null) {
            jdbc.update("update certification_employees set username = ? where id = ?", account, e.id());
        }
        return e.id();
    }

    private int audited(String action, String code) {
        return jdbc.queryForObject("select count(*) from certification_audit where action = ? and detail->>'code' = ?"
                + " and detail::text like ?", Integer.class, action, code, "%" + run + "%");
    }

    @Test
    void aMemberWithoutAnAccountIsRefusedAndTheRefusalAuditedAndLogged(CapturedOutput output) {
        String nobody = "cc-nobody-" + run;
        Response r = create("no account", chair, secretary, member, nobody);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("member-without-account");
        assertThat(r.json().get("args").get(0).asString()).isEqualTo(nobody);
        assertThat(audited("commission-refused", "member-without-account")).isEqualTo(1);
        assertThat(output.getOut()).contains("commission-refused by " + personnel + " refused: member-without-account");
        assertThat(employees.commissions()).noneMatch(c -> c.name().equals("no account " + run));
    }

    @Test
    void aMemberWhoseAccountIsDisabledIsRefused() {
        users.change(member, new UserService.UserChange(null, null, false, null));
        Response r = create("disabled", chair, secretary, member);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("member-account-disabled");
        assertThat(r.body()).contains(member);
    }

    @Test
    void aMemberWhoseAccountIsLinkedToNoFileIsRefused() {
        String stranger = Api.user(users, "cc-stranger-" + run, Role.SUPERVISOR);
        Response r = create("no file", chair, secretary, stranger);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("member-without-file");
    }

    @Test
    void aCommissionWithoutAPersonnelOfficerOrAHeadIsRefused() {
        Response noPersonnel = create("no personnel", chair, member);
        assertThat(noPersonnel.status()).isEqualTo(400);
        assertThat(noPersonnel.code()).isEqualTo("no-personnel-officer");
        Response noHead = create("no head", member, secretary);
        assertThat(noHead.status()).isEqualTo(400);
        assertThat(noHead.code()).isEqualTo("no-head-of-division");
        assertThat(create("valid", chair, secretary, member).status()).isEqualTo(201);
    }

    @Test
    void aCaseIsNotOpenedBeforeACommissionWithAMemberOutrankedByTheEmployee(CapturedOutput output) {
        long id = create("ranks", chair, secretary, member).json().get("id").asLong();
        long senior = employee(60, null);
        Response r = api.json("POST", BASE + "/employees/" + senior + "/cases", personnel,
                "{\"commissionId\":" + id + "}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("member-outranked");
        assertThat(r.json().get("args").get(0).asString()).contains(chair + " (rank 50)").contains(member);
        assertThat(r.json().get("args").get(1).asInt()).isEqualTo(60);
        assertThat(cases.cases(senior)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from certification_audit where action = 'refused'"
                + " and detail->>'employeeId' = ? and detail->>'code' = 'member-outranked'", Integer.class,
                Long.toString(senior))).isEqualTo(1);
        assertThat(output.getOut()).contains("employeeId=" + senior + " caseId=null refused for " + personnel
                + ": member-outranked");
        // The same rank is enough.
        assertThat(api.json("POST", BASE + "/employees/" + employee(50, null) + "/cases", personnel,
                "{\"commissionId\":" + id + "}").status()).isEqualTo(201);
    }

    @Test
    void theEmployeeCertifiedIsNeverAMember() {
        long id = create("own", chair, secretary, member).json().get("id").asLong();
        long ownFile = jdbc.queryForObject("select id from certification_employees where username = ?", Long.class,
                member);
        Response r = api.json("POST", BASE + "/employees/" + ownFile + "/cases", personnel,
                "{\"commissionId\":" + id + "}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("certified-on-commission");

        // Nor by a later change: the commission may not take in the employee of its open case.
        String certified = Api.user(users, "cc-certified-" + run, Role.SUPERVISOR);
        long employee = employee(10, certified);
        long caseId = cases.open(employee, id, "cc-test").id();
        Response change = change(id, chair, secretary, List.of(chair, secretary, member, certified));
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.code()).isEqualTo("certified-on-commission");
        assertThat(change.body()).contains("case " + caseId);
        assertThat(employees.commission(id).members()).containsExactly(chair, secretary, member);
    }

    @Test
    void aChangeThatWouldOutrankAMemberOfAnOpenCaseIsRefused(CapturedOutput output) {
        long id = create("change ranks", chair, secretary, member).json().get("id").asLong();
        cases.open(employee(40, null), id, "cc-test");
        String junior = fixture.officer("cc-junior-" + run, 30, false, false);
        Response r = change(id, chair, secretary, List.of(chair, secretary, junior));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("member-outranked");
        assertThat(r.json().get("args").get(0).asString()).isEqualTo(junior + " (rank 30)");
        assertThat(audited("commission-refused", "member-outranked")).isEqualTo(1);
        assertThat(output.getOut()).contains("commissionId=" + id + " change refused for " + personnel
                + ": member-outranked");
        assertThat(employees.commission(id).members()).containsExactly(chair, secretary, member);
        // A change that breaks the composition rules is refused like a new commission.
        assertThat(change(id, chair, secretary, List.of(chair, secretary, "cc-ghost-" + run)).code())
                .isEqualTo("member-without-account");
    }

    @Test
    void aChangeIsANewVersionAuditedAndADecidedCaseKeepsTheMembersWhoDecidedIt() {
        long id = create("versions", chair, secretary, member).json().get("id").asLong();
        long decided = cases.open(employee(0, null), id, "cc-test").id();
        cases.record(decided, "PREPARATION", "DONE", null, null, null, "cc-test");
        cases.record(decided, "STANDARDS", "FAILED", null, null, null, "cc-test");
        long open = cases.open(employee(0, null), id, "cc-test").id();
        api.json("POST", BASE + "/cases/" + decided + "/attendance", secretary,
                "{\"present\":[\"" + chair + "\",\"" + secretary + "\",\"" + member + "\"]}");
        // While the meeting on a case is in progress, its commission stays as it began.
        String other = fixture.officer("cc-other-" + run, 70, false, false);
        Response during = change(id, chair, secretary, List.of(chair, secretary, other));
        assertThat(during.status()).isEqualTo(409);
        assertThat(during.code()).isEqualTo("commission-in-meeting");
        for (String who : List.of(chair, secretary, member)) {
            assertThat(api.json("POST", BASE + "/cases/" + decided + "/votes", who, "{\"decision\":\"DEMOTION\"}")
                    .status()).isEqualTo(200);
        }
        assertThat(api.json("POST", BASE + "/cases/" + decided + "/decision", secretary, "{}").status()).isEqualTo(200);

        Response changed = change(id, chair, secretary, List.of(chair, secretary, other));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("members").size()).isEqualTo(3);
        assertThat(employees.commission(id).members()).containsExactly(chair, secretary, other);

        Response versions = api.get(BASE + "/commissions/" + id + "/versions", personnel);
        assertThat(versions.json().size()).isEqualTo(2);
        assertThat(versions.json().get(0).get("members").toString()).contains(member);
        assertThat(versions.json().get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.json().get(1).get("reason").asString()).isEqualTo("приказ № 17");
        assertThat(versions.json().get(1).get("changedBy").asString()).isEqualTo(personnel);
        assertThat(jdbc.queryForObject("select count(*) from certification_audit where action = 'commission-changed'"
                + " and detail->>'commissionId' = ? and detail->>'version' = '2'", Integer.class, Long.toString(id)))
                .isEqualTo(1);

        assertThat(api.get(BASE + "/cases/" + decided + "/meeting", personnel).json().get("members").toString())
                .contains(member).doesNotContain(other);
        assertThat(api.get(BASE + "/cases/" + open + "/meeting", personnel).json().get("members").toString())
                .contains(other).doesNotContain(member);
        // The member who left no longer acts in the open case; the one who came does.
        assertThat(api.json("POST", BASE + "/cases/" + open + "/votes", member, "{\"decision\":\"CORRESPONDS\"}")
                .code()).isEqualTo("not-on-commission");
    }

    @Test
    void commissionsAreHigherAndLowerAsTheirChairsPostsAre() {
        long lower = create("lower", chair, secretary, member).json().get("id").asLong();
        String seniorChair = fixture.officer("cc-senior-" + run, 80, true, false);
        long higher = create("higher", seniorChair, secretary, member).json().get("id").asLong();
        Response wrongWay = api.json("PUT", BASE + "/commissions/" + higher + "/higher", personnel,
                "{\"higherId\":" + lower + "}");
        assertThat(wrongWay.status()).isEqualTo(409);
        assertThat(wrongWay.code()).isEqualTo("higher-commission-outranked");
        assertThat(jdbc.queryForObject("select count(*) from certification_audit where action = 'refused'"
                + " and detail->>'commissionId' = ? and detail->>'code' = 'higher-commission-outranked'", Integer.class,
                Long.toString(higher))).isEqualTo(1);
        assertThat(api.json("PUT", BASE + "/commissions/" + lower + "/higher", personnel,
                "{\"higherId\":" + higher + "}").status()).isEqualTo(200);
        // A new chair may not lift the lower commission over the one above it.
        String topChair = fixture.officer("cc-top-" + run, 90, true, false);
        Response lifted = change(lower, topChair, secretary, List.of(topChair, secretary, member));
        assertThat(lifted.status()).isEqualTo(409);
        assertThat(lifted.code()).isEqualTo("higher-commission-outranked");
        assertThat(employees.commission(lower).chair()).isEqualTo(chair);
    }

    @Test
    void aMemberDemotedAfterTheCaseWasOpenedHoldsUpItsMeeting() {
        long id = create("demoted", chair, secretary, member).json().get("id").asLong();
        long caseId = cases.open(employee(40, null), id, "cc-test").id();
        fixture.officer(member, 20, false, false);
        Response r = api.json("POST", BASE + "/cases/" + caseId + "/attendance", secretary,
                "{\"present\":[\"" + chair + "\",\"" + secretary + "\"]}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("member-outranked");
        assertThat(r.json().get("args").get(0).asString()).isEqualTo(member + " (rank 20)");
        assertThat(jdbc.queryForObject("select count(*) from certification_attendance where case_id = ?",
                Integer.class, caseId)).isZero();
        fixture.officer(member, 50, false, false);
        assertThat(api.json("POST", BASE + "/cases/" + caseId + "/attendance", secretary,
                "{\"present\":[\"" + chair + "\",\"" + secretary + "\"]}").status()).isEqualTo(200);
    }
}
