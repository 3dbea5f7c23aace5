package kz.line102.callcenter.certification;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Observers' applications through the API: three admitted first come first served and the
 * fourth refused, a former subordinate refused, too early and too late refused, each refusal
 * kept with its code and answered in the user's language.
 */
@CallcenterTest
class ObserverTest {

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

    Api api;
    String personnel;
    String run;
    Commission commission;
    final PreparationCalendar rules = new PreparationCalendar(Preparation.regulation());

    @BeforeEach
    void aCommission() {
        api = new Api(port);
        personnel = Api.user(users, "observer-personnel-service", Role.PERSONNEL);
        run = UUID.randomUUID().toString().substring(0, 8);
        commission = new CommissionFixture(context).create("observers " + run, "chair-" + run, "secretary-" + run,
                List.of("chair-" + run, "secretary-" + run, "member-" + run), "observer-test");
    }

    private Employee employee() {
        return employees.create("OB-" + run + "-" + UUID.randomUUID().toString().substring(0, 6), "Серікова Дана",
                List.of(Posting.post(employees.today().minusYears(3).minusDays(1), null, "оператор")), "observer-test");
    }

    /** A meeting of the commission on {@code day}: one employee's case set for it. */
    private LocalDate meeting(LocalDate day) {
        long caseId = cases.open(employee().id(), commission.id(), "observer-test").id();
        calendar.setMeeting(caseId, day, "observer-test");
        return day;
    }

    /** The nearest meeting day whose window is open today, whatever day of the week today is. */
    private LocalDate openMeeting() {
        LocalDate today = employees.today();
        for (LocalDate d = today.plusDays(1); ; d = d.plusDays(1)) {
            if (!rules.observersFrom(d).isAfter(today) && !rules.observersUntil(d).isBefore(today)) {
                return meeting(d);
            }
        }
    }

    private Response apply(LocalDate meeting, String name, String extra) {
        return api.json("POST", "/api/v1/certification/commissions/" + commission.id() + "/meetings/" + meeting
                + "/observers", personnel, """
                {"fullName":"%s","identityDocument":"ID-%s-%s","capacity":"deputy"%s}"""
                .formatted(name, run, name, extra));
    }

    @Test
    void aFourthObserverIsRefusedAndEveryRefusalIsKeptWithItsCode() {
        LocalDate meeting = openMeeting();
        for (String name : List.of("first", "second", "third")) {
            Response r = apply(meeting, name, "");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("status").asString()).isEqualTo("ADMITTED");
        }
        assertThat(apply(meeting, "first", "").code()).isEqualTo("observer-already-admitted");
        Response fourth = apply(meeting, "fourth", ",\"capacity\":\"PUBLIC_ASSOCIATION\",\"organisation\":\"Адал\"");
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("observers-full");
        assertThat(fourth.json().get("detail").asString()).contains("3");

        JsonNode all = api.get("/api/v1/certification/commissions/" + commission.id() + "/meetings/" + meeting
                + "/observers", personnel).json();
        assertThat(all).hasSize(5);
        assertThat(all.get(3).get("refusal").asString()).isEqualTo("observer-already-admitted");
        assertThat(all.get(2).get("seat").asInt()).isEqualTo(3);
        assertThat(all.get(4).get("status").asString()).isEqualTo("REFUSED");
        assertThat(all.get(4).get("refusal").asString()).isEqualTo("observers-full");
    }

    @Test
    void aFormerSubordinateOfTheHeadIsRefused() {
        LocalDate meeting = openMeeting();
        Response declared = apply(meeting, "declared", ",\"formerSubordinate\":true");
        assertThat(declared.status()).isEqualTo(409);
        assertThat(declared.code()).isEqualTo("former-subordinate");
        Response served = apply(meeting, "served", ",\"personnelNo\":\"" + employee().personnelNo() + "\"");
        assertThat(served.code()).isEqualTo("former-subordinate");
        assertThat(apply(meeting, "stranger", ",\"personnelNo\":\"NOBODY-" + run + "\"").status()).isEqualTo(201);
    }

    @Test
    void anApplicationAfterTheLastWorkingDayBeforeTheMeetingIsRefusedAndOneBeforeTheAnnouncementToo() {
        LocalDate today = employees.today();
        Response late = apply(meeting(today), "late", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("observer-application-late");
        assertThat(late.json().get("args").get(0).asString()).isEqualTo(rules.observersUntil(today).toString());

        Response early = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
                + "/api/v1/certification/commissions/" + commission.id() + "/meetings/" + meeting(today.plusDays(30))
                + "/observers")).header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (personnel + ":" + Api.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept-Language", "kk")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"fullName\":\"early\","
                        + "\"identityDocument\":\"X\",\"capacity\":\"DEPUTY\"}")).build());
        assertThat(early.code()).isEqualTo("observer-window-not-open");
        assertThat(early.json().get("detail").asString()).contains("өтініштерін қабылдау");

        assertThat(apply(today.plusDays(400), "nowhere", "").code()).isEqualTo("no-such-meeting");
        assertThat(apply(today, "odd", ",\"capacity\":\"journalist\"").code()).isEqualTo("unknown-observer-capacity");
    }
}
