package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.Test;

/** A call whose Hangup never came is checked against the PBX once idle too long, and ended; live calls stay. */
class CallSweeperReplayTest {

    @Test
    void idleCallThePbxNoLongerHasIsEndedAndForgottenWhileALiveOneIsKept() throws Exception {
        try (ReplayBench bench = new ReplayBench(p -> p.withCallIdleTimeout(Duration.ofMillis(800))).started()) {
            bench.server.injectRaw(("Event: Newchannel\r\nPrivilege: call,all\r\nTimestamp: 1795390000.000001\r\n"
                    + "Channel: PJSIP/pstn-0000ffff\r\nCallerIDNum: 87170000000\r\nCallerIDName: 87170000000\r\n"
                    + "Context: from-pstn\r\nExten: 102\r\nUniqueid: 1795390000.999\r\nLinkedid: 1795390000.999\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CallId ghost = CallId.derive(ReplayBench.PBX, "1795390000.999");
            ReplayHandle live = bench.server.play("answered", PlayOptions.paced(1));
            CallId liveId = ReplayBench.callOf(live);
            await().atMost(Duration.ofSeconds(15)).until(() -> bench.typesOf(liveId).contains("CallQueued"));

            await().atMost(Duration.ofSeconds(10)).until(() -> bench.typesOf(ghost).contains("CallEnded"));

            assertThat(bench.typesOf(ghost)).containsExactly("CallOffered", "CallEnded");
            assertThat(((CallEnded) bench.of(ghost).get(1)).observed()).isFalse();
            assertThat(bench.typesOf(liveId)).doesNotContain("CallEnded");
            assertThat(bench.connector.health().activeCalls()).isEqualTo(1);
        }
    }
}
