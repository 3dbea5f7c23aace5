package kz.line102.callcenter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.line102.callcenter.call.CallOutbox;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.incident.deadletter.DeadLetter;
import kz.line102.callcenter.incident.deadletter.DeadLetterService;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.EventId;
import kz.line102.cti.RecordingFinished;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that dies after the intake committed a call and before (or while) it handed
 * the call on: the hand-offs were stored with the events, and a fresh drain (the node
 * restarted, or another one) carries them out.
 */
class HandoffAfterCrashTest extends IntakeTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    DeadLetterService deadLetters;

    @AfterEach
    void drainRunning() throws Exception {
        camel.getRouteController().startRoute(CallHandoffRoutes.WAKE_ROUTE);
        camel.getRouteController().startRoute(CallHandoffRoutes.POLL_ROUTE);
    }

    private List<Map<String, Object>> handoffs(CallId call) {
        return jdbc.queryForList("""
                select target, status, attempts, claimed_by from incident_jobs
                where call_id = ?::uuid and step = 'call-handoff' order by target""", call.value());
    }

    private List<Map<String, Object>> ingestJobs(CallId call) {
        return jdbc.queryForList("select source_name, call_at, caller_number, operator from recording_ingest_jobs"
                + " where call_id = ?", call.value());
    }

    @Test
    void aHandOffInterruptedByACrashIsCarriedOutByAFreshDrain() throws Exception {
        // The node's drain is gone: the commit happens, the hand-off does not.
        camel.getRouteController().stopRoute(CallHandoffRoutes.WAKE_ROUTE);
        camel.getRouteController().stopRoute(CallHandoffRoutes.POLL_ROUTE);

        CallId call = newCall();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<CallEvent> events = new ArrayList<>(answered(call, "+77012345678", t0, "1001", 3, 20));
        String file = "/var/spool/asterisk/monitor/test-" + UUID.randomUUID() + ".wav";
        events.add(new RecordingFinished(EventId.random(), call, t0.plusSeconds(30), file));
        events.forEach(publisher::accept);

        await().atMost(Duration.ofSeconds(10)).until(() -> "answered".equals(outcome(call))
                && handoffs(call).size() == 5);
        assertThat(handoffs(call)).extracting(h -> h.get("target").toString().split(":")[0])
                .containsExactly("draft-card", "recording-ingest", "screen-pop-end", "untouched-draft", "wrap-up");
        // It had taken the recording hand-off and died in the middle of it: its lease runs out.
        // Other test contexts in this JVM share the database and drain it too: the crash is made
        // only while none of them holds the hand-off (a claim in flight would finish it after),
        // and whatever one of them already carried out is undone, so the dead node's claim is left.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            jdbc.update("delete from recording_ingest_jobs where call_id = ?", call.value());
            return jdbc.update("""
                    update incident_jobs set status = 'running', attempts = 1, claimed_by = 'node-that-died',
                        lease_until = clock_timestamp() - interval '1 second'
                    where call_id = ?::uuid and step = 'call-handoff' and target like 'recording-ingest:%'
                      and status <> 'running'""", call.value()) == 1;
        });

        // The node restarts (or another node polls): a fresh drain.
        camel.getRouteController().startRoute(CallHandoffRoutes.WAKE_ROUTE);
        camel.getRouteController().startRoute(CallHandoffRoutes.POLL_ROUTE);

        await().atMost(Duration.ofSeconds(15)).until(() -> handoffs(call).stream()
                .allMatch(h -> "done".equals(h.get("status"))));
        List<Map<String, Object>> ingest = ingestJobs(call);
        assertThat(ingest).hasSize(1);
        assertThat(ingest.get(0).get("source_name")).isEqualTo(file);
        assertThat(((Timestamp) ingest.get(0).get("call_at")).toInstant()).isEqualTo(t0);
        assertThat(ingest.get(0).get("caller_number")).isEqualTo("+77012345678");
        assertThat(ingest.get(0).get("operator")).isEqualTo("1001");
        Map<String, Object> recording = handoffs(call).get(1);
        assertThat((Integer) recording.get("attempts")).isGreaterThanOrEqualTo(2);
        assertThat(recording.get("claimed_by")).isNotEqualTo("node-that-died");
    }

    @Test
    void aReplayedEventAddsNoSecondHandOff() {
        CallId call = newCall();
        List<CallEvent> events = answered(call, "+77012345678", Instant.now(), "1001", 1, 2);
        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoffs(call).size() == 4
                && handoffs(call).stream().allMatch(h -> "done".equals(h.get("status"))));

        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(STREAM) == 0);
        assertThat(handoffs(call)).hasSize(4).allSatisfy(h -> assertThat(h.get("attempts")).isEqualTo(1));
    }

    @Test
    void aHandOffThatKeepsFailingIsADeadLetterForItsCallAndIsReplayed() {
        CallId call = newCall();
        answered(call, "+77012345678", Instant.now(), "1001", 1, 2).forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoffs(call).size() == 4
                && handoffs(call).stream().allMatch(h -> "done".equals(h.get("status"))));
        // As if the draft hand-off had used all its attempts.
        jdbc.update("""
                update incident_jobs set status = 'dead', last_error = 'operator store away'
                where call_id = ?::uuid and step = 'call-handoff' and target like 'draft-card:%'""", call.value());

        List<DeadLetter> dead = deadLetters.list(CallOutbox.STEP, 1000).stream()
                .filter(d -> call.value().equals(String.valueOf(d.callId()))).toList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).incidentId()).isNull();
        assertThat(dead.get(0).target()).startsWith("draft-card:");
        assertThat(dead.get(0).lastError()).isEqualTo("operator store away");

        deadLetters.replay(dead.get(0).jobId(), "it-admin");
        await().atMost(Duration.ofSeconds(10)).until(() -> handoffs(call).stream()
                .allMatch(h -> "done".equals(h.get("status"))));
    }
}
