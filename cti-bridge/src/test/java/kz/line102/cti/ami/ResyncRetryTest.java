package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A resync the PBX is too busy to answer is asked again with backoff on the same, healthy link. */
class ResyncRetryTest {

    private ReplayBench bench;

    @AfterEach
    void close() {
        bench.server.leaveUnanswered(Set.of());
        bench.close();
    }

    @Test
    void aResyncThatTimesOutIsRetriedWithoutDroppingTheLink() throws Exception {
        bench = new ReplayBench(p -> p.withActionTimeout(Duration.ofMillis(300)));
        ConcurrentLinkedQueue<AmiLinkConnected> connected = new ConcurrentLinkedQueue<>();
        bench.connector.onLinkConnected(connected::add);
        bench.started();
        await().atMost(Duration.ofSeconds(5)).until(() -> connected.size() == 1);

        bench.server.leaveUnanswered(Set.of("CoreShowChannels"));
        bench.server.dropClients(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> bench.counter("resync.failures") >= 3);
        assertThat(bench.connector.health().connected()).as("the link stays up while the resync is retried").isTrue();
        assertThat(bench.counter("reconnects")).as("only the drop itself").isEqualTo(1);
        assertThat(connected).hasSize(1);

        bench.server.leaveUnanswered(Set.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.size() == 2);
        assertThat(bench.counter("reconnects")).isEqualTo(1);
        assertThat(bench.server.loggedInClients()).isEqualTo(1);
    }
}
