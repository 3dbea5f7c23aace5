package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * Per-commission roles: only the case's commission's secretary records its meeting, only its
 * members present vote (each for themself, once), the chair's own vote breaks a tie, the
 * employee never acts in their own case, and the employee reads and signs only their own file.
 * Every refusal is a 403/409 problem, an audit entry and a log line.
 */
@CallcenterTest
@ExtendWith(OutputCaptureExtension.class)
class CommissionRolesTest {

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
    ProfileService profiles;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String run;
    String personnel;
    String chair;
    String secretary;
    String member;
    String outsider;
    String worker;
    Commission commission;

    @BeforeEach
    void people() {
        api = new Api(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        personnel = Api.user(users, "cr-personnel", Role.PERSONNEL);
        chair = Api.user(users, "cr-chair-" + run, Role.SUPERVISOR);
        secretary = Api.user(users, "cr-secretary-" + run, Role.PERSONNEL);
        member = Api.user(users, "cr-member-" + run, Role.SUPERVISOR);
        outsider = Api.user(users, "cr-outsider-" + run, Role.SUPERVISOR);
        // A head who is also certified, and sits on the commission that hears them.
        worker = Api.user(users, "cr-worker-" + run, Role.SUPERVISOR);
        CommissionFixture fixture = new CommissionFixture(context);
        for (String m : List.of(chair, secretary, member, worker)) {
            fixture.officer(m, CommissionFixture.SENIOR, m.equals(chair), m.equals(secretary));
        }
        Response c = api.json("POST", BASE + "/commissions", personnel, """
                {"name":"roles %s","chair":"%s","secretary":"%s","members":["%s","%s","%s","%s"]}"""
                .formatted(run, chair, secretary, chair, secretary, member, worker));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        commission = employees.commission(c.json().get("id").asLong());
    }

    private long employee(String account) {
        Employee e = employees.create("CR-" + run + "-" + UUID.randomUUID().toString().substring(0, 4), "Әлиев Ерлан",
                List.of(Posting.post(employees.today().minusYears(3).minusDays(5), null, "инспектор")), "cr-test");
        if (account != null) {
            Response link = api.json("PUT", BASE + "/employees/" + e.id() + "/account", personnel,
                    "{\"username\":\"" + account + "\"}");
            assertThat(link.status()).as(link.body()).isEqualTo(200);
        }
        return e.id();
    }

    private long interviewed(long employeeId) {
        long caseId = cases.open(employeeId, commission.id(), "cr-test").id();
        cases.record(caseId, "PREPARATION", "DONE", null, null, null, "cr-test");
        cases.record(caseId, "STANDARDS", "PASSED", null, null, null, "cr-test");
        cases.record(caseId, "TEST", null, 88, null, null, "cr-test");
        cases.record(caseId, "POLYGRAPH", "DONE", null, null, null, "cr-test");
        cases.record(caseId, "INTERVIEW", "ATTENDED", null, null, null, "cr-test");
        return caseId;
    }

    private Response post(String who, String path, String json) {
        return api.json("POST", BASE + path, who, json);
    }

    private int refusals(long caseId, String code) {
        return jdbc.queryForObject("select count(*) from certification_audit where action = 'refused'"
                + " and detail->>'caseId' = ? and detail->>'code' = ?", Integer.class, Long.toString(caseId), code);
    }

    @Test
    void onlyTheSecretaryRecordsOnlyMembersPresentVoteAndTheChairsOwnVoteBreaksATie(CapturedOutput output) {
        long caseId = interviewed(employee(null));
        String present = "{\"present\":[\"" + chair + "\",\"" + member + "\"]}";

        Response byOutsider = post(outsider, "/cases/" + caseId + "/attendance", present);
        assertThat(byOutsider.status()).isEqualTo(403);
        assertThat(byOutsider.code()).isEqualTo("not-on-commission");
        Response byMember = post(member, "/cases/" + caseId + "/attendance", present);
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.code()).isEqualTo("not-the-secretary");
        assertThat(post(secretary, "/cases/" + caseId + "/attendance", "{\"present\":[\"" + outsider + "\"]}").code())
                .isEqualTo("not-a-member");
        assertThat(post(secretary, "/cases/" + caseId + "/attendance", present).status()).isEqualTo(200);

        Response stranger = post(outsider, "/cases/" + caseId + "/votes", "{\"decision\":\"DISMISSAL\"}");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.code()).isEqualTo("not-on-commission");
        assertThat(output.getOut()).contains("caseId=" + caseId + " vote refused for " + outsider + ": not-on-commission");
        assertThat(refusals(caseId, "not-on-commission")).isEqualTo(2);
        Response absent = post(secretary, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS\"}");
        assertThat(absent.code()).isEqualTo("not-present");
        assertThat(post(chair, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS_RESERVE\"}").status())
                .isEqualTo(200);
        assertThat(post(member, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS\"}").status()).isEqualTo(200);
        assertThat(post(member, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS_RESERVE\"}").code())
                .isEqualTo("vote-cast");

        assertThat(post(member, "/cases/" + caseId + "/decision", "{}").code()).isEqualTo("not-the-secretary");
        Response sent = post(secretary, "/cases/" + caseId + "/decision", "{\"present\":[\"" + member + "\"],\"votes\":{\""
                + member + "\":\"CORRESPONDS\"}}");
        assertThat(sent.status()).isEqualTo(400);
        assertThat(sent.code()).isEqualTo("votes-by-members");
        // Two of four present is below the quorum: the secretary may add a member who came late.
        assertThat(post(secretary, "/cases/" + caseId + "/decision", "{}").code()).isEqualTo("no-quorum");
        assertThat(post(secretary, "/cases/" + caseId + "/attendance", "{\"present\":[\"" + secretary + "\"]}").status())
                .isEqualTo(200);
        assertThat(post(secretary, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS_RESERVE\"}").status())
                .isEqualTo(200);
        Response decided = post(secretary, "/cases/" + caseId + "/decision", "{\"note\":\"open vote\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("CORRESPONDS_RESERVE");

        Response meeting = api.get(BASE + "/cases/" + caseId + "/meeting", personnel);
        assertThat(meeting.json().get("votes").size()).isEqualTo(3);
        assertThat(meeting.json().get("withoutAccount").size()).isZero();
        assertThat(meeting.json().get("present").size()).isEqualTo(3);
        assertThat(post(chair, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS\"}").code())
                .isEqualTo("case-decided");
    }

    @Test
    void onlyTheSecretaryMarksTheMinutesSigned() {
        long caseId = interviewed(employee(null));
        assertThat(api.json("PUT", BASE + "/cases/" + caseId + "/meeting", personnel,
                "{\"meetingOn\":\"" + employees.today().plusMonths(2) + "\"}").status()).isEqualTo(200);
        Response byPersonnel = post(personnel, "/cases/" + caseId + "/deadlines/MINUTES/done", "{}");
        assertThat(byPersonnel.status()).isEqualTo(403);
        assertThat(byPersonnel.code()).isEqualTo("not-on-commission");
        assertThat(post(chair, "/cases/" + caseId + "/deadlines/MINUTES/done", "{}").code())
                .isEqualTo("not-the-secretary");
        Response done = post(secretary, "/cases/" + caseId + "/deadlines/MINUTES/done", "{}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        // Personnel still mark their own paperwork.
        assertThat(post(personnel, "/cases/" + caseId + "/deadlines/FILE/done", "{}").status()).isEqualTo(200);
    }

    @Test
    void aDecisionTheStoreRefusesLeavesTheCaseOpenAndEveryVoteInPlace() {
        long caseId = interviewed(employee(null));
        post(secretary, "/cases/" + caseId + "/attendance", "{\"present\":[\"" + chair + "\",\"" + member + "\",\""
                + secretary + "\"]}");
        for (String who : List.of(chair, member, secretary)) {
            assertThat(post(who, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS\"}").status()).isEqualTo(200);
        }
        // The store fails the decision's write of this one case (a disk full, a lost connection mid-way).
        String trigger = "cr_fail_" + run.replace('-', '_');
        jdbc.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin"
                + " raise exception 'store away'; end $$");
        jdbc.execute("create trigger " + trigger + " before update on certification_cases for each row when (old.id = "
                + caseId + ") execute function " + trigger + "()");
        try {
            Response failed = post(secretary, "/cases/" + caseId + "/decision", "{}");
            assertThat(failed.status()).isGreaterThanOrEqualTo(500);
            assertThat(failed.json().has("code")).isTrue();
        } finally {
            jdbc.execute("drop trigger " + trigger + " on certification_cases");
            jdbc.execute("drop function " + trigger + "()");
        }
        assertThat(cases.certificationCase(caseId).decidedOn()).isNull();
        assertThat(cases.entries(caseId)).noneMatch(e -> e.stage() == Stage.DECISION);
        assertThat(jdbc.queryForObject("select count(*) from certification_votes where case_id = ?", Integer.class,
                caseId)).isEqualTo(3);
        Response decided = post(secretary, "/cases/" + caseId + "/decision", "{}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("CORRESPONDS");
    }

    @Test
    void aTieIsTheChairsToBreakWithTheirOwnVote() {
        long caseId = interviewed(employee(null));
        post(secretary, "/cases/" + caseId + "/attendance", "{\"present\":[\"" + chair + "\",\"" + member + "\",\""
                + secretary + "\",\"" + worker + "\"]}");
        post(chair, "/cases/" + caseId + "/votes", "{\"decision\":\"RECERTIFY\"}");
        post(secretary, "/cases/" + caseId + "/votes", "{\"decision\":\"RECERTIFY\"}");
        post(member, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS\"}");
        post(worker, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS\"}");
        Response decided = post(secretary, "/cases/" + caseId + "/decision", "{}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("RECERTIFY");
    }

    @Test
    void theEmployeeNeverActsInTheirOwnCase(CapturedOutput output) {
        // A member is never certified before their own commission: not at opening, not by a later link.
        long own = jdbc.queryForObject("select id from certification_employees where username = ?", Long.class, worker);
        Response opened = post(personnel, "/employees/" + own + "/cases", "{\"commissionId\":" + commission.id() + "}");
        assertThat(opened.status()).isEqualTo(409);
        assertThat(opened.code()).isEqualTo("certified-on-commission");
        long fresh = employee(null);
        long freshCase = cases.open(fresh, commission.id(), "cr-test").id();
        api.json("PUT", BASE + "/employees/" + own + "/account", personnel, "{\"username\":null}");
        Response link = api.json("PUT", BASE + "/employees/" + fresh + "/account", personnel,
                "{\"username\":\"" + worker + "\"}");
        assertThat(link.status()).isEqualTo(409);
        assertThat(link.code()).isEqualTo("certified-on-commission");
        // Data from before these rules: the employee of an open case sits on its commission.
        jdbc.update("update certification_employees set username = ? where id = ?", worker, fresh);
        long caseId = freshCase;
        cases.record(caseId, "PREPARATION", "DONE", null, null, null, "cr-test");
        cases.record(caseId, "STANDARDS", "PASSED", null, null, null, "cr-test");
        cases.record(caseId, "TEST", null, 88, null, null, "cr-test");
        cases.record(caseId, "POLYGRAPH", "DONE", null, null, null, "cr-test");
        cases.record(caseId, "INTERVIEW", "ATTENDED", null, null, null, "cr-test");
        Response stage = api.json("POST", BASE + "/cases/" + caseId + "/stages", worker,
                "{\"stage\":\"INTERVIEW\",\"result\":\"ATTENDED\",\"corrects\":1}");
        assertThat(stage.status()).isEqualTo(403);
        assertThat(stage.code()).isEqualTo("own-case");
        Response present = post(secretary, "/cases/" + caseId + "/attendance", "{\"present\":[\"" + worker + "\"]}");
        assertThat(present.status()).isEqualTo(403);
        assertThat(present.code()).isEqualTo("own-case");
        Response vote = post(worker, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS_RESERVE\"}");
        assertThat(vote.code()).isEqualTo("own-case");
        Response profile = api.json("PUT", BASE + "/cases/" + caseId + "/profile", worker,
                "{\"sections\":{\"PERFORMANCE\":\"отлично\"}}");
        assertThat(profile.code()).isEqualTo("own-case");
        assertThat(refusals(caseId, "own-case")).isEqualTo(4);
        assertThat(output.getOut()).contains("caseId=" + caseId + " vote refused for " + worker + ": own-case");
    }

    @Test
    void theSixteenthQuestionIsRefusedAndOnlyMembersAsk() {
        long caseId = interviewed(employee(null));
        assertThat(post(member, "/cases/" + caseId + "/questions", "{\"askedBy\":\"" + member + "\",\"question\":\"?\"}")
                .code()).isEqualTo("not-the-secretary");
        assertThat(post(secretary, "/cases/" + caseId + "/questions", "{\"askedBy\":\"observer\",\"question\":\"?\"}")
                .code()).isEqualTo("not-a-member");
        for (int i = 1; i <= 15; i++) {
            Response q = post(secretary, "/cases/" + caseId + "/questions", "{\"askedBy\":\"" + member
                    + "\",\"question\":\"Вопрос " + i + "\"}");
            assertThat(q.status()).as(q.body()).isEqualTo(200);
        }
        Response sixteenth = post(secretary, "/cases/" + caseId + "/questions", "{\"askedBy\":\"" + chair
                + "\",\"question\":\"Ещё один\"}");
        assertThat(sixteenth.status()).isEqualTo(409);
        assertThat(sixteenth.code()).isEqualTo("too-many-questions");
        assertThat(sixteenth.json().get("args").get(0).asInt()).isEqualTo(15);
        assertThat(api.get(BASE + "/cases/" + caseId + "/meeting", chair).json().get("questions").size()).isEqualTo(15);
    }

    @Test
    void aMemberVotingTwiceAtOnceIsCountedOnce() throws Exception {
        long caseId = interviewed(employee(null));
        post(secretary, "/cases/" + caseId + "/attendance", "{\"present\":[\"" + member + "\"]}");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Response>> both = new ArrayList<>();
        for (String d : List.of("CORRESPONDS", "RECERTIFY")) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post(member, "/cases/" + caseId + "/votes", "{\"decision\":\"" + d + "\"}");
            }));
        }
        go.countDown();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (CompletableFuture<Response> f : both) {
            statuses.merge(f.get(30, TimeUnit.SECONDS).status(), 1, Integer::sum);
        }
        assertThat(statuses).containsEntry(200, 1).containsEntry(409, 1);
        assertThat(jdbc.queryForObject("select count(*) from certification_votes where case_id = ?", Integer.class,
                caseId)).isEqualTo(1);
    }

    @Test
    void theEmployeeReadsOnlyTheirOwnFileAcknowledgesTheProfileAndSignsTheSheet() {
        String own = Api.user(users, "cr-own-" + run, Role.OPERATOR);
        long mine = employee(own);
        long theirs = employee(null);
        assertThat(api.json("PUT", BASE + "/employees/" + theirs + "/account", personnel,
                "{\"username\":\"" + own + "\"}").code()).isEqualTo("account-linked");
        assertThat(api.json("PUT", BASE + "/employees/" + theirs + "/account", personnel,
                "{\"username\":\"nobody-" + run + "\"}").code()).isEqualTo("no-such-account");
        long caseId = interviewed(mine);
        long otherCase = cases.open(theirs, commission.id(), "cr-test").id();
        Map<String, String> sections = new LinkedHashMap<>();
        ServiceProfile.SECTIONS.forEach(s -> sections.put(s, "Текст " + s));
        profiles.write(caseId, sections, null, chair);
        profiles.sign(caseId, 1, chair);

        Response file = api.get(BASE + "/me", own);
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.json().get("employee").get("id").asLong()).isEqualTo(mine);
        assertThat(file.json().get("employee").get("dueReason").asString()).isEqualTo("regular");
        assertThat(file.json().get("cases").size()).isEqualTo(1);
        assertThat(file.json().get("cases").get(0).get("entries").size()).isEqualTo(5);
        assertThat(api.get(BASE + "/me", outsider).code()).isEqualTo("no-own-file");
        // The API under /me names no one else's case; the personnel URLs are not the employee's.
        assertThat(api.get(BASE + "/employees/" + theirs, own).status()).isEqualTo(403);

        Response paper = post(personnel, "/cases/" + caseId + "/profile/acknowledgement", "{}");
        assertThat(paper.status()).isEqualTo(403);
        assertThat(paper.code()).isEqualTo("signs-themself");
        assertThat(post(own, "/me/cases/" + otherCase + "/profile/acknowledgement", "{}").code())
                .isEqualTo("not-your-case");
        Response ack = post(own, "/me/cases/" + caseId + "/profile/acknowledgement",
                "{\"disagrees\":true,\"disagreement\":\"Не согласен с оценкой\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("acknowledgement").get("recordedBy").asString()).isEqualTo(own);

        assertThat(post(own, "/me/cases/" + caseId + "/sheet/signature", null).code()).isEqualTo("sheet-not-ready");
        post(secretary, "/cases/" + caseId + "/attendance", "{\"present\":[\"" + chair + "\",\"" + member + "\",\""
                + secretary + "\"]}");
        for (String who : List.of(chair, member, secretary)) {
            post(who, "/cases/" + caseId + "/votes", "{\"decision\":\"CORRESPONDS\"}");
        }
        assertThat(post(secretary, "/cases/" + caseId + "/decision", "{}").status()).isEqualTo(200);
        assertThat(post(personnel, "/cases/" + caseId + "/deadlines/SHEET/done", "{}").code())
                .isIn("signs-themself", "no-meeting");
        Response signed = post(own, "/me/cases/" + caseId + "/sheet/signature", null);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("sheet").get("signedOn").asString()).isEqualTo(employees.today().toString());
        assertThat(signed.json().get("sheet").get("late").asBoolean()).isFalse();
        assertThat(post(own, "/me/cases/" + caseId + "/sheet/signature", null).code()).isEqualTo("sheet-signed");
        Response sheet = api.get(BASE + "/me/cases/" + caseId + "/documents/sheet.pdf?lang=kk", own);
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.header("Content-Type")).startsWith("application/pdf");
        assertThat(api.get(BASE + "/me/cases/" + otherCase + "/documents/sheet.pdf", own).code())
                .isEqualTo("not-your-case");
    }
}
