package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

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

/** The registers' deadlines (a crime report overdue raises one alert) and the orientations in force. */
@CallcenterTest
class WatchRegisterTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WatchProperties props;
    @Autowired
    DeadlinePass deadlines;

    Api api;
    String duty;
    String incoming;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "watch-admin", Role.ADMIN);
        duty = Api.user(users, "register-duty", Role.SUPERVISOR);
        incoming = Api.user(users, "register-incoming", Role.SUPERVISOR);
    }

    private JsonNode write(String kind, String json) {
        Response r = api.json("POST", "/api/v1/watch/journals/" + kind + "/entries", duty, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private int alerts(long entryId) {
        return jdbc.queryForObject("select count(*) from alerts where dedup_key = ?", Integer.class,
                DeadlinePass.ALERT_KIND + ":" + entryId);
    }

    @Test
    void aCrimeTelegramNotReportedByItsDeadlineIsFlaggedOverdueOnceAndAReportedOneIsNot() {
        JsonNode crime = write("telegrams-in", "{\"text\":\"Телеграмма о краже из магазина\","
                + "\"fields\":{\"sender\":\"ДП г. Алматы\",\"crime\":\"true\"}}");
        JsonNode reported = write("telegrams-in", "{\"text\":\"Телеграмма о грабеже\",\"fields\":{\"crime\":\"true\"}}");
        JsonNode ordinary = write("telegrams-in", "{\"text\":\"Телеграмма о совещании\",\"fields\":{\"sender\":\"ДП\"}}");
        Duration within = props.journals().get("telegrams-in").reportWithin();
        Instant deadline = Instant.parse(crime.get("deadline").asString());
        assertThat(deadline).isEqualTo(Instant.parse(crime.get("at").asString()).plus(within));
        assertThat(crime.get("overdue").asBoolean()).isFalse();
        assertThat(ordinary.get("deadline").isNull()).isTrue();
        // The report to the chief is a correction naming whom it was reported to.
        write("telegrams-in", "{\"text\":\"Доложено начальнику\",\"corrects\":" + reported.get("id").asLong()
                + ",\"fields\":{\"reportedTo\":\"Начальник ЦОУ\",\"instructions\":\"Направить СОГ\"}}");

        Instant late = deadline.plus(Duration.ofMinutes(1));
        deadlines.run(late);
        deadlines.run(late);
        deadlines.run(late.plus(Duration.ofHours(1)));
        assertThat(alerts(crime.get("id").asLong())).isEqualTo(1);
        assertThat(alerts(reported.get("id").asLong())).isZero();
        assertThat(alerts(ordinary.get("id").asLong())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from watch_entry_overdue where entry_id = ?", Integer.class,
                crime.get("id").asLong())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from watch_audit where action = 'entry-overdue'"
                + " and (detail->>'entryId')::bigint = ?", Integer.class, crime.get("id").asLong())).isEqualTo(1);
        JsonNode listed = api.get("/api/v1/watch/journals/telegrams-in/entries?number=" + reported.get("number").asInt()
                + "&year=" + reported.get("year").asInt(), duty).json().get(0);
        assertThat(listed.get("reportedAt").isNull()).isFalse();
    }

    @Test
    void aCancelledOrientationLeavesTheNextHandOverListButStaysInTheRegister() {
        String marker = "ОР" + System.nanoTime();
        JsonNode wanted = write("orientations", "{\"text\":\"Розыск: Иванов И.И., 1990 г.р. " + marker + "\","
                + "\"fields\":{\"sender\":\"УКП ДП\"}}");
        JsonNode car = write("orientations", "{\"text\":\"Угон: Toyota Camry 123ABC02 " + marker + "\"}");
        String current = api.get("/api/v1/watch/current", duty).json().get("key").asString();
        assertThat(api.get("/api/v1/watch/watches/" + current, incoming).json().get("orientations").findValuesAsString("text"))
                .anyMatch(t -> t.contains("Иванов") && t.contains(marker)).anyMatch(t -> t.contains("Toyota") && t.contains(marker));

        Response noReason = api.json("POST", "/api/v1/watch/orientations/" + car.get("id").asLong() + "/cancellation",
                duty, "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        Response cancel = api.json("POST", "/api/v1/watch/orientations/" + car.get("id").asLong() + "/cancellation", duty,
                "{\"reason\":\"Автомобиль обнаружен\",\"reportedBy\":\"Капитан Ахметов, УКП\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("cancellation").get("cancelledBy").asString()).isEqualTo(duty);
        assertThat(cancel.json().get("cancellation").get("reportedBy").asString()).isEqualTo("Капитан Ахметов, УКП");
        Response twice = api.json("POST", "/api/v1/watch/orientations/" + car.get("id").asLong() + "/cancellation", duty,
                "{\"reason\":\"Ещё раз\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("orientation-cancelled");
        Response notOne = api.json("POST", "/api/v1/watch/orientations/" + cancel.json().get("cancellation").get("recordId")
                .asLong() + "/cancellation", duty, "{\"reason\":\"x\"}");
        assertThat(notOne.code()).isEqualTo("no-such-orientation");

        // The hand-over list of the watch and the active list: only the wanted person is left.
        assertThat(api.get("/api/v1/watch/watches/" + current, incoming).json().get("orientations").findValuesAsString("text"))
                .anyMatch(t -> t.contains(marker) && t.contains("Иванов")).noneMatch(t -> t.contains(marker) && t.contains("Toyota"));
        assertThat(api.get("/api/v1/watch/orientations/active", incoming).json().findValuesAsString("text"))
                .noneMatch(t -> t.contains(marker) && t.contains("Toyota"));
        // The register keeps the orientation and the entry recording its cancellation.
        JsonNode inRegister = api.get("/api/v1/watch/journals/orientations/entries?q=" + marker, duty).json();
        assertThat(inRegister.findValuesAsString("text")).anyMatch(t -> t.contains("Toyota"));
        assertThat(api.get("/api/v1/watch/journals/orientations/entries?q=Автомобиль%20обнаружен&number="
                + cancel.json().get("correctedBy").get(0).asInt(), duty).json()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from watch_audit where action = 'orientation-cancelled'"
                + " and detail->>'orientation' = ?", Integer.class, car.get("year").asInt() + "/" + car.get("number").asInt()))
                .isEqualTo(1);
        assertThat(wanted.get("cancellation").isNull()).isTrue();
    }
}
