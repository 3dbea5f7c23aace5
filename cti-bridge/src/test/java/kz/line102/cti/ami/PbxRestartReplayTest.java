package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import kz.line102.cti.QueueControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PBX restart as faults/pbx-restart-members shows it (Shutdown with Restart: True, the
 * socket closed, a new start time at the next login) is told apart from a lost link.
 */
class PbxRestartReplayTest {

    private ReplayBench bench;

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void aRestartIsAnnouncedWithTheNextConnectAndCounted() throws Exception {
        bench = new ReplayBench();
        ConcurrentLinkedQueue<AmiLinkConnected> connected = new ConcurrentLinkedQueue<>();
        bench.connector.onLinkConnected(connected::add);
        bench.started();
        await().atMost(Duration.ofSeconds(5)).until(() -> connected.size() == 1);
        QueueControl queues = bench.connector.queueControl();
        queues.add("q102", "PJSIP/1003", "op3", 0);

        bench.server.dropClients(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.size() == 2);
        assertThat(connected).element(1).satisfies(c -> {
            assertThat(c.cause()).isEqualTo(AmiLinkConnected.Cause.RECONNECT);
            assertThat(c.pbxRestarted()).as("a dropped link is not a restart").isFalse();
            assertThat(c.lostAt()).isNotNull();
        });

        bench.server.restartPbx(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.size() == 3);
        assertThat(connected).element(2).satisfies(c -> assertThat(c.pbxRestarted()).isTrue());
        assertThat(bench.counter("pbx.restarts")).isEqualTo(1);
        assertThat(queues.status().members()).noneMatch(m -> m.iface().equals("PJSIP/1003"));
    }

    @Test
    void withPersistentMembersTheRestartedPbxKeepsMembersAndPauses() throws Exception {
        bench = new ReplayBench().started();
        QueueControl queues = bench.connector.queueControl();
        queues.add("q102", "PJSIP/1003", "op3", 0);
        queues.pause("q102", "PJSIP/1003", true, "lunch");

        bench.server.restartPbx(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> bench.counter("pbx.restarts") == 1
                && bench.connector.health().connected());
        assertThat(queues.status().members()).filteredOn(m -> m.iface().equals("PJSIP/1003")).singleElement()
                .satisfies(m -> {
                    assertThat(m.paused()).isTrue();
                    assertThat(m.pausedReason()).isEqualTo("lunch");
                    assertThat(m.dynamic()).isTrue();
                });
    }
}
