package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** A console that cannot keep up holds the relay back (counted); no pop is dropped or reordered. */
class ScreenPopLanesTest {

    @Test
    void aFullLaneAppliesBackPressureAndCountsIt() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ScreenPopLanes lanes = new ScreenPopLanes(meters, 2);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        try {
            lanes.execute("1001", () -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> lanes.backlog() == 0);
            lanes.execute("1001", () -> delivered.add(1));
            lanes.execute("1001", () -> delivered.add(2));

            AtomicBoolean relayReturned = new AtomicBoolean();
            Thread relay = new Thread(() -> {
                lanes.execute("1001", () -> delivered.add(3));
                relayReturned.set(true);
            }, "screenpop-relay");
            relay.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> lanes.blocked() == 1);
            assertThat(relayReturned).isFalse();
            assertThat(meters.get("line102.callcenter.screenpop.lanes.blocked").counter().count()).isEqualTo(1);

            release.countDown();
            relay.join(5_000);
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 3);
            assertThat(delivered).containsExactly(1, 2, 3);
        } finally {
            lanes.destroy();
        }
    }
}
