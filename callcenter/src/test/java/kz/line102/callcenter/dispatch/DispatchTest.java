package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.alert.Alert;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.incident.TestCards;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Units sent to cards: the card follows its units, each sending has its deadline, a
 * unit late on scene alerts the duty officer once, and a unit is never on two cards.
 */
@CallcenterTest
class DispatchTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DutySheetService sheet;
    @Autowired
    AlertService alerts;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private String operator;
    private String duty;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "dispatch-admin", Role.ADMIN);
        operator = Api.user(users, "dispatch-operator", Role.OPERATOR);
        duty = Api.user(users, "dispatch-duty", Role.SUPERVISOR);
    }

    private long unitOnDuty() {
        Unit unit = sheet.register("ПА-" + UUID.randomUUID().toString().substring(0, 8), "patrol", "dispatch-admin");
        sheet.startDuty(unit.id(), List.of("с-т Ким"), "Маршрут 1", duty);
        return unit.id();
    }

    private String card(int priority) {
        return TestCards.registered(api, operator, "CRIMINAL_OFFENCE", "theft", priority, "Абая 10").path("id")
                .asString();
    }

    private Response send(String card, long unit) {
        return api.json("POST", "/api/v1/incidents/" + card + "/units", duty, "{\"unitId\":" + unit + "}");
    }

    private String status(String card) {
        return api.get("/api/v1/incidents/" + card, duty).json().path("status").asString();
    }

    @Test
    void aCardFollowsItsUnitsFromSendingToArrivalAndItsUnitsAreFreedWhenItIsWorkedOff() {
        String card = card(2);
        long first = unitOnDuty();
        long second = unitOnDuty();

        Response sent = send(card, first);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode a = sent.json();
        assertThat(Duration.between(java.time.Instant.parse(a.get("assignedAt").asString()),
                java.time.Instant.parse(a.get("deadlineAt").asString()))).isEqualTo(Duration.ofMinutes(15));
        assertThat(a.get("late").asBoolean()).isFalse();
        assertThat(status(card)).isEqualTo("DISPATCHED");
        assertThat(sheet.get(first).status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(sheet.get(first).incidentId().toString()).isEqualTo(card);

        assertThat(send(card, second).status()).isEqualTo(201);
        assertThat(api.json("POST", "/api/v1/incidents/" + card + "/units/" + second + "/arrival", duty, null).status())
                .isEqualTo(200);
        assertThat(status(card)).isEqualTo("ARRIVED");
        assertThat(sheet.get(second).status()).isEqualTo(UnitStatus.ON_SCENE);
        Response again = api.json("POST", "/api/v1/incidents/" + card + "/units/" + second + "/arrival", duty, null);
        assertThat(again.code()).isEqualTo("already-arrived");

        Response released = api.json("POST", "/api/v1/incidents/" + card + "/units/" + first + "/release", duty,
                "{\"note\":\"отозван\"}");
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("releaseNote").asString()).isEqualTo("отозван");
        assertThat(sheet.get(first).status()).isEqualTo(UnitStatus.AVAILABLE);

        Response workedOff = api.json("POST", "/api/v1/incidents/" + card + "/work-off", duty,
                "{\"result\":\"задержан подозреваемый\"}");
        assertThat(workedOff.status()).as(workedOff.body()).isEqualTo(200);
        assertThat(sheet.get(second).status()).as("units leave a worked-off card").isEqualTo(UnitStatus.AVAILABLE);
        assertThat(sheet.get(second).incidentId()).isNull();

        JsonNode list = api.get("/api/v1/incidents/" + card + "/units", operator).json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.findValuesAsString("releasedBy")).containsExactlyInAnyOrder(duty, duty);
        List<String> timeline = sheet.timeline(second, 10).stream().map(e -> e.status().code()).toList();
        assertThat(timeline).startsWith("available", "on-scene", "dispatched");
        assertThat(api.get("/api/v1/incidents/" + card + "/transitions", duty).json().findValuesAsString("to"))
                .contains("DISPATCHED", "ARRIVED", "WORKED_OFF");
    }

    @Test
    void aUnitNotOnSceneByItsDeadlineAlertsTheDutyOfficerOnce() {
        String card = card(1);
        long unit = unitOnDuty();
        long assignment = send(card, unit).json().get("id").asLong();
        // As if the ten minutes of a priority-1 card had passed.
        jdbc.update("update incident_units set assigned_at = assigned_at - interval '11 minutes',"
                + " deadline_at = deadline_at - interval '11 minutes' where id = ?", assignment);

        Alert alert = await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list(false, Duration.ofHours(1), 1000)
                .stream().filter(x -> ("unit-late:" + assignment).equals(x.dedupKey())).findFirst().orElse(null),
                x -> x != null);
        assertThat(alert.kind()).isEqualTo("unit-late");
        assertThat(alert.severity().code()).isEqualTo("critical");
        assertThat(alert.incidentId().toString()).isEqualTo(card);
        assertThat(alert.title()).contains(sheet.get(unit).callSign());
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select late_alerted_at is not null from incident_units where id = ?", Boolean.class, assignment));
        assertThat(jdbc.queryForObject("select count(*) from alerts where dedup_key = ?", Integer.class,
                "unit-late:" + assignment)).isEqualTo(1);

        JsonNode arrived = api.json("POST", "/api/v1/incidents/" + card + "/units/" + unit + "/arrival", duty, null)
                .json();
        assertThat(arrived.get("late").asBoolean()).isTrue();
    }

    @Test
    void wrongSendingsAreRefusedAndAUnitIsNeverOnTwoCards() throws Exception {
        String card = card(3);
        String other = card(3);
        long unit = unitOnDuty();

        assertThat(api.json("POST", "/api/v1/incidents/" + card + "/units", operator, "{\"unitId\":" + unit + "}")
                .status()).isEqualTo(403);
        assertThat(api.json("POST", "/api/v1/incidents/" + card + "/units", duty, "{}").status()).isEqualTo(400);
        assertThat(api.json("POST", "/api/v1/incidents/not-a-card/units", duty, "{\"unitId\":1}").status())
                .isEqualTo(400);
        assertThat(send(UUID.randomUUID().toString(), unit).code()).isEqualTo("no-such-incident");
        assertThat(send(card, 999_999_999L).code()).isEqualTo("no-such-unit");
        Unit offDuty = sheet.register("ПА-" + UUID.randomUUID().toString().substring(0, 8), "patrol", duty);
        assertThat(send(card, offDuty.id()).code()).isEqualTo("unit-off-duty");
        assertThat(api.json("POST", "/api/v1/incidents/" + card + "/units/" + unit + "/arrival", duty, null).code())
                .isEqualTo("not-assigned");

        // Two duty officers send the same unit to two cards at once: one wins, the other is told.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> both = pool.invokeAll(List.<Callable<Response>>of(() -> send(card, unit),
                    () -> send(other, unit)));
            List<Integer> statuses = List.of(both.get(0).get().status(), both.get(1).get().status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from incident_units where unit_id = ? and released_at is null",
                Integer.class, unit)).isEqualTo(1);
        assertThat(send(card, unit).code()).isIn("already-assigned", "unit-on-card");
        assertThat(api.json("POST", "/api/v1/units/" + unit + "/status", duty, "{\"status\":\"available\"}").code())
                .isEqualTo("unit-on-card");

        String draft = api.json("POST", "/api/v1/incidents", operator, "{}").json().path("incident").path("id")
                .asString();
        long free = unitOnDuty();
        assertThat(send(draft, free).code()).isEqualTo("not-dispatchable");
        assertThat(sheet.get(free).status()).isEqualTo(UnitStatus.AVAILABLE);
    }
}
