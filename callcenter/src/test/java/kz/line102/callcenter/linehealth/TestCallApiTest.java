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
import kz.line102.cti.agi.AgiCapture;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.agi.FakeAsterisk;
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

/**
 * Test calls on demand against sipp as the test number: measured, seen on our side step
 * by step (the routing step over the real FastAGI service), alarmed and cleared.
 */
@CallcenterTest
class TestCallApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final java.util.List<String> OUR_STEPS = java.util.List.of("ami-events", "call-record", "routing",
            "recording-archived");

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
    @Autowired
    AgiRoutingServer agi;

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

    private void testNumberRequiringOurSteps(Sipp sipp, Duration budget) {
        testCalls.plan(new TestCallPlan(new SipPeer("127.0.0.1", sipp.port(), Transport.UDP, "102999"), caller,
                Duration.ofSeconds(2), Duration.ofMillis(600), Duration.ofMillis(700), 5.0, budget, true));
    }

    private String place() {
        Response placed = api.json("POST", "/api/v1/line-health/test-calls", "lh-admin", null);
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        return placed.json().get("id").asString();
    }

    private JsonNode awaitOutcome(String id) {
        await().atMost(PATIENCE).until(() -> !api.get("/api/v1/line-health/test-calls/" + id, "lh-duty").json()
                .get("outcome").isNull());
        return api.get("/api/v1/line-health/test-calls/" + id, "lh-duty").json();
    }

    private JsonNode placeAndAwait() {
        return awaitOutcome(place());
    }

    /**
     * What the PBX and our side do for the test call: Asterisk asks the routing service
     * (the captured FastAGI request, from the test caller), the intake stores the call's
     * first event and record, and, when {@code archived}, the recorder archives its recording.
     */
    private UUID ourSideSeesIt(boolean archived) {
        AgiCapture capture = AgiCapture.load("answered").with("agi_callerid", caller).with("agi_calleridname", caller)
                .with("agi_arg_1", caller).with("agi_uniqueid", "1795390568." + (System.nanoTime() % 100_000));
        FakeAsterisk.play(agi.port(), capture);
        // The routing answer is kept just after the AGI session ends (the listener runs then).
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from line_health_routes"
                + " where caller_number = ?", Integer.class, caller) == 1);
        UUID callId = jdbc.queryForObject("select call_id from line_health_routes where caller_number = ?",
                UUID.class, caller);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into calls (id, caller_number, offered_at, outcome, recording_file)"
                + " values (?, ?, ?, 'answered', 'test/rec.wav')", callId, caller, now);
        jdbc.update("insert into call_events (event_id, call_id, type, at, payload)"
                + " values (?, ?, 'CallOffered', ?, '{}'::jsonb)", UUID.randomUUID(), callId, now);
        if (archived) {
            jdbc.update("insert into recordings (id, call_id, call_at, caller_number, source_name, path, sha256,"
                    + " size_bytes, duration_ms, codec, retention_class, retain_from, ingested_at)"
                    + " values (?, ?, ?, ?, 'rec.wav', 'test/rec.flac', ?, 1000, 1500, 'flac', 'audio', ?, ?)",
                    UUID.randomUUID(), callId.toString(), now, caller, "0".repeat(64), now, now);
        }
        return callId;
    }

    @Test
    void aTestCallSeenEndToEndPassesStepByStepAndItsCallRecordIsMarkedAsATestCall() throws Exception {
        UUID callId;
        JsonNode call;
        try (Sipp echo = Sipp.uas("invite-echo.xml", "u1", "-rtp_echo")) {
            testNumberRequiringOurSteps(echo, Duration.ofSeconds(15));
            String id = place();
            callId = ourSideSeesIt(true);
            call = awaitOutcome(id);
        }
        assertThat(call.get("outcome").asString()).as(call.toString()).isEqualTo("passed");
        assertThat(call.get("packetsSent").asInt()).isEqualTo(30);
        assertThat(call.get("packetsReceived").asInt()).isEqualTo(30);
        assertThat(call.get("lossPct").asDouble()).isZero();
        assertThat(call.get("codec").asString()).isEqualTo("PCMU/8000");
        assertThat(call.get("callId").asString()).isEqualTo(callId.toString());
        assertThat(call.get("steps").findValuesAsString("name")).containsSubsequence("invite", "answered", "media",
                "bye", "ami-events", "call-record", "routing", "recording-archived");
        for (JsonNode step : call.get("steps")) {
            assertThat(step.get("ok").asBoolean()).as(step.toString()).isTrue();
            if (OUR_STEPS.contains(step.get("name").asString())) {
                assertThat(step.get("atMs").asLong()).as(step.toString()).isBetween(0L, 15_000L);
            }
        }
        assertThat(call.get("steps").toString()).contains("queue q102");
        assertThat(jdbc.queryForObject("select test_call from calls where id = ?", Boolean.class, callId)).isTrue();
    }

    @Test
    void aStepThatDoesNotHappenWithinItsBudgetFailsTheTestCallAndRaisesAnAlert() throws Exception {
        JsonNode call;
        try (Sipp echo = Sipp.uas("invite-echo.xml", "u1", "-rtp_echo")) {
            testNumberRequiringOurSteps(echo, Duration.ofSeconds(4));
            String id = place();
            ourSideSeesIt(false);
            call = awaitOutcome(id);
        }
        assertThat(call.get("outcome").asString()).as(call.toString()).isEqualTo("no-recording");
        assertThat(call.get("detail").asString()).contains("recording-archived: no recording of call")
                .contains("within 4000 ms");
        for (JsonNode step : call.get("steps")) {
            assertThat(step.get("ok").asBoolean()).as(step.toString())
                    .isEqualTo(!step.get("name").asString().equals("recording-archived"));
        }
        JsonNode open = null;
        for (JsonNode n : api.get("/api/v1/line-health/incidents?within=PT1H", "lh-duty").json()) {
            if (n.get("kind").asString().equals("test-call-failed") && n.get("endedAt").isNull()) {
                open = n;
            }
        }
        assertThat(open).as("the failed step's incident").isNotNull();
        assertThat(alerts.get(open.get("alertId").asLong()).open()).isTrue();
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
            // The outcome is written just before the alarm is cleared: on a busy machine a read can fall between.
            await().atMost(Duration.ofSeconds(5)).until(() -> !alerts.get(alertId).open());
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
