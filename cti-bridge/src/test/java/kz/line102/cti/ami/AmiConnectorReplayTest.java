package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector over real TCP against the replay server: login, a call, bad input, a lost link. */
class AmiConnectorReplayTest {

    private static final List<String> ANSWERED = List.of("CallOffered", "RecordingStarted", "CallQueued",
            "OperatorRang", "CallLeftQueue", "CallAnswered", "CallCompleted", "CallEnded", "RecordingFinished");

    private ReplayBench bench;

    @AfterEach
    void close() {
        bench.close();
        bench.close();
        assertThat(bench.connector.health().state()).isEqualTo(AmiLinkState.STOPPED);
    }

    @Test
    void logsInAndTurnsAReplayedCallIntoItsCallEvents() throws Exception {
        bench = new ReplayBench().started();

        ReplayHandle call = bench.server.play("answered", PlayOptions.fast());
        CallId id = ReplayBench.callOf(call);

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.typesOf(id).size() == ANSWERED.size());
        assertThat(bench.typesOf(id)).containsExactlyElementsOf(ANSWERED);
        assertThat(bench.of(id).get(0)).isInstanceOfSatisfying(CallOffered.class, o -> {
            assertThat(o.callerNumber()).isEqualTo(call.callerNumber());
            assertThat(o.observed()).isTrue();
        });
        assertThat(bench.gauge("link.up")).isEqualTo(1);
        assertThat(bench.counter("events.translated", "type", "CallOffered")).isEqualTo(1);
        assertThat(bench.counter("events.filtered")).as("VarSet/Newexten flood dropped unparsed").isGreaterThan(100);
        assertThat(bench.counter("resyncs")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> bench.gauge("calls.active") == 0);
    }

    @Test
    void startAndStopAreIdempotentAndHealthTellsTheState() throws Exception {
        bench = new ReplayBench();
        assertThat(bench.connector.health().state()).isEqualTo(AmiLinkState.STOPPED);

        bench.connector.start();
        bench.connector.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.connector.health().connected());
        assertThat(bench.server.loggedInClients()).isEqualTo(1);
        assertThat(bench.connector.health().lastError()).isNull();
        assertThat(bench.connector.health().since()).isNotNull();
    }

    @Test
    void wrongSecretIsReportedAndRetriedWithBackoffUntilStopped() throws Exception {
        bench = new ReplayBench(p -> new AmiProperties(p.host(), p.port(), p.username(), "wrong", p.pbx(),
                p.inboundContexts(), p.reconnectMin(), p.reconnectMax(), p.actionTimeout(), p.eventMask(), p.lanes(),
                p.maxLineBytes(), p.maxBlockBytes(), p.callIdleTimeout()));
        bench.connector.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.connector.health().reconnects() >= 3);
        assertThat(bench.connector.health().state()).isIn(AmiLinkState.RECONNECTING, AmiLinkState.CONNECTING);
        assertThat(bench.connector.health().lastError()).contains("login").contains("failed");
        assertThat(bench.gauge("link.up")).isZero();
    }

    @Test
    void malformedInputIsCountedAndTheLinkCarriesOnWithTheNextCall() throws Exception {
        bench = new ReplayBench().started();
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes("garbage without a colon\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        bad.writeBytes("Channel: PJSIP/x\r\nUniqueid: 1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        bad.writeBytes(("Event: Newchannel\r\nCallerIDName: " + "x".repeat(100_000) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        bad.writeBytes("Event: Newchannel\r\nLinkedid: 9.9\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 4_000; i++) {
            bad.writeBytes(("X-" + i + ": yyyyyyyyyyyyyyyyyyyy\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        bad.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        bad.writeBytes(new byte[] {'E', 'v', 'e', 'n', 't', ':', ' ', 'H', 'a', 'n', 'g', (byte) 0xff, '\r', '\n',
            '\r', '\n'});

        bench.server.injectRaw(bad.toByteArray());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(bench.counter("malformed", "kind", "garbage-line")).isEqualTo(1);
            assertThat(bench.counter("malformed", "kind", "headerless-block")).isEqualTo(1);
            assertThat(bench.counter("malformed", "kind", "oversized-line")).isEqualTo(1);
            assertThat(bench.counter("malformed", "kind", "oversized-block")).isEqualTo(1);
            assertThat(bench.counter("malformed", "kind", "invalid-utf8")).isEqualTo(1);
        });
        ReplayHandle call = bench.server.play("answered", PlayOptions.fast());
        CallId id = ReplayBench.callOf(call);
        await().atMost(Duration.ofSeconds(10)).until(() -> bench.typesOf(id).size() == ANSWERED.size());
        assertThat(bench.typesOf(id)).containsExactlyElementsOf(ANSWERED);
        assertThat(bench.counter("reconnects")).isZero();
        assertThat(bench.events).allMatch(e -> e.callId().equals(id));
    }

    @Test
    void connectionCutInsideAnEventIsCountedAndTheConnectorReconnectsAndResyncs() throws Exception {
        bench = new ReplayBench().started();

        bench.server.dropClients(true);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(bench.counter("malformed", "kind", "truncated-block")).isEqualTo(1);
            assertThat(bench.counter("reconnects")).isEqualTo(1);
            assertThat(bench.counter("resyncs")).isEqualTo(2);
            assertThat(bench.connector.health().connected()).isTrue();
        });
        assertThat(bench.connector.health().lastError()).isEqualTo("AMI connection lost");
        assertThat(bench.events).isEmpty();
    }

    @Test
    void refusedConnectionsAreRetriedUntilThePbxIsBack() throws Exception {
        bench = new ReplayBench().started();
        bench.server.refuseConnections();
        bench.server.dropClients(false);

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.counter("reconnects") >= 3);
        assertThat(bench.connector.health().state()).isEqualTo(AmiLinkState.RECONNECTING);
        assertThat(bench.gauge("link.up")).isZero();

        bench.server.acceptConnections();

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.connector.health().connected());
        ReplayHandle call = bench.server.play("abandon", PlayOptions.fast());
        await().atMost(Duration.ofSeconds(10)).until(() -> bench.of(ReplayBench.callOf(call)).stream()
                .anyMatch(CallEnded.class::isInstance));
    }
}
