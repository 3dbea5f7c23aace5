package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A full lane holds the AMI reader back (counted) and loses nothing; calls stay in order. */
class CallLanesTest {

    @Test
    void aFullLaneMakesTheReaderWaitAndDropsNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        try (CallLanes lanes = new CallLanes(1, "test-lane", 4)) {
            lanes.submit("call-1", () -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> lanes.backlog() == 1);
            for (int i = 0; i < 4; i++) {
                int n = i;
                lanes.submit("call-1", () -> handled.add(n));
            }
            assertThat(lanes.blocked()).isZero();

            AtomicBoolean readerReturned = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                lanes.submit("call-1", () -> handled.add(4));
                readerReturned.set(true);
            }, "ami-reader");
            reader.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> lanes.blocked() == 1);
            assertThat(readerReturned).as("the reader waits while the lane is full").isFalse();
            assertThat(reader.getState()).isIn(Thread.State.TIMED_WAITING, Thread.State.WAITING,
                    Thread.State.RUNNABLE);

            release.countDown();
            reader.join(5_000);
            assertThat(readerReturned).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 5);
            assertThat(handled).containsExactly(0, 1, 2, 3, 4);
        }
    }
}
