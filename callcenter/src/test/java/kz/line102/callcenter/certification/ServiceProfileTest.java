package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
import tools.jackson.databind.JsonNode;

/**
 * The service profile of annex 1 through the API: written in versions by the direct head,
 * signed when whole and then never changed (by the API or in the database), acknowledged by
 * the employee once, with a disagreement that must say what; the calendar follows.
 */
@CallcenterTest
class ServiceProfileTest {

    static final String BASE = "/api/v1/certification/cases/";
    static final String WHOLE = """
            {"PERFORMANCE":"Обязанности исполняет добросовестно","STRATEGIC_DOCUMENTS":"Знает","LAW":"Соблюдает",
             "ETHICS":"Нарушений нет","PERSONAL_QUALITIES":"Выдержан","FINAL_ASSESSMENT":"Соответствует"}""";

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
    String head;
    String otherHead;
    String personnel;
    long caseId;

    @BeforeEach
    void aCaseWithAMeeting() {
        api = new Api(port);
        head = Api.user(users, "profile-head", Role.SUPERVISOR);
        otherHead = Api.user(users, "profile-other-head", Role.SUPERVISOR);
        personnel = Api.user(users, "profile-personnel-service", Role.PERSONNEL);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Employee e = employees.create("SP-" + run, "Омаров Дәурен " + run,
                List.of(Posting.post(employees.today().minusYears(3).minusDays(5), null, "инспектор")), "profile-test");
        Commission c = new CommissionFixture(context).create("profile " + run, "chair-" + run, "secretary-" + run,
                List.of("chair-" + run, "secretary-" + run, "member-" + run), "profile-test");
        caseId = cases.open(e.id(), c.id(), "profile-test").id();
        calendar.setMeeting(caseId, employees.today().plusWeeks(4), "profile-test");
    }

    private Response write(String sections, Integer base) {
        return api.json("PUT", BASE + caseId + "/profile", head, "{\"sections\":" + sections + ",\"baseVersion\":"
                + base + "}");
    }

    private Response sign(String who, int version) {
        return api.json("POST", BASE + caseId + "/profile/signature", who, "{\"version\":" + version + "}");
    }

    @Test
    void aSignedProfileCannotBeEdited() {
        assertThat(api.get(BASE + caseId + "/profile", personnel).code()).isEqualTo("no-such-profile");
        Response first = write("{\"PERFORMANCE\":\"Черновик\"}", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(sign(head, 1).code()).isEqualTo("profile-incomplete");
        assertThat(write(WHOLE, 7).code()).isEqualTo("profile-version-conflict");
        assertThat(write("{\"HOBBIES\":\"рыбалка\"}", 1).code()).isEqualTo("unknown-profile-section");
        assertThat(write("{\"OTHER\":\"" + "а".repeat(4001) + "\"}", 1).code()).isEqualTo("profile-section-too-long");
        assertThat(api.json("PUT", BASE + caseId + "/profile", personnel, "{\"sections\":" + WHOLE + "}").status())
                .isEqualTo(403);

        Response whole = write(WHOLE, 1);
        assertThat(whole.json().get("version").asInt()).isEqualTo(2);
        assertThat(whole.json().get("sections").get("FINAL_ASSESSMENT").asString()).isEqualTo("Соответствует");
        assertThat(sign(otherHead, 2).code()).isEqualTo("not-the-author");
        assertThat(sign(head, 1).code()).isEqualTo("profile-version-conflict");
        Response signed = sign(head, 2);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("signedBy").asString()).isEqualTo(head);

        Response edit = write("{\"FINAL_ASSESSMENT\":\"Не соответствует\"}", 2);
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.code()).isEqualTo("profile-signed");
        assertThat(sign(head, 2).code()).isEqualTo("profile-signed");
        assertThatThrownBy(() -> jdbc.update("update certification_profiles set sections = '{}' where case_id = ?",
                caseId)).hasMessageContaining("signed");
        assertThat(api.get(BASE + caseId + "/profile", personnel).json().get("sections").get("FINAL_ASSESSMENT")
                .asString()).isEqualTo("Соответствует");
        assertThat(deadline(api.get(BASE + caseId + "/calendar", personnel).json(), "PROFILE").get("state")
                .asString()).isEqualTo("done");
    }

    @Test
    void theEmployeeAcknowledgesOnceUnderSignatureAndMayDisagree() {
        write(WHOLE, null);
        Response early = api.json("POST", BASE + caseId + "/profile/acknowledgement", personnel, "{}");
        assertThat(early.code()).isEqualTo("profile-not-signed");
        sign(head, 1);
        Response bare = api.json("POST", BASE + caseId + "/profile/acknowledgement", personnel,
                "{\"disagrees\":true}");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.code()).isEqualTo("disagreement-without-reason");
        assertThat(api.json("POST", BASE + caseId + "/profile/acknowledgement", personnel,
                "{\"on\":\"" + employees.today().plusDays(1) + "\"}").code()).isEqualTo("date-in-future");

        Response ack = api.json("POST", BASE + caseId + "/profile/acknowledgement", personnel, """
                {"disagrees":true,"disagreement":"Не согласен с оценкой личных качеств",
                 "addedInformation":"Награждён медалью в 2025 году"}""");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        JsonNode a = ack.json().get("acknowledgement");
        assertThat(a.get("disagrees").asBoolean()).isTrue();
        assertThat(a.get("acknowledgedOn").asString()).isEqualTo(employees.today().toString());
        assertThat(a.get("addedInformation").asString()).contains("медалью");
        assertThat(api.json("POST", BASE + caseId + "/profile/acknowledgement", personnel, "{}").code())
                .isEqualTo("profile-acknowledged");
        assertThatThrownBy(() -> jdbc.update("update certification_profile_acks set disagrees = false where"
                + " profile_id = (select id from certification_profiles where case_id = ?)", caseId))
                .hasMessageContaining("cannot change");
        assertThat(deadline(api.get(BASE + caseId + "/calendar", personnel).json(), "ACKNOWLEDGEMENT").get("doneOn")
                .asString()).isEqualTo(employees.today().toString());
        assertThat(api.json("POST", BASE + caseId + "/deadlines/PROFILE/done", personnel, "{}").code())
                .isEqualTo("deadline-by-document");
    }

    private static JsonNode deadline(JsonNode calendar, String kind) {
        for (JsonNode d : calendar) {
            if (kind.equals(d.get("kind").asString())) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " in " + calendar);
    }
}
