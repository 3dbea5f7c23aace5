package kz.line102.callcenter.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.TestSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Alerts raised once, seen live on supervisors' screens, acknowledged once; bad requests refused clearly. */
@CallcenterTest
class AlertApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AlertService alerts;
    @Autowired
    AlertRelay relay;

    private Api api;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "alert-admin", Role.ADMIN);
        Api.user(users, "alert-duty", Role.SUPERVISOR);
        Api.user(users, "alert-duty-2", Role.SUPERVISOR);
        Api.user(users, "alert-operator", Role.OPERATOR);
    }

    private static AlertRequest request(String key) {
        return new AlertRequest(key, "incident-serious", Severity.CRITICAL, "Серьёзное преступление: разбой",
                Map.of("kui", "KUI-TEST-2026-1", "address", "Абая 1"), UUID.randomUUID(), "system");
    }

    @Test
    void theSameConditionRaisedTwiceIsOneAlert() {
        String key = "test:" + UUID.randomUUID();
        Alert first = alerts.raise(request(key));
        Alert again = alerts.raise(request(key));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.outboundStatus()).as("no outbound endpoint in the default configuration").isEqualTo("none");

        Response one = api.get("/api/v1/alerts/" + first.id(), "alert-duty");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("kind").asString()).isEqualTo("incident-serious");
        assertThat(one.json().get("severity").asString()).isEqualTo("critical");
        assertThat(one.json().get("detail").get("kui").asString()).isEqualTo("KUI-TEST-2026-1");
        Response open = api.get("/api/v1/alerts?state=open&within=PT1H&limit=1000", "alert-duty");
        assertThat(open.json().findValuesAsString("dedupKey").stream().filter(key::equals)).hasSize(1);
    }

    @Test
    void anAlertIsAcknowledgedOnceAndTheSecondSupervisorIsToldByWhom() {
        Alert alert = alerts.raise(request("test:" + UUID.randomUUID()));
        Response ack = api.json("POST", "/api/v1/alerts/" + alert.id() + "/acknowledgement", "alert-duty",
                "{\"comment\":\"наряд направлен\"}");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo("alert-duty");
        assertThat(ack.json().get("ackComment").asString()).isEqualTo("наряд направлен");

        Response late = api.json("POST", "/api/v1/alerts/" + alert.id() + "/acknowledgement", "alert-duty-2", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("already-acknowledged");
        assertThat(late.json().get("reason").asString()).contains("alert-duty");
        assertThat(alerts.get(alert.id()).acknowledgedBy()).isEqualTo("alert-duty");

        Response open = api.get("/api/v1/alerts?within=PT1H&limit=1000", "alert-duty");
        assertThat(open.json().findValuesAsString("id")).doesNotContain(String.valueOf(alert.id()));
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        assertThat(api.get("/api/v1/alerts/999999999", "alert-duty").code()).isEqualTo("no-such-alert");
        assertThat(api.get("/api/v1/alerts?state=closed", "alert-duty").json().get("reason").asString())
                .contains("'state'");
        assertThat(api.get("/api/v1/alerts?within=yesterday", "alert-duty").json().get("reason").asString())
                .contains("ISO-8601");
        assertThat(api.get("/api/v1/alerts?within=PT0S", "alert-duty").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/alerts?limit=0", "alert-duty").status()).isEqualTo(400);
        Alert alert = alerts.raise(request("test:" + UUID.randomUUID()));
        Response tooLong = api.json("POST", "/api/v1/alerts/" + alert.id() + "/acknowledgement", "alert-duty",
                "{\"comment\":\"" + "x".repeat(2001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(alerts.get(alert.id()).open()).isTrue();
        Response notDead = api.json("POST", "/api/v1/alerts/" + alert.id() + "/outbound/resend", "alert-admin", null);
        assertThat(notDead.status()).isEqualTo(409);
        assertThat(notDead.code()).isEqualTo("not-dead");

        assertThatThrownBy(() -> new AlertRequest("k", "Not Kebab", Severity.INFO, "t", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> new AlertRequest(" ", "unit-late", Severity.INFO, "t", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dedup key");
    }

    @Test
    void aSupervisorsScreenGetsTheOpenAlertsThenEachChangeAndOthersCannotListen() {
        await().atMost(Duration.ofSeconds(10)).until(relay::subscribed);
        Alert before = alerts.raise(request("test:" + UUID.randomUUID()));
        TestSocket screen = TestSocket.open(port, "/ws/alerts", "alert-duty");
        await().atMost(Duration.ofSeconds(10)).until(() -> !screen.received().isEmpty());
        JsonNode snapshot = screen.received().get(0);
        assertThat(snapshot.get("type").asString()).isEqualTo("open");
        assertThat(snapshot.get("alerts").findValuesAsString("dedupKey")).contains(before.dedupKey());

        Alert live = alerts.raise(request("test:" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(10)).until(() -> screen.received().stream().anyMatch(m ->
                "raised".equals(m.path("type").asString()) && m.path("alert").path("id").asLong() == live.id()));
        alerts.acknowledge(live.id(), "alert-duty-2", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> screen.received().stream().anyMatch(m ->
                "acknowledged".equals(m.path("type").asString()) && m.path("alert").path("id").asLong() == live.id()));

        screen.socket().sendText("{\"ack\":1}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> screen.received().stream()
                .anyMatch(m -> "read-only".equals(m.path("code").asString())));

        assertThatThrownBy(() -> TestSocket.open(port, "/ws/alerts", null))
                .satisfies(e -> assertThat(TestSocket.refusedStatus(e)).isEqualTo(401));
        assertThatThrownBy(() -> TestSocket.open(port, "/ws/alerts", "alert-operator"))
                .satisfies(e -> assertThat(TestSocket.refusedStatus(e)).isEqualTo(403));
    }

    @Test
    void acknowledgedAlertsKeepWhoWhenAndTheCommentAndAreFoundByTimeKindAndText() {
        String word = "поиск" + UUID.randomUUID().toString().substring(0, 8);
        Alert alert = alerts.raise(new AlertRequest("test:" + UUID.randomUUID(), "incident-serious", Severity.CRITICAL,
                "Разбой — " + word, Map.of("kuiNumber", "KUI-TSOU-2026-" + word), UUID.randomUUID(), "system"));
        Response acked = api.json("POST", "/api/v1/alerts/" + alert.id() + "/acknowledgement", "alert-duty",
                "{\"comment\":\"  наряд уже на месте  \"}");
        assertThat(acked.json().path("ackComment").asString()).isEqualTo("наряд уже на месте");

        JsonNode found = api.get("/api/v1/alerts/acknowledged?kind=incident&q=" + word, "alert-duty").json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("id").asLong()).isEqualTo(alert.id());
        assertThat(found.get(0).path("acknowledgedBy").asString()).isEqualTo("alert-duty");
        assertThat(found.get(0).path("acknowledgedAt").isNull()).isFalse();
        // The comment and the card's number are searched too; another kind or another time finds nothing.
        assertThat(api.get("/api/v1/alerts/acknowledged?q=%D0%BD%D0%B0%D1%80%D1%8F%D0%B4%20%D1%83%D0%B6%D0%B5",
                "alert-duty").json().findValuesAsString("title")).contains(alert.title());
        assertThat(api.get("/api/v1/alerts/acknowledged?q=KUI-TSOU-2026-" + word, "alert-duty").json()).hasSize(1);
        assertThat(api.get("/api/v1/alerts/acknowledged?kind=unit-late&q=" + word, "alert-duty").json()).isEmpty();
        assertThat(api.get("/api/v1/alerts/acknowledged?from=2001-01-01&to=2001-01-31&q=" + word, "alert-duty").json())
                .isEmpty();
        // Still open alerts are not in the list.
        Alert open = alerts.raise(new AlertRequest("test:" + UUID.randomUUID(), "incident-serious", Severity.CRITICAL,
                "Открытая " + word, Map.of(), null, "system"));
        assertThat(api.get("/api/v1/alerts/acknowledged?q=" + word, "alert-duty").json().findValuesAsString("title"))
                .doesNotContain(open.title());

        assertThat(api.get("/api/v1/alerts/acknowledged?from=yesterday", "alert-duty").code())
                .isEqualTo("invalid-request");
        assertThat(api.get("/api/v1/alerts/acknowledged?from=2026-12-04&to=2026-12-01", "alert-duty").code())
                .isEqualTo("invalid-request");
        assertThat(api.get("/api/v1/alerts/acknowledged?kind=a%25b", "alert-duty").code())
                .isEqualTo("invalid-request");
        assertThat(api.get("/api/v1/alerts/acknowledged", "alert-operator").status()).isEqualTo(403);
    }
}
