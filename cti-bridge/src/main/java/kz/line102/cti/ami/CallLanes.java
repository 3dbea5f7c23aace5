package kz.line102.cti.ami;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of named single-thread lanes; all work for one call (one Linkedid) goes
 * to the same lane, so a call's events are handled in order and its state needs no
 * lock, while different calls proceed in parallel.
 *
 * <p>The lane queues are unbounded on purpose: {@link #submit} is called on
 * asterisk-java's dispatch thread, and blocking it would only move the overflow back
 * into asterisk-java's 20,000-event queue, which drops. Memory is the limit instead,
 * and the backlog is visible as a gauge and in a WARN once it passes a threshold.
 */
final class CallLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallLanes.class);
    private static final int WARN_BACKLOG = 50_000;

    private final ThreadPoolExecutor[] lanes;
    private volatile boolean warned;

    CallLanes(int count, String name) {
        lanes = new ThreadPoolExecutor[count];
        for (int i = 0; i < count; i++) {
            String threadName = name + "-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, threadName);
                        t.setDaemon(true);
                        return t;
                    });
        }
    }

    /** Queues {@code task} on the lane of {@code key}; never blocks. */
    void submit(String key, Runnable task) {
        ThreadPoolExecutor lane = lanes[Math.floorMod(key.hashCode(), lanes.length)];
        lane.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // One bad event must not kill the lane and with it every later call on it.
                log.error("lane task failed for key {}", key, e);
            }
        });
        if (!warned && lane.getQueue().size() > WARN_BACKLOG) {
            warned = true;
            log.warn("AMI lane backlog passed {} events: call event handling is behind the PBX", WARN_BACKLOG);
        }
    }

    long backlog() {
        long n = 0;
        for (ThreadPoolExecutor lane : lanes) {
            n += lane.getQueue().size() + lane.getActiveCount();
        }
        return n;
    }

    int size() {
        return lanes.length;
    }

    /** Lets queued work finish (up to {@code drain}), then stops the threads. Idempotent. */
    void close(Duration drain) {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        long deadline = System.nanoTime() + drain.toNanos();
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.warn("AMI lane did not drain in {}; {} tasks abandoned", drain, lane.shutdownNow().size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
