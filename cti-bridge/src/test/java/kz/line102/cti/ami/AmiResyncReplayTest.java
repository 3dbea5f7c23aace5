package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link drops mid-call and comes back: the resync records what the gap hid, and nothing twice. */
class AmiResyncReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private ReplayBench bench;

    @BeforeEach
    void start() throws Exception {
        bench = new ReplayBench().started();
    }

    @AfterEach
    void stop() {
        bench.close();
    }

    @Test
    void linkLostAndBackWhileTheCallIsUpDuplicatesNothingAndMissesNothingAfter() throws Exception {
        CountDownLatch answered = bench.when("AgentConnect");
        ReplayHandle call = bench.server.play("answered", PlayOptions.paced(4));
        CallId id = ReplayBench.callOf(call);
        assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();

        bench.server.dropClients(false);
        await().atMost(WAIT).until(() -> bench.counter("resyncs") == 2 && bench.connector.health().connected());
        bench.server.dropClients(true);
        await().atMost(WAIT).until(() -> bench.counter("resyncs") == 3 && bench.connector.health().connected());
        call.done().get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> bench.typesOf(id).contains("RecordingFinished"));
        assertThat(bench.typesOf(id)).containsExactly("CallOffered", "RecordingStarted", "CallQueued",
                "OperatorRang", "CallLeftQueue", "CallAnswered", "CallCompleted", "CallEnded", "RecordingFinished");
        assertThat(bench.of(id)).filteredOn(CallEnded.class::isInstance).singleElement()
                .extracting(e -> ((CallEnded) e).observed()).isEqualTo(true);
    }

    @Test
    void callThatEndsWhileTheLinkIsDownEndsUnobservedAndItsRecordingIsFinished() throws Exception {
        CountDownLatch answered = bench.when("AgentConnect");
        ReplayHandle call = bench.server.play("answered", PlayOptions.paced(8));
        CallId id = ReplayBench.callOf(call);
        assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();

        bench.server.refuseConnections();
        bench.server.dropClients(false);
        call.done().get(30, TimeUnit.SECONDS);
        Instant restored = Instant.now();
        bench.server.acceptConnections();

        await().atMost(WAIT).until(() -> bench.typesOf(id).contains("RecordingFinished"));
        assertThat(bench.typesOf(id)).containsExactly("CallOffered", "RecordingStarted", "CallQueued",
                "OperatorRang", "CallLeftQueue", "CallAnswered", "CallEnded", "RecordingFinished");
        List<CallEvent> events = bench.of(id);
        CallEnded ended = (CallEnded) events.get(6);
        assertThat(ended.observed()).isFalse();
        assertThat(ended.at()).isAfterOrEqualTo(restored.minusMillis(1));
        assertThat(((RecordingFinished) events.get(7)).fileName())
                .isEqualTo(((RecordingStarted) events.get(1)).fileName()).isNotNull();
        await().atMost(WAIT).until(() -> bench.gauge("calls.active") == 0);
    }

    @Test
    void callThatBeganWhileTheLinkWasDownIsOfferedAndQueuedByTheResync() throws Exception {
        bench.server.refuseConnections();
        bench.server.dropClients(false);
        CountDownLatch queued = bench.when("QueueCallerJoin");
        ReplayHandle call = bench.server.play("abandon", PlayOptions.paced(4));
        CallId id = ReplayBench.callOf(call);
        assertThat(queued.await(20, TimeUnit.SECONDS)).isTrue();

        Instant restored = Instant.now();
        bench.server.acceptConnections();
        call.done().get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> bench.typesOf(id).contains("CallEnded"));
        assertThat(bench.typesOf(id)).containsExactly("CallOffered", "CallQueued", "CallAbandoned",
                "CallLeftQueue", "CallEnded");
        List<CallEvent> events = bench.of(id);
        CallOffered offered = (CallOffered) events.get(0);
        assertThat(offered.observed()).isFalse();
        assertThat(offered.callerNumber()).isEqualTo(call.callerNumber());
        assertThat(offered.dialedNumber()).isEqualTo("102");
        assertThat(offered.at()).isBefore(restored).isAfter(restored.minusSeconds(10));
        assertThat(((CallQueued) events.get(1))).satisfies(q -> {
            assertThat(q.queue()).isEqualTo("q102");
            assertThat(q.position()).isEqualTo(1);
        });
        assertThat(((CallEnded) events.get(4)).observed()).isTrue();
    }

    @Test
    void callAnsweredWhileTheLinkWasDownIsOfferedAndAnsweredByTheResync() throws Exception {
        bench.server.refuseConnections();
        bench.server.dropClients(false);
        CountDownLatch answered = bench.when("AgentConnect");
        ReplayHandle call = bench.server.play("answered", PlayOptions.paced(4));
        CallId id = ReplayBench.callOf(call);
        assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();

        bench.server.acceptConnections();
        await().atMost(WAIT).until(() -> bench.typesOf(id).contains("CallAnswered"));
        bench.server.dropClients(false);
        call.done().get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> bench.typesOf(id).contains("CallEnded"));
        assertThat(bench.typesOf(id)).containsExactly("CallOffered", "CallAnswered", "CallCompleted", "CallEnded");
        CallAnswered answer = (CallAnswered) bench.of(id).get(1);
        assertThat(answer.operator()).isEqualTo("1001");
        assertThat(answer.queue()).isEqualTo("q102");
        assertThat(bench.of(id).get(0).eventId()).isNotEqualTo(bench.of(id).get(1).eventId());
    }
}
