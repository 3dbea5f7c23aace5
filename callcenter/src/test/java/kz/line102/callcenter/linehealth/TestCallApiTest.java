package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.sip.SipPeer;
import kz.line102.cti.sip.Transport;
import kz.line102.cti.testing.Sipp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Test calls on demand against sipp as the test number: measured, found on our side, alarmed and cleared. */
@CallcenterTest
class TestCallApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TestCallService testCalls;
    @Autowired
    AlertService alerts;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private final String caller = "lhtest" + Long.toHexString(System.nanoTime());

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "lh-admin", Role.ADMIN);
        Api.user(users, "lh-duty", Role.SUPERVISOR);
    }

    @AfterEach
    void noTestNumber() {
        testCalls.plan(null);
    }

    private void testNumberAt(Sipp sipp, Duration recordBudget) {
        testCalls.plan(new TestCallPlan(new SipPeer("127.0.0.1", sipp.port(), Transport.UDP, "102999"), caller,
                Duration.ofSeconds(2), Duration.ofMillis(600), Duration.ofMillis(700), 5.0, recordBudget, false));
    }

    private JsonNode placeAndAwait() {
        Response placed = api.json("POST", "/api/v1/line-health/test-calls", "lh-admin", null);
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String id = placed.json().get("id").asString();
        await().atMost(PATIENCE).until(() -> !api.get("/api/v1/line-health/test-calls/" + id, "lh-duty").json()
                .get("outcome").isNull());
        return api.get("/api/v1/line-health/test-calls/" + id, "lh-duty").json();
    }

    @Test
    void aTestCallToAnEchoingNumberPassesAndItsCallRecordIsMarkedAsATestCall() throws Exception {
        UUID callId = UUID.randomUUID();
        try (Sipp echo = Sipp.uas("invite-echo.xml", "u1", "-rtp_echo")) {
            testNumberAt(echo, Duration.ofSeconds(3));
            // What the intake would have written for the PBX's call from the test caller.
            jdbc.update("insert into calls (id, caller_number, offered_at, queue, outcome, recording_file)"
                    + " values (?, ?, ?, 'q102-test', 'answered', 'test/rec.wav')", callId, caller,
                    Timestamp.from(Instant.now()));
            JsonNode call = placeAndAwait();
            assertThat(call.get("outcome").asString()).as(call.toString()).isEqualTo("passed");
            assertThat(call.get("packetsSent").asInt()).isEqualTo(30);
            assertThat(call.get("packetsReceived").asInt()).isEqualTo(30);
            assertThat(call.get("lossPct").asDouble()).isZero();
            assertThat(call.get("codec").asString()).isEqualTo("PCMU/8000");
            assertThat(call.get("callId").asString()).isEqualTo(callId.toString());
            assertThat(call.get("steps").findValuesAsString("name")).contains("invite", "answered", "media", "bye",
                    "call-record", "recording");
        }
        assertThat(jdbc.queryForObject("select test_call from calls where id = ?", Boolean.class, callId)).isTrue();
    }

    @Test
    void aFailedTestCallRaisesOneAlertThatTheNextPassingOneClears() throws Exception {
        long alertId;
        try (Sipp pcma = Sipp.uas("invite-pcma.xml", "u1", "-rtp_echo")) {
            testNumberAt(pcma, Duration.ofMillis(200));
            JsonNode failed = placeAndAwait();
            assertThat(failed.get("outcome").asString()).isEqualTo("codec-mismatch");
            assertThat(failed.get("detail").asString()).contains("PCMA/8000");
            JsonNode again = placeAndAwait();
            assertThat(again.get("outcome").asString()).isEqualTo("codec-mismatch");
            JsonNode incidents = api.get("/api/v1/line-health/incidents?within=PT1H", "lh-duty").json();
            JsonNode open = null;
            for (JsonNode n : incidents) {
                if (n.get("kind").asString().equals("test-call-failed") && n.get("endedAt").isNull()) {
                    assertThat(open).as("one open incident").isNull();
                    open = n;
                }
            }
            assertThat(open).isNotNull();
            alertId = open.get("alertId").asLong();
            assertThat(alerts.get(alertId).open()).isTrue();
            assertThat(alerts.get(alertId).kind()).isEqualTo("line-health-test-call");
        }
        try (Sipp echo = Sipp.uas("invite-echo.xml", "u1", "-rtp_echo")) {
            testNumberAt(echo, Duration.ofMillis(200));
            JsonNode passed = placeAndAwait();
            assertThat(passed.get("outcome").asString()).as(passed.toString()).isEqualTo("passed");
            assertThat(passed.get("steps").findValuesAsString("name")).contains("call-record");
            assertThat(alerts.get(alertId).open()).isFalse();
            assertThat(alerts.get(alertId).acknowledgedBy()).isEqualTo("system");
        }
    }

    @Test
    void withNoTestNumberConfiguredATestCallIsRefusedClearly() {
        testCalls.plan(null);
        Response r = api.json("POST", "/api/v1/line-health/test-calls", "lh-admin", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("test-call-not-configured");
    }
}
