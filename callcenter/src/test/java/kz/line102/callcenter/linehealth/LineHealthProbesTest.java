package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.alert.Alert;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.sip.FreePorts;
import kz.line102.cti.testing.Sipp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Targets probed against sipp as the SIP peer: up while it answers 200, down after
 * three failures (silence, 404, 503) with one alert, back up after two good answers
 * with the alert cleared and the incident kept.
 */
@CallcenterTest
class LineHealthProbesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(8);

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AlertService alerts;

    private Api api;
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "lh-admin", Role.ADMIN);
        Api.user(users, "lh-duty", Role.SUPERVISOR);
    }

    @AfterEach
    void deleteTargets() {
        created.forEach(id -> api.json("DELETE", "/api/v1/line-health/targets/" + id, "lh-admin", null));
    }

    private long target(int sipPort, String transport) {
        return target(sipPort, transport, 150, 100);
    }

    private long target(int sipPort, String transport, int intervalMs, int timeoutMs) {
        String name = "test-" + UUID.randomUUID();
        Response r = api.json("POST", "/api/v1/line-health/targets", "lh-admin", """
                {"name":"%s","host":"127.0.0.1","port":%d,"transport":"%s","intervalMs":%d,"timeoutMs":%d}
                """.formatted(name, sipPort, transport, intervalMs, timeoutMs));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        created.add(id);
        return id;
    }

    private JsonNode read(long id) {
        Response r = api.get("/api/v1/line-health/targets/" + id, "lh-duty");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private String state(long id) {
        return read(id).get("state").asString();
    }

    @Test
    void aTargetGoesDownWhenItsPeerFallsSilentAndComesBackUpWithOneAlertClearedOnRecovery() throws Exception {
        int sipPort;
        long id;
        try (Sipp peer = Sipp.uas("options-200.xml", "u1")) {
            sipPort = peer.port();
            id = target(sipPort, "udp");
            await().atMost(PATIENCE).until(() -> state(id).equals("up"));
            assertThat(read(id).get("lastRttMs").asDouble()).isPositive().isLessThan(100);
            String name = read(id).get("name").asString();
            await().atMost(PATIENCE).until(() -> api.get("/actuator/prometheus", "lh-admin").body()
                    .contains("line102_linehealth_target_state{target=\"" + name + "\"} 2.0"));
            assertThat(api.get("/actuator/prometheus", "lh-admin").body())
                    .contains("line102_linehealth_probe_rtt_seconds_count{target=\"" + name + "\"}");
            JsonNode health = api.get("/actuator/health", "lh-admin").json().get("components").get("lineHealth");
            assertThat(health.get("details").get(name).get("state").asString()).isIn("up", "degraded");
        }
        await().atMost(PATIENCE).until(() -> state(id).equals("down"));
        JsonNode down = read(id);
        assertThat(down.get("lastOutcome").asString()).isEqualTo("timeout");
        JsonNode incident = openIncident(id);
        long alertId = incident.get("alertId").asLong();
        Alert alert = alerts.get(alertId);
        assertThat(alert.kind()).isEqualTo("line-health-down");
        assertThat(alert.open()).isTrue();
        assertThat(alert.title()).contains(down.get("name").asString());

        try (Sipp back = Sipp.uasOn(sipPort, "options-200.xml", "u1")) {
            await().atMost(PATIENCE).until(() -> state(id).equals("up"));
            await().atMost(PATIENCE).until(() -> !alerts.get(alertId).open());
            assertThat(alerts.get(alertId).acknowledgedBy()).isEqualTo("system");
            assertThat(alerts.get(alertId).ackComment()).contains("cleared");
            JsonNode ended = incidentsOf(id).get(0);
            assertThat(ended.get("endedAt").isNull()).isFalse();
            assertThat(incidentsOf(id)).as("one incident, one alert").hasSize(1);
        }

        Response failures = api.get("/api/v1/line-health/targets/" + id + "/probes?failures=true", "lh-duty");
        assertThat(failures.json().size()).isGreaterThanOrEqualTo(3);
        assertThat(failures.json().get(0).get("outcome").asString()).isEqualTo("timeout");
    }

    @Test
    void aMissIsRetriedAtOnceSoASilentPeerIsDownLongBeforeThreeIntervals() throws Exception {
        long id;
        try (Sipp peer = Sipp.uas("options-200.xml", "u1")) {
            // Probed every 6 s: three misses an interval apart would take until 13 s after the first one.
            id = target(peer.port(), "udp", 6000, 200);
            await().atMost(PATIENCE).until(() -> state(id).equals("up"));
        }
        long silentAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("down"));
        assertThat(Duration.ofNanos(System.nanoTime() - silentAt)).as("interval + three timeouts, not three intervals")
                .isLessThan(Duration.ofSeconds(9));
    }

    @Test
    void aPeerAnswering404Or503IsDownWithTheStatusAsTheReason() throws Exception {
        try (Sipp notFound = Sipp.uas("options-404.xml", "u1"); Sipp unavailable = Sipp.uas("options-503.xml", "t1")) {
            long a = target(notFound.port(), "udp");
            long b = target(unavailable.port(), "tcp");
            await().atMost(PATIENCE).until(() -> state(a).equals("down") && state(b).equals("down"));
            assertThat(read(a).get("lastStatus").asInt()).isEqualTo(404);
            assertThat(read(a).get("lastOutcome").asString()).isEqualTo("unexpected-status");
            assertThat(read(b).get("lastStatus").asInt()).isEqualTo(503);
            assertThat(read(b).get("lastDetail").asString()).contains("503");
        }
    }

    @Test
    void nothingListeningIsDownAndDeletingTheTargetEndsItsIncident() throws Exception {
        long id = target(FreePorts.udpAndTcp("127.0.0.1"), "udp");
        await().atMost(PATIENCE).until(() -> state(id).equals("down"));
        long alertId = openIncident(id).get("alertId").asLong();
        assertThat(api.json("DELETE", "/api/v1/line-health/targets/" + id, "lh-admin", null).status()).isEqualTo(204);
        assertThat(alerts.get(alertId).open()).isFalse();
        assertThat(api.get("/api/v1/line-health/targets/" + id, "lh-admin").code())
                .isEqualTo("no-such-line-health-target");
    }

    private JsonNode openIncident(long id) {
        await().atMost(PATIENCE).until(() -> incidentsOf(id).size() == 1 && !incidentsOf(id).get(0).get("alertId")
                .isNull());
        return incidentsOf(id).get(0);
    }

    private List<JsonNode> incidentsOf(long id) {
        Response r = api.get("/api/v1/line-health/incidents?within=PT1H&limit=5000", "lh-duty");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        r.json().forEach(n -> {
            if (!n.get("targetId").isNull() && n.get("targetId").asLong() == id) {
                mine.add(n);
            }
        });
        return mine;
    }
}
