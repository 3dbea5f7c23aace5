package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.QueueControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue membership and pauses through the real asterisk-java client over TCP to the replayed PBX. */
class QueueControlReplayTest {

    private ReplayBench bench;
    private QueueControl queues;

    @BeforeEach
    void start() throws Exception {
        bench = new ReplayBench().started();
        queues = bench.connector.queueControl();
    }

    @AfterEach
    void stop() {
        bench.close();
    }

    private QueueControl.Member member(String queue, String iface) {
        return queues.status().members().stream()
                .filter(m -> m.queue().equals(queue) && m.iface().equals(iface)).findFirst().orElse(null);
    }

    @Test
    void anInterfaceIsAddedPausedWithAReasonUnpausedAndRemoved() {
        queues.add("q102", "PJSIP/1003", "Operator 3", 2);
        assertThat(member("q102", "PJSIP/1003")).satisfies(m -> {
            assertThat(m.dynamic()).isTrue();
            assertThat(m.penalty()).isEqualTo(2);
            assertThat(m.paused()).isFalse();
            assertThat(m.name()).isEqualTo("Operator 3");
        });
        queues.add("q102", "PJSIP/1003", "Operator 3", 2);

        queues.pause("q102", "PJSIP/1003", true, "meal");
        assertThat(member("q102", "PJSIP/1003")).satisfies(m -> {
            assertThat(m.paused()).isTrue();
            assertThat(m.pausedReason()).isEqualTo("meal");
        });
        queues.pause(null, "PJSIP/1003", false, null);
        assertThat(member("q102", "PJSIP/1003").paused()).isFalse();
        queues.penalty("q102", "PJSIP/1003", 5);
        assertThat(member("q102", "PJSIP/1003").penalty()).isEqualTo(5);

        queues.remove("q102", "PJSIP/1003");
        assertThat(member("q102", "PJSIP/1003")).isNull();
        queues.remove("q102", "PJSIP/1003");
    }

    @Test
    void aPauseOfAnInterfaceThePbxDoesNotKnowIsRefusedWithAsterisksWords() {
        assertThatThrownBy(() -> queues.pause("q102", "PJSIP/9999", true, "break"))
                .isInstanceOfSatisfying(QueueCommandException.class,
                        e -> assertThat(e.reason()).isEqualTo(QueueCommandException.Reason.REFUSED))
                .hasMessageContaining("Interface not found").hasMessageContaining("PJSIP/9999");
    }

    @Test
    void anUnknownQueueIsRefused() {
        assertThatThrownBy(() -> queues.add("nosuchqueue", "PJSIP/1003", "x", 0))
                .isInstanceOf(QueueCommandException.class).hasMessageContaining("No such queue");
    }

    @Test
    void withTheLinkDownCommandsAreRefusedAsUnavailableAndTheLinkUpListenerHearsTheReturn() {
        AtomicInteger ups = new AtomicInteger();
        queues.onLinkUp(ups::incrementAndGet);
        bench.server.refuseConnections();
        bench.server.dropClients(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> !bench.connector.health().connected());

        assertThatThrownBy(() -> queues.pause("q102", "PJSIP/1001", true, "break"))
                .isInstanceOfSatisfying(QueueCommandException.class,
                        e -> assertThat(e.reason()).isEqualTo(QueueCommandException.Reason.PBX_UNAVAILABLE));
        assertThat(queues.available()).isFalse();

        bench.server.acceptConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> ups.get() == 1);
        assertThat(queues.available()).isTrue();
        queues.pause("q102", "PJSIP/1001", true, "break");
        assertThat(member("q102", "PJSIP/1001").paused()).isTrue();
    }
}
